package io.hyclus.app.bench;

import io.hyclus.acquisition.calibration.RadiometricCalibration;
import io.hyclus.acquisition.publish.KafkaRawFramePublisher;
import io.hyclus.acquisition.publish.KafkaScanEventPublisher;
import io.hyclus.acquisition.publish.LineEncoding;
import io.hyclus.acquisition.stitch.StitchSettings;
import io.hyclus.acquisition.stitch.StitchingSink;
import io.hyclus.acquisition.sync.RawFrameTap;
import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.acquisition.sync.SynchronisedScanner;
import io.hyclus.app.rig.InProcessRig;
import io.hyclus.app.rig.RigSettings;
import io.hyclus.app.rig.SimulatedCampaign;
import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.core.codec.RawFrameCodec;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.RawFrameRole;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.simulator.campaign.TrayPlanner;
import io.hyclus.simulator.campaign.TrayPlanner.SimulatedTray;
import io.hyclus.simulator.scene.BeltScene;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The acquisition path at the real cameras' line rates, without the simulator's cost: raw frames of one simulated
 * campaign tray (full-size VNIR 1024 x 224 and SWIR 384 x 288) are rendered first and kept in memory, then replayed as a
 * frame grabber would deliver them, VNIR at 330 lines/s and SWIR at 450 lines/s interleaved by due time, on one thread
 * as the scanner runs: raw frame to {@code hyclus.raw-frames} ({@link KafkaRawFramePublisher}, 12-bit counts packed,
 * no producer compression) → calibration ({@link RadiometricCalibration#apply}) → compact codec on the publisher's
 * encoder threads → {@code hyclus.scan-events} on an embedded broker in the same JVM. With {@code stitch} (the
 * default) the calibrated lines go through the stitching stage ({@link StitchingSink}, docs/stitching.md) before the
 * codec, the frames' encoder positions set as a 100 mm/s belt gives them at the two line rates (VNIR every 303 µm, SWIR
 * every 222 µm), so every VNIR line is interpolated between two SWIR lines and its stitched line (1024 x 511) is
 * published as well.
 *
 * <p>Prints one JSON line per run: lines/s per camera, the real-time factor (achieved ÷ required line rate, the lower of
 * the two cameras; the run's time ends when every record is acknowledged, so it includes the drain), input MB/s (16-bit
 * counts), how far the scanner thread fell behind a frame's due time at most, the drain (last frame through the scanner
 * thread → every record acknowledged), process CPU (cores), where the CPU went per thread group, the JVM's uptime when
 * the run began and how far behind it fell at most in each 5 s. A run of {@value #STEADY_RUN_S} s or more also reports
 * its steady part from {@value #STEADY_FROM_S} s on: the real-time factor of the lines due from then, charged from their
 * first due time to the last acknowledgement, and the most it fell behind there. Then the raw
 * producer ceiling: the same record bytes sent by a bare producer as fast as it goes. Not a test: figures only.
 *
 * <p>Usage: {@code bench/acquisition.sh [SECONDS] [ENCODER_THREADS] [paced|unpaced] [raw-frames|no-raw-frames]
 * [stitch|no-stitch]}: the
 * issue's path is calibration → stitching → codec → broker; a scan also publishes its raw frames, which
 * {@code no-raw-frames} leaves out. Paced: frames are due at the line
 * rates and the run says how far behind it fell; unpaced: as fast as the path goes, the rates' ratio kept.
 */
public final class AcquisitionPathBenchmark {
    /** The two cameras (the stitched stream is no camera: it has no raw frames). */
    private static final List<SensorKind> CAMERAS = List.of(SensorKind.VNIR, SensorKind.SWIR);

    static final double VNIR_HZ = 330;
    static final double SWIR_HZ = 450;
    /**
     * Runs of at least this many seconds also report their steady part, from {@link #STEADY_FROM_S} on: in the first
     * ~40 s of a JVM the JIT compilers still take 0.15–0.2 of the 2 cores and the Kafka client's hot methods still run
     * in C1's profiled code (docs/benchmarks.md), which a scanner process pays once, not per tray.
     */
    static final double STEADY_RUN_S = 40;
    static final double STEADY_FROM_S = 30;
    /** Belt speed the stitched run's encoder positions follow, µm/s. */
    static final double BELT_UM_PER_S = 100_000;

    private AcquisitionPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        int encoderThreads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        boolean paced = args.length <= 2 || !args[2].equals("unpaced");
        boolean rawFrames = args.length <= 3 || !args[3].equals("no-raw-frames");
        boolean stitch = args.length <= 4 || !args[4].equals("no-stitch");
        Rendered r = render();
        System.out.printf(Locale.ROOT, "# rendered %d VNIR and %d SWIR frames of %d x %d and %d x %d%n",
                r.frames.get(SensorKind.VNIR).size(), r.frames.get(SensorKind.SWIR).size(),
                r.frames.get(SensorKind.VNIR).get(0).pixels(), r.frames.get(SensorKind.VNIR).get(0).bands(),
                r.frames.get(SensorKind.SWIR).get(0).pixels(), r.frames.get(SensorKind.SWIR).get(0).bands());
        Path dir = Files.createTempDirectory("hyclus-acq-bench");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir.resolve("broker")))) {
            String bootstrap = broker.bootstrapServers();
            TopicAdmin.ensureTopics(bootstrap, HyclusTopics.all(), 1, (short) 1);
            run(r, bootstrap, 3, encoderThreads, false, rawFrames, stitch, "warm-up");
            Result result = run(r, bootstrap, seconds, encoderThreads, paced, rawFrames, stitch,
                    (paced ? "paced" : "unpaced") + (rawFrames ? "" : "-no-raw-frames") + (stitch ? "-stitch" : ""));
            ceiling(bootstrap, result.records);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Rendered(Map<SensorKind, RigCamera> cameras, Map<SensorKind, List<RawFrame>> dark,
                            Map<SensorKind, List<RawFrame>> white, Map<SensorKind, List<RawFrame>> frames,
                            Map<SensorKind, RadiometricCalibration> calibration, ScanStarted started) {
    }

    /** One kind of record the path sends, as a topic got it, and how many per second the line rates make. */
    private record Sent(String what, String topic, byte[] value, double perSecond) {
    }

    private record Result(List<Sent> records) {
    }

    /** Runs the path for {@code seconds}; keeps a sample of the records it produced for the ceiling. */
    private static Result run(Rendered r, String bootstrap, double seconds, int encoderThreads, boolean paced,
                              boolean rawFrames, boolean stitch, String label) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Long> cpuBefore = cpuByGroup(threads);
        long memFreeMb = memFreeMb();
        long processCpu0 = os.getProcessCpuTime();
        long[] done = new long[2];
        long calibrateNs = 0;
        long rawNs = 0;
        long publishNs = 0;
        long maxBehindNs = 0;
        // how far behind, at most, per 5 s of the run (by due time), and the counts when the steady part begins
        long[] behindBy5s = new long[(int) Math.ceil(seconds / 5)];
        long steadyFromNs = seconds >= STEADY_RUN_S ? (long) (STEADY_FROM_S * 1e9) : Long.MAX_VALUE;
        long[] doneAtSteady = null;
        long steadyMaxBehindNs = 0;
        double uptimeAtStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        long countsBytes = 0;
        String scanId = "bench-" + label;
        ScanStarted started = new ScanStarted(scanId, r.started.tray(), r.started.cameras(), r.started.startedAt(),
                r.started.provenance());
        long t0;
        long t1;
        long framesDone;
        long processCpu1;
        Map<String, Long> cpuAfter;
        ScanEvent[] firstStitched = new ScanEvent[1];
        try (KafkaScanEventPublisher events = new KafkaScanEventPublisher(bootstrap, LineEncoding.COMPACT, encoderThreads);
             KafkaRawFramePublisher raw = new KafkaRawFramePublisher(bootstrap, events)) {
            for (SensorKind k : CAMERAS) {
                raw.references(r.cameras.get(k), r.dark.get(k), r.white.get(k));
            }
            ScanEventSink keepFirstStitched = new ScanEventSink() { // for the ceiling: one stitched line as published
                @Override
                public void publish(ScanEvent event) {
                    if (firstStitched[0] == null && (event instanceof StitchedPair
                            || event instanceof Scanline l && l.camera() == SensorKind.STITCHED)) {
                        firstStitched[0] = event;
                    }
                    raw.publish(event);
                }

                @Override
                public void flush() {
                    raw.flush();
                }
            };
            ScanEventSink sink = stitch ? new StitchingSink(keepFirstStitched, StitchSettings.defaults()) : raw;
            Map<SensorKind, List<short[]>> counts = new EnumMap<>(SensorKind.class);
            if (stitch) { // the frames' counts once, so that a frame at its own encoder position wraps them uncopied
                CAMERAS.forEach(k -> counts.put(k, r.frames.get(k).stream().map(RawFrame::counts).toList()));
            }
            sink.publish(started);
            t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            double[] period = {1e9 / VNIR_HZ, 1e9 / SWIR_HZ};
            SensorKind[] kinds = {SensorKind.VNIR, SensorKind.SWIR};
            while (true) {
                // the camera whose next frame is due first
                int c = done[0] * period[0] <= done[1] * period[1] ? 0 : 1;
                long due = t0 + (long) (done[c] * period[c]);
                if (due >= end) {
                    break;
                }
                if (doneAtSteady == null && due - t0 >= steadyFromNs) { // every line due before is through the scanner
                    doneAtSteady = done.clone();
                }
                long now = System.nanoTime();
                if (paced && now < due) {
                    LockSupport.parkNanos(due - now);
                } else {
                    maxBehindNs = Math.max(maxBehindNs, now - due);
                    int w = (int) Math.min(behindBy5s.length - 1, (due - t0) / 5_000_000_000L);
                    behindBy5s[w] = Math.max(behindBy5s[w], now - due);
                    if (doneAtSteady != null) {
                        steadyMaxBehindNs = Math.max(steadyMaxBehindNs, now - due);
                    }
                }
                SensorKind k = kinds[c];
                List<RawFrame> frames = r.frames.get(k);
                RawFrame f = frames.get((int) (done[c] % frames.size()));
                if (stitch) {
                    long encoder = Math.round(done[c] * period[c] * 1e-9 * BELT_UM_PER_S);
                    f = RawFrame.wrapping(f.cameraId(), k, done[c], f.time(), encoder, f.pixels(), f.bands(),
                            counts.get(k).get((int) (done[c] % frames.size())));
                }
                long a = System.nanoTime();
                if (rawFrames) {
                    raw.frame(r.cameras.get(k), done[c], f);
                }
                long b = System.nanoTime();
                Scanline line = r.calibration.get(k).apply(f, scanId, done[c]);
                long d = System.nanoTime();
                sink.publish(line);
                long e = System.nanoTime();
                rawNs += b - a;
                calibrateNs += d - b;
                publishNs += e - d;
                countsBytes += 2L * f.pixels() * f.bands();
                done[c]++;
            }
            Map<SensorKind, Long> published = new EnumMap<>(SensorKind.class);
            published.put(SensorKind.VNIR, done[0]);
            published.put(SensorKind.SWIR, done[1]);
            framesDone = System.nanoTime(); // the last frame is through the scanner thread
            sink.publish(new ScanCompleted(scanId, published, Instant.now(), List.of()));
            sink.flush();
            t1 = System.nanoTime();
            processCpu1 = os.getProcessCpuTime();
            cpuAfter = cpuByGroup(threads); // before closing: the encoder threads end with the publisher
        }
        double wall = (t1 - t0) / 1e9;
        double cores = (processCpu1 - processCpu0) / 1e9 / wall;
        StringBuilder groups = new StringBuilder();
        for (Map.Entry<String, Long> g : cpuAfter.entrySet()) {
            long used = g.getValue() - cpuBefore.getOrDefault(g.getKey(), 0L);
            if (used > 0.01e9 * wall) {
                groups.append(groups.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.2f",
                        g.getKey(), used / 1e9 / wall));
            }
        }
        double vnirRate = done[0] / wall;
        double swirRate = done[1] / wall;
        double rtf = Math.min(vnirRate / VNIR_HZ, swirRate / SWIR_HZ);
        StringBuilder timeline = new StringBuilder(String.format(Locale.ROOT,
                ",\"jvm_uptime_at_start_s\":%.1f,\"max_behind_ms_by_5s\":[", uptimeAtStart));
        for (int w = 0; w < behindBy5s.length; w++) {
            timeline.append(w == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.0f", behindBy5s[w] / 1e6));
        }
        timeline.append(']');
        if (doneAtSteady != null) { // charged from the steady part's first due time to the last acknowledgement
            double steadyWall = (t1 - t0 - steadyFromNs) / 1e9;
            double steadyRtf = Math.min((done[0] - doneAtSteady[0]) / steadyWall / VNIR_HZ,
                    (done[1] - doneAtSteady[1]) / steadyWall / SWIR_HZ);
            timeline.append(String.format(Locale.ROOT,
                    ",\"steady_from_s\":%.0f,\"steady_real_time_factor\":%.3f,\"steady_max_behind_ms\":%.1f",
                    STEADY_FROM_S, steadyRtf, steadyMaxBehindNs / 1e6));
        }
        System.out.printf(Locale.ROOT, "{\"run\":\"%s\",\"seconds\":%.2f,\"encoder_threads\":%d,\"vnir_lines_s\":%.1f,"
                        + "\"swir_lines_s\":%.1f,\"real_time_factor\":%.3f,\"counts_mb_s\":%.1f,\"max_behind_ms\":%.1f,"
                        + "\"drain_ms\":%.1f,\"process_cpu_cores\":%.2f,\"scanner_thread_ms_per_line_pair\":{\"raw_frame\":%.3f,"
                        + "\"calibrate\":%.3f,\"publish\":%.3f},\"cpu_cores_by_thread\":{%s},\"mem_free_mb_at_start\":%d%s}%n",
                label, wall, encoderThreads, vnirRate, swirRate, rtf, countsBytes / 1e6 / wall, maxBehindNs / 1e6,
                (t1 - framesDone) / 1e6, cores,
                rawNs / 1e6 / done[0], calibrateNs / 1e6 / done[0], publishNs / 1e6 / done[0], groups, memFreeMb, timeline);
        // the records as the topics got them, for the ceiling: what this configuration sends per VNIR and per SWIR line
        List<Sent> records = new ArrayList<>();
        double[] rates = {VNIR_HZ, SWIR_HZ};
        boolean paired = firstStitched[0] instanceof StitchedPair;
        for (int c = 0; c < CAMERAS.size(); c++) {
            SensorKind k = CAMERAS.get(c);
            RawFrame f = r.frames.get(k).get(0);
            if (!(paired && k == SensorKind.VNIR)) { // a paired VNIR line goes in its pair's record
                records.add(new Sent(k + " line", HyclusTopics.SCAN_EVENTS.name(),
                        ScanEventCodec.encodeCompact(r.calibration.get(k).apply(f, scanId, 0)), rates[c]));
            }
            if (rawFrames) {
                records.add(new Sent(k + " raw frame", HyclusTopics.RAW_FRAMES.name(),
                        RawFrameCodec.encode(f.inScan(scanId, RawFrameRole.LINE, 0)), rates[c]));
            }
        }
        if (stitch) {
            if (firstStitched[0] == null) {
                throw new IllegalStateException("the stitched run published no stitched line");
            }
            records.add(new Sent(paired ? "VNIR and STITCHED pair" : "STITCHED line", HyclusTopics.SCAN_EVENTS.name(),
                    ScanEventCodec.encodeCompact(firstStitched[0]), VNIR_HZ));
        }
        return new Result(records);
    }

    /**
     * A bare producer (same acks, idempotence, linger, batch size and socket buffer, no compression) sending the
     * records this configuration sends (each camera's compact line; with raw frames, each camera's raw frame; with
     * stitching, the stitched line), in the line rates' mix, for 10 s as fast as it can: the broker's and client's
     * ceiling for these bytes in this JVM. {@code needed_mb_s} is what the configuration sends at the cameras' full line
     * rates: a ceiling below it bounds the real-time factor below 1.0 whatever the rest of the path costs.
     */
    private static void ceiling(String bootstrap, List<Sent> records) {
        Map<String, Object> conf = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10, // as ScanProducers
                ProducerConfig.BATCH_SIZE_CONFIG, HyclusTopics.MAX_RECORD_BYTES,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, HyclusTopics.MAX_RECORD_BYTES,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
                ProducerConfig.SEND_BUFFER_CONFIG, -1);
        long bytes = 0;
        long[] sent = new long[records.size()];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + 10_000_000_000L;
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(conf, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            byte[] key = "ceiling".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            while (System.nanoTime() < end) {
                int next = 0; // the record furthest behind its rate
                for (int i = 1; i < sent.length; i++) {
                    if (sent[i] / records.get(i).perSecond() < sent[next] / records.get(next).perSecond()) {
                        next = i;
                    }
                }
                Sent s = records.get(next);
                p.send(new ProducerRecord<>(s.topic(), key, s.value()));
                bytes += s.value().length;
                sent[next]++;
            }
            p.flush();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cores = (os.getProcessCpuTime() - cpu0) / 1e9 / wall;
        double needed = 0;
        StringBuilder sizes = new StringBuilder();
        for (Sent s : records) {
            needed += s.perSecond() * s.value().length;
            sizes.append(sizes.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%d", s.what(),
                    s.value().length));
        }
        System.out.printf(Locale.ROOT, "{\"run\":\"raw-producer-ceiling\",\"seconds\":%.2f,\"records\":%d,"
                        + "\"mb_s\":%.1f,\"needed_mb_s\":%.1f,\"ceiling_over_needed\":%.2f,\"process_cpu_cores\":%.2f,"
                        + "\"cores_for_needed_bytes\":%.2f,\"record_bytes\":{%s}}%n", wall,
                java.util.Arrays.stream(sent).sum(), bytes / 1e6 / wall, needed / 1e6, bytes / wall / needed, cores,
                cores * needed / (bytes / wall), sizes);
    }

    /**
     * The machine's free memory (MemFree of /proc/meminfo, MiB; -1 where there is none): how much of the broker's log the
     * kernel can cache in pages it has not used before. On a VM that hands freed memory back to its host (this one,
     * docs/benchmarks.md) writing into such pages costs far more CPU than into recycled page cache, so every run says
     * which state it ran in.
     */
    private static long memFreeMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemFree:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time per thread group (thread names without their numbers). */
    private static Map<String, Long> cpuByGroup(ThreadMXBean threads) {
        Map<String, Long> out = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info == null || cpu < 0) {
                continue;
            }
            out.merge(group(info.getThreadName()), cpu, Long::sum);
        }
        return out;
    }

    private static String group(String name) {
        if (name.equals("main")) {
            return "scanner (main)";
        }
        if (name.startsWith("hyclus-line-encoder")) {
            return "line encoders";
        }
        if (name.startsWith("kafka-producer-network-thread")) {
            return "producer I/O";
        }
        if (name.startsWith("data-plane-kafka-request-handler") || name.contains("request-handler")) {
            return "broker request handlers";
        }
        return name.replaceAll("[-_ ]?[0-9]+", "").replaceAll("\\[.*", "");
    }

    /** One campaign tray of four samples, both cameras full size: its reference frames and raw line frames. */
    private static Rendered render() {
        RigSettings rig = RigSettings.reference(1);
        Clock wall = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        SimulatedCampaign campaign = SimulatedCampaign.open(Optional.empty(), rig, wall);
        SimulatedTray tray = TrayPlanner.plan(campaign.samples().subList(0, 4), 4, "bench").get(0);
        BeltScene scene = campaign.scene(tray);
        SyncScanSettings scan = SyncScanSettings.defaults(50);
        Map<SensorKind, RigCamera> cameras = new EnumMap<>(SensorKind.class);
        Map<SensorKind, List<RawFrame>> dark = new EnumMap<>(SensorKind.class);
        Map<SensorKind, List<RawFrame>> white = new EnumMap<>(SensorKind.class);
        Map<SensorKind, List<RawFrame>> frames = new EnumMap<>(SensorKind.class);
        ScanStarted[] started = new ScanStarted[1];
        RawFrameTap tap = new RawFrameTap() {
            @Override
            public void references(RigCamera camera, List<RawFrame> d, List<RawFrame> w) {
                cameras.put(camera.sensor().kind(), camera);
                dark.put(camera.sensor().kind(), List.copyOf(d));
                white.put(camera.sensor().kind(), List.copyOf(w));
            }

            @Override
            public void frame(RigCamera camera, long line, RawFrame frame) {
                frames.computeIfAbsent(camera.sensor().kind(), k -> new ArrayList<>()).add(frame);
            }
        };
        try (InProcessRig r = InProcessRig.start(rig, scene, scan.trayOriginMicrons(), campaign.spectra(),
                wall.instant())) {
            new SynchronisedScanner(scan, r.conveyor(), r.encoder(), r.cameras(), r.clock(), tap).scan("bench-render",
                    tray.layout(), scene.whiteReferenceCentreMm(), campaign.provenance(tray), new ScanEventSink() {
                        @Override
                        public void publish(ScanEvent event) {
                            if (event instanceof ScanStarted s) {
                                started[0] = s;
                            }
                        }

                        @Override
                        public void flush() {
                        }
                    });
        }
        Map<SensorKind, RadiometricCalibration> cal = new EnumMap<>(SensorKind.class);
        Function<SensorKind, RadiometricCalibration> calibrate = k -> RadiometricCalibration.fromReferences(dark.get(k),
                white.get(k), scan.calibration());
        for (SensorKind k : CAMERAS) {
            cal.put(k, calibrate.apply(k));
        }
        return new Rendered(cameras, dark, white, frames, cal, started[0]);
    }
}
