// HyClus live dashboard: everything arrives as server-sent events from /events; no reloads, no build step.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4',
    '#ea7ccc', '#c4ccd3', '#e0a458', '#61a0a8'];
  const fmt = (v, d = 1) => (v === undefined || v === null || Number.isNaN(v)) ? '–' : Number(v).toFixed(d);

  // ---------- live map ----------
  const samples = new Map(); // key -> sample with xy
  let mapVersion = 0;
  const chart = echarts.init($('map'), 'dark');
  let redrawPending = false;

  function colourKey() { return $('colour-by').value; }

  function redrawMap() {
    redrawPending = false;
    const by = colourKey();
    const groups = new Map();
    let points = 0;
    for (const s of samples.values()) {
      const g = s[by];
      if (!groups.has(g)) groups.set(g, []);
      const data = groups.get(g);
      for (let i = 0; i < s.xy.length; i += 2) data.push([s.xy[i], s.xy[i + 1], s.key]);
      points += s.xy.length / 2;
    }
    const names = [...groups.keys()].sort();
    chart.setOption({
      backgroundColor: 'transparent',
      animation: false,
      color: PALETTE,
      legend: { top: 0, textStyle: { color: '#ccc' } },
      title: samples.size ? { text: '' } : { text: 'waiting for the live map (it is fitted once the first samples are '
        + 'encoded)', left: 'center', top: 'middle', textStyle: { color: '#778', fontSize: 13, fontWeight: 'normal' } },
      grid: { left: 40, right: 10, top: 30, bottom: 25 },
      tooltip: { trigger: 'item', formatter: (p) => {
        const s = samples.get(p.data[2]);
        return s ? `<b>${s.sampleId}</b><br>${s.plant} · ${s.month} · ${s.fraction}<br>scan ${s.scanId}` : '';
      } },
      xAxis: { type: 'value', scale: true, splitLine: { show: false } },
      yAxis: { type: 'value', scale: true, splitLine: { show: false } },
      series: names.map((n) => ({ name: n, type: 'scatter', symbolSize: 4, large: true, data: groups.get(n) })),
    }, { replaceMerge: ['series'] });
    $('map-version').textContent = mapVersion;
    $('map-samples').textContent = samples.size;
    $('map-samples').dataset.ids = [...samples.values()].map((s) => s.sampleId).join(',');
    $('map-points').textContent = points;
  }

  function scheduleMap() {
    if (!redrawPending) { redrawPending = true; setTimeout(redrawMap, 200); }
  }

  $('colour-by').addEventListener('change', redrawMap);
  chart.on('click', (p) => { if (p.data) showSample(samples.get(p.data[2])); });

  // ---------- selected sample ----------
  let detailCharts = [];
  async function showSample(s) {
    if (!s) return;
    const box = $('details');
    detailCharts.forEach((c) => c.dispose());
    detailCharts = [];
    box.innerHTML = `<h2>${s.sampleId}</h2><p>${s.plant} · ${s.month} · ${s.fraction} · scan ${s.scanId}</p><p>loading…</p>`;
    const r = await fetch(`/api/sample?scan=${encodeURIComponent(s.scanId)}&sample=${encodeURIComponent(s.sampleId)}`);
    if (!r.ok) { box.lastChild.textContent = `no details: ${r.status} ${await r.text()}`; return; }
    const d = await r.json();
    box.lastChild.remove();
    for (const [cam, c] of Object.entries(d.cameras)) {
      const div = document.createElement('div');
      div.className = 'chart';
      box.appendChild(div);
      const ch = echarts.init(div, 'dark');
      const at = (f) => c.mean.map((m, i) => [c.wavelengthNm[i], f(m, c.sd[i])]);
      const spread = { type: 'line', symbol: 'none', lineStyle: { type: 'dashed', width: 1, color: '#8899aa' } };
      ch.setOption({
        backgroundColor: 'transparent', animation: false,
        title: { text: `${cam}: mean ± sd of ${c.spectra} spectra`, textStyle: { fontSize: 12 } },
        grid: { left: 45, right: 15, top: 30, bottom: 25 }, tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', min: 'dataMin', max: 'dataMax', name: 'nm', nameGap: 5 },
        yAxis: { type: 'value', min: 0 },
        series: [
          { ...spread, name: 'mean + sd', data: at((m, sd) => m + sd) },
          { ...spread, name: 'mean - sd', data: at((m, sd) => Math.max(0, m - sd)) },
          { type: 'line', symbol: 'none', name: 'mean', data: at((m) => m), lineStyle: { width: 2, color: '#fac858' } },
        ],
      });
      detailCharts.push(ch);
    }
    const codes = Object.entries(d.codes);
    const p = document.createElement('p');
    p.innerHTML = codes.length === 0 ? 'codes: none published yet'
      : codes.map(([cam, c]) => `codes ${cam} (${c.model}, ${c.rows} of ${c.totalRows} rows): `
        + c.mean.map((m, i) => `${fmt(m, 2)}±${fmt(c.sd[i], 2)}`).join(' ')).join('<br>');
    box.appendChild(p);
  }

  // ---------- waterfall ----------
  let scan = null;
  const wf = {}; // camera -> {canvas, ctx, svg, cam, rows}
  const SVG = 'http://www.w3.org/2000/svg';
  const MAX_WF_PX = 440;

  function startScan(s) {
    scan = s;
    $('scan-id').textContent = s.scanId;
    $('scan-state').textContent = `tray ${s.trayId} started ${s.startedAt}`;
    const host = $('waterfalls');
    host.innerHTML = '';
    for (const c of s.cameras) {
      const rows = Math.ceil(s.lengthMm / s.rowMm);
      const widthMm = c.columns * c.columnMm;
      const el = document.createElement('div');
      el.className = 'wf';
      // as large as half the panel allows, at most MAX_WF_PX tall, in the tray's proportions
      const avail = Math.max(150, (host.clientWidth - 14 * (s.cameras.length - 1)) / s.cameras.length);
      let w = avail;
      let h = w * s.lengthMm / widthMm;
      if (h > MAX_WF_PX) { h = MAX_WF_PX; w = h * widthMm / s.lengthMm; }
      el.innerHTML = `<div class="box" style="width:${Math.round(w)}px;height:${Math.round(h)}px"><canvas></canvas><svg></svg></div>`
        + `<div class="cap">${c.kind} (${c.sensorId}) R/G/B = ${c.bandsNm.map((b) => fmt(b, 0)).join('/')} nm · `
        + `<span id="rows-${c.kind}">0</span> rows</div>`;
      host.appendChild(el);
      const canvas = el.querySelector('canvas');
      canvas.width = c.columns;
      canvas.height = rows;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, c.columns, rows);
      const svg = el.querySelector('svg');
      svg.setAttribute('viewBox', `${c.x0Mm} 0 ${widthMm} ${s.lengthMm}`);
      svg.setAttribute('preserveAspectRatio', 'none');
      wf[c.kind] = { canvas, ctx, svg, cam: c, rows: 0 };
      drawSlots(c.kind);
    }
    listSlots();
  }

  function listSlots() {
    const ul = $('slots');
    ul.innerHTML = '';
    for (const sl of scan.slots) {
      const li = document.createElement('li');
      li.className = sl.state;
      li.dataset.sample = sl.sampleId;
      li.dataset.state = sl.state;
      li.textContent = `${sl.index}: ${sl.sampleId} (${sl.plant}, ${sl.month}, ${sl.fraction}) ${sl.state.toLowerCase()}`;
      li.addEventListener('click', () => showSample({ scanId: scan.scanId, sampleId: sl.sampleId, plant: sl.plant,
        month: sl.month, fraction: sl.fraction }));
      ul.appendChild(li);
    }
  }

  function drawSlots(kind) {
    const w = wf[kind];
    w.svg.innerHTML = '';
    for (const sl of scan.slots) {
      const r = document.createElementNS(SVG, 'rect');
      r.setAttribute('x', sl.x0); r.setAttribute('y', sl.y0);
      r.setAttribute('width', sl.x1 - sl.x0); r.setAttribute('height', sl.y1 - sl.y0);
      r.setAttribute('class', `slot ${sl.state}`);
      r.dataset.sample = sl.sampleId;
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `${sl.sampleId}: ${sl.state.toLowerCase()}`;
      r.appendChild(title);
      w.svg.appendChild(r);
    }
  }

  function setSlot(e) {
    if (!scan || scan.scanId !== e.scanId) return;
    const sl = scan.slots.find((x) => x.sampleId === e.sampleId);
    if (sl) sl.state = e.state;
    for (const kind of Object.keys(wf)) drawSlots(kind);
    listSlots();
  }

  function addRow(camera, row) {
    const w = wf[camera];
    if (!w) return;
    const bytes = atob(row.rgb);
    const cols = w.cam.columns;
    const img = w.ctx.createImageData(cols, 1);
    for (let i = 0; i < cols; i++) {
      img.data[4 * i] = bytes.charCodeAt(3 * i);
      img.data[4 * i + 1] = bytes.charCodeAt(3 * i + 1);
      img.data[4 * i + 2] = bytes.charCodeAt(3 * i + 2);
      img.data[4 * i + 3] = 255;
    }
    w.ctx.putImageData(img, 0, row.i);
    w.rows++;
    $(`rows-${camera}`).textContent = w.rows;
  }

  // ---------- figures ----------
  function statsRow(name, value) { return `<tr><td>${name}</td><td>${value}</td></tr>`; }

  function showStats(s) {
    let h = '';
    for (const [cam, c] of Object.entries(s.cameras)) {
      const rate = s.rates && s.rates[cam];
      const dev = s.devices && s.devices[cam];
      h += statsRow(`${cam} camera`, `${c.lines} lines, ${fmt(c.bytes / 1e6)} MB`
        + (rate ? ` · ${fmt(rate.linesPerS)} lines/s, ${fmt(rate.bytesPerS / 1e6, 2)} MB/s` : '')
        + (dev ? ` · line ${dev.lineIndex}, ${fmt(dev.lineRateHz)} Hz` : ''));
    }
    const temps = Object.entries(s.temperatures || {});
    h += statsRow('camera temperature', temps.length
      ? temps.map(([cam, t]) => `${cam} ${fmt(t)} °C`).join(', ')
      : 'not available (read by the acquisition process; shown when the dashboard runs in it, as in hyclus demo)');
    const dev = s.devices && (s.devices.VNIR || s.devices.SWIR);
    h += statsRow('belt', dev ? `position ${fmt(dev.beltPositionMm)} mm, speed ${fmt(dev.beltSpeedMmPerS)} mm/s` : '–');
    h += statsRow('samples', `${s.samplesWritten} containers written; encoded: `
      + Object.entries(s.samplesEncoded).map(([k, n]) => `${k} ${n}`).join(', '));
    h += statsRow('scans completed', `${s.scansCompleted} (${s.degradations} degradations recorded)`);
    h += statsRow('dead letters', Object.entries(s.deadLetters).map(([t, n]) => `${t}: ${n}`).join(', ') || '0');
    h += statsRow('lag (offsets)', Object.entries(s.lag).map(([g, n]) => `${g}: ${n}`).join(', ') || 'not measured yet');
    h += statsRow('live map', `v${s.mapVersion}, ${s.mapSamples} samples, ${s.mapPoints} points`);
    if (s.clients !== undefined) h += statsRow('browsers', `${s.clients} connected, ${s.droppedClients} dropped (too slow)`);
    $('stats').tBodies[0].innerHTML = h;
  }

  function showSettings(settings) {
    $('settings').tBodies[0].innerHTML = Object.entries(settings)
      .map(([k, v]) => statsRow(k.replace(/^scan\./, ''), v)).join('');
  }

  // ---------- events ----------
  function connect() {
    const es = new EventSource('/events');
    const on = (name, f) => es.addEventListener(name, (m) => f(JSON.parse(m.data)));
    es.onopen = () => { $('conn').textContent = 'live'; $('conn').className = 'good'; };
    es.onerror = () => { $('conn').textContent = 'reconnecting…'; $('conn').className = 'bad'; };
    on('map', (m) => {
      samples.clear(); mapVersion = m.version;
      for (const s of m.samples) samples.set(s.key, s);
      scheduleMap();
    });
    on('mapReset', (m) => { samples.clear(); mapVersion = m.version; scheduleMap(); });
    on('points', (s) => { mapVersion = s.version; samples.set(s.key, s); scheduleMap(); });
    on('scan', (s) => { startScan(s); showSettings(s.settings); });
    on('rows', (r) => { if (scan && r.scanId === scan.scanId) r.rows.forEach((row) => addRow(r.camera, row)); });
    on('row', (r) => { if (scan && r.scanId === scan.scanId) addRow(r.camera, r); });
    on('slot', setSlot);
    on('scanDone', (d) => {
      if (scan && d.scanId === scan.scanId) {
        const st = $('scan-state');
        st.textContent = `completed ${d.completedAt}: `
          + Object.entries(d.linesPublished).map(([k, v]) => `${k} ${v} lines`).join(', ')
          + (d.degradations.length ? ` · ${d.degradations.length} degradations recorded (hover)` : ' · clean');
        st.title = d.degradations.join('\n');
      }
    });
    on('stats', showStats);
  }
  window.addEventListener('resize', () => chart.resize());
  redrawMap();
  connect();
})();
