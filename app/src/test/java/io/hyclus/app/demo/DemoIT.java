package io.hyclus.app.demo;

import io.hyclus.analysis.live.CodesFile;
import io.hyclus.analysis.live.EncodedSample;
import io.hyclus.app.Main;
import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.scan.RawFrameRole;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanRawFrame;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.TraySlot;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.testkit.Python;
import io.jhdf.HdfFile;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo end to end on the embedded broker: simulated tray on the in-process rig -> both simulated cameras ->
 * the one scanner and calibration -> Kafka -> Streams segmentation -> one HDF5 container per sample, checked value by
 * value against the scanlines on the topic for both cameras, read back with jhdf and with h5py.
 */
@Timeout(300)
class DemoIT {
    private static final int PIXELS = 128;
    private static final int BANDS = 24;
    /** The demo's SWIR camera is the reference size. */
    /** The stitched spectra: every VNIR band (400-1000 nm) then the SWIR's above 1000 nm (287 of 288), docs/stitching.md. */
    private static final Map<SensorKind, Integer> BANDS_OF = Map.of(SensorKind.VNIR, BANDS, SensorKind.SWIR, 288,
            SensorKind.STITCHED, BANDS + 287);
    private static final double PITCH_MM = 2.0;
    private static final double EDGE_MARGIN_MM = 3.0;

    @TempDir
    Path work;

    @Test
    void cli_demo_exitWhenDone_printsFilesAndSummaries() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        // 224 VNIR bands: the grid of the pretrained VNIR model, so the live encoder encodes both cameras
        int rc = cl.execute("demo", "--exit-when-done", "--work-dir", work.toString(), "--samples", "3",
                "--pixels", String.valueOf(PIXELS), "--bands", "224", "--line-pitch-mm", "2",
                "--timeout-seconds", "120");
        String text = out.toString();
        assertEquals(0, rc, text);
        Matcher m = Pattern.compile("HDF5 containers in (\\S+)").matcher(text);
        assertTrue(m.find(), text);
        Path scanDir = Path.of(m.group(1));
        for (String id : List.of("P1-2025-01-M100", "P1-2025-01-P100", "P2-2025-01-M100")) {
            assertTrue(Files.isRegularFile(scanDir.resolve(id + ".h5")), id + " in " + scanDir);
            assertTrue(Pattern.compile("(?m)^  " + id + " .* VNIR +[1-9]\\d* px R450=0\\.\\d{3} .* SWIR +[1-9]\\d* px"
                    + " R1400=0\\.\\d{3} .*" + id + "\\.h5$").matcher(text).find(), text);
        }
        for (String id : List.of("P1-2025-01-M100", "P1-2025-01-P100", "P2-2025-01-M100")) {
            SampleSpectra sample = SampleContainerReader.read(scanDir.resolve(id + ".h5"));
            EncodedSample codes = CodesFile.read(scanDir.resolve(id + ".codes.h5"));
            int vnir = sample.camera(SensorKind.VNIR).orElseThrow().size();
            int swir = sample.camera(SensorKind.SWIR).orElseThrow().size();
            assertEquals(vnir, codes.camera(SensorKind.VNIR).orElseThrow().rows(), id);
            assertEquals(swir, codes.camera(SensorKind.SWIR).orElseThrow().rows(), id);
            assertTrue(text.contains("  " + id + String.format("   VNIR %6d x 16 by dense-ae-16-vnir@1  SWIR %6d x 16 by "
                    + "dense-ae-16-swir@1", vnir, swir)), text);
        }
        // the live map: fitted after the first two samples (300 VNIR points each), the third added by transform
        List<String> how = List.of("fitted", "fitted", "placed by transform");
        List<String> ids = List.of("P1-2025-01-M100", "P1-2025-01-P100", "P2-2025-01-M100");
        for (int i = 0; i < ids.size(); i++) {
            assertTrue(Pattern.compile("(?m)^  " + ids.get(i) + " +map v1: 300 points, x/y centre \\(-?\\d+\\.\\d{2}, "
                    + "-?\\d+\\.\\d{2}\\), " + how.get(i) + " in \\d+ ms$").matcher(text).find(), text);
        }
        assertTrue(text.contains("\n  the map is now v1\n"), text);
        io.hyclus.analysis.embed.TsneMap saved = io.hyclus.analysis.embed.TsneMapFile.read(work.resolve("map/map-v1.tsne"));
        assertEquals(600, saved.reference().n(), "the saved map holds the two fitted samples' points");
        assertEquals(16, saved.reference().d());
        // only the material mask's spectra go on the map: every reference point is the code of a class-0 spectrum
        java.util.Set<String> material = new java.util.HashSet<>();
        int others = 0;
        for (String id : ids.subList(0, 2)) {
            byte[] classes = SampleContainerReader.read(scanDir.resolve(id + ".h5")).camera(SensorKind.VNIR).orElseThrow()
                    .material();
            float[] all = CodesFile.read(scanDir.resolve(id + ".codes.h5")).camera(SensorKind.VNIR).orElseThrow().codes();
            for (int r = 0; r < classes.length; r++) {
                if (classes[r] == 0) {
                    material.add(java.util.Arrays.toString(java.util.Arrays.copyOfRange(all, 16 * r, 16 * r + 16)));
                } else {
                    others++;
                }
            }
        }
        assertTrue(others > 0, "the demo's samples have spectra the mask rejects");
        float[] ref = saved.reference().values();
        for (int i = 0; i < 600; i++) {
            String code = java.util.Arrays.toString(java.util.Arrays.copyOfRange(ref, 16 * i, 16 * i + 16));
            assertTrue(material.contains(code), "map point " + i + " is not the code of a material spectrum");
        }
        assertTrue(text.contains("Promoted the pretrained model dense-ae-16-vnir@1 (shipped with HyClus)"), text);
        assertTrue(text.startsWith("Embedded Kafka broker at 127.0.0.1:"), text);
        assertTrue(text.contains("Rig: conveyor and 2 cameras in process, on simulated time, belt 50.0 mm/s, line pitch 2000 um"), text);
    }

    @Test
    void pipeline_containersHoldExactlyThePublishedSpectraOfEachSample() throws Exception {
        DemoSettings s = new DemoSettings(work, Optional.empty(), Optional.empty(), 2, 7, PIXELS, BANDS, PITCH_MM,
                Duration.ofSeconds(120), true);
        DemoResult result;
        Map<SensorKind, Map<Long, Scanline>> lines;
        ScanStarted start;
        Map<String, Long> raw;
        try (DemoPipeline p = DemoPipeline.start(s, InstantSource.system(), new PrintWriter(new StringWriter()))) {
            result = p.runScan();
            Map<String, Object> topic = readScan(p.bootstrapServers(), result.scan().scanId());
            raw = readRawFrames(p.bootstrapServers(), result.scan().scanId());
            start = (ScanStarted) topic.get("start");
            @SuppressWarnings("unchecked")
            Map<SensorKind, Map<Long, Scanline>> l = (Map<SensorKind, Map<Long, Scanline>>) topic.get("lines");
            lines = l;
            // native grid: every stitched line went out with its VNIR line as one record
            assertEquals(result.scan().lines(), (long) topic.get("pairs"), "stitched pairs on the topic");
        }
        assertEquals(List.of(SensorKind.VNIR, SensorKind.SWIR, SensorKind.STITCHED), start.cameras().stream().map(c -> c.sensor().kind()).toList());
        assertEquals("2000", start.provenance().get("scan.line_pitch_um"));
        assertEquals("7", start.provenance().get("simulator.seed"));
        for (SensorKind kind : SensorKind.values()) {
            assertEquals(result.scan().lines(), lines.get(kind).size(), kind + " lines on the topic");
        }
        for (String camera : List.of("vnir", "swir")) { // the raw frames, for replay: references and every line, once
            long dark = raw.get(camera + " DARK");
            assertTrue(start.provenance().get("calibration." + camera + ".dark_frames").startsWith(dark + " ("), raw.toString());
            assertEquals(Map.of(camera + " DARK", dark, camera + " WHITE", dark, camera + " LINE", result.scan().lines()),
                    Map.of(camera + " DARK", raw.get(camera + " DARK"), camera + " WHITE", raw.get(camera + " WHITE"),
                            camera + " LINE", raw.get(camera + " LINE")));
        }
        assertEquals(6, raw.size(), raw.toString());
        assertEquals(2, result.samples().size());
        // 24 VNIR bands are not the pretrained VNIR model's grid: the encoder dead-letters those samples, none encoded
        assertEquals(List.of(Optional.empty(), Optional.empty()), List.copyOf(result.codes().values()));
        assertEquals(Map.of(), result.map(), "no codes, nothing on the live map");
        assertEquals(0, result.mapVersion());
        for (SampleSpectra sample : result.samples()) {
            TraySlot slot = start.tray().slotOf(sample.metadata().sampleId()).orElseThrow();
            assertEquals(slot.sample(), sample.metadata());
            for (SensorKind kind : SensorKind.values()) {
                assertEquals(expectedCount(start, kind, slot, lines.get(kind)), sample.camera(kind).orElseThrow().size(),
                        sample.file() + " " + kind);
                assertValuesMatchTopic(sample.file(), kind, lines.get(kind));
                assertEquals(result.scan().lines() + " of " + result.scan().lines() + " published",
                        sample.provenance().get("segmentation.lines_received." + kind.name().toLowerCase(Locale.ROOT)));
            }
            assertH5pyAgrees(sample);
            assertEquals("7", sample.provenance().get("simulator.seed"));
            assertEquals("2000", sample.provenance().get("scan.line_pitch_um"));
        }
        // A sample's calibrated spectra are plausible reflectance: mean within (0.05, 0.8) at every VNIR band.
        CameraSpectra v = result.samples().get(0).camera(SensorKind.VNIR).orElseThrow();
        for (double nm : v.wavelengthNm()) {
            double mean = v.meanAt(nm);
            assertTrue(mean > 0.05 && mean < 0.8, "mean reflectance " + mean + " at " + nm + " nm");
        }
    }

    /** Pixels whose footprint centre is inside the region less the edge margin, times lines likewise. */
    private static long expectedCount(ScanStarted start, SensorKind kind, TraySlot slot, Map<Long, Scanline> lines) {
        var geo = start.camera(kind).orElseThrow().geometry();
        RegionMm inner = slot.region().inset(EDGE_MARGIN_MM);
        long n = 0;
        for (Scanline l : lines.values()) {
            double y = geo.yMm(l.encoderMicrons());
            for (int p = 0; p < l.pixels(); p++) {
                n += inner.contains(geo.xMm(p), y) ? 1 : 0;
            }
        }
        return n;
    }

    private static void assertValuesMatchTopic(Path file, SensorKind kind, Map<Long, Scanline> lines) throws Exception {
        String group = kind.name().toLowerCase(Locale.ROOT);
        try (HdfFile hdf = new HdfFile(file)) {
            float[][] spectra = (float[][]) hdf.getDatasetByPath(group + "/spectra").getData();
            long[] li = (long[]) hdf.getDatasetByPath(group + "/line_index").getData();
            int[] pi = (int[]) hdf.getDatasetByPath(group + "/pixel_index").getData();
            assertTrue(spectra.length > 100, file + " " + group + ": " + spectra.length + " spectra");
            for (int k = 0; k < spectra.length; k++) {
                Scanline line = lines.get(li[k]);
                assertEquals(BANDS_OF.get(kind), spectra[k].length);
                for (int b = 0; b < spectra[k].length; b++) {
                    assertEquals(line.value(pi[k], b), spectra[k][b], file + " spectrum " + k + " band " + b);
                }
            }
        }
    }

    private static void assertH5pyAgrees(SampleSpectra sample) {
        String script = String.join("\n",
                "import h5py, sys",
                "f = h5py.File(sys.argv[1], 'r')",
                "s = f['vnir/spectra']",
                "print(s.shape[0], s.shape[1], s.dtype)",
                "print(f.attrs['sample_id'].decode(), f.attrs['plant'].decode(), f.attrs['month'].decode(),"
                        + " f.attrs['grain_size_fraction'].decode())",
                "print(repr(float(s[0, 0])), repr(float(s[-1, -1])), repr(float(s[:].astype('float64').sum())))",
                "print(repr(float(f['vnir/wavelength_nm'][0])), repr(float(f['vnir/wavelength_nm'][-1])))",
                "print(f['provenance'].attrs['simulator.seed'].decode())",
                "w = f['swir/spectra']",
                "print(w.shape[0], w.shape[1], repr(float(f['swir/wavelength_nm'][0])), repr(float(f['swir/wavelength_nm'][-1])))");
        String[] out = Python.run(script, sample.file().toString()).strip().split("\n");
        CameraSpectra v = sample.camera(SensorKind.VNIR).orElseThrow();
        float[][] s = v.spectra();
        assertEquals(s.length + " " + BANDS + " float32", out[0]);
        var m = sample.metadata();
        assertEquals(m.sampleId() + " " + m.plant() + " " + m.month() + " " + m.fraction().label(), out[1]);
        String[] vals = out[2].split(" ");
        assertEquals((double) s[0][0], Double.parseDouble(vals[0]));
        assertEquals((double) s[s.length - 1][BANDS - 1], Double.parseDouble(vals[1]));
        double sum = 0;
        for (float[] row : s) {
            for (float x : row) {
                sum += x;
            }
        }
        assertEquals(sum, Double.parseDouble(vals[2]), Math.abs(sum) * 1e-12);
        assertEquals("400.0 1000.0", out[3]);
        assertEquals("7", out[4]);
        assertEquals(sample.camera(SensorKind.SWIR).orElseThrow().size() + " 288 1000.0 2500.0", out[5]);
    }

    /** Raw frames of the scan on hyclus.raw-frames by "camera ROLE"; each LINE index once. */
    private static Map<String, Long> readRawFrames(String bootstrap, String scanId) {
        TopicPartition tp = new TopicPartition(HyclusTopics.RAW_FRAMES.name(), 0);
        Map<String, Long> counts = new HashMap<>();
        java.util.Set<String> lines = new java.util.HashSet<>();
        try (KafkaConsumer<String, ScanRawFrame> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, HyclusTopics.MAX_RECORD_BYTES),
                HyclusTopics.RAW_FRAMES.keySerde().deserializer(), HyclusTopics.RAW_FRAMES.valueSerde().deserializer())) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ScanRawFrame> r : c.poll(Duration.ofMillis(500))) {
                    if (r.key().equals(scanId)) {
                        ScanRawFrame f = r.value();
                        counts.merge(f.cameraId() + " " + f.role(), 1L, Long::sum);
                        if (f.role() == RawFrameRole.LINE) {
                            assertTrue(lines.add(f.cameraId() + " " + f.index()), "twice: " + f.describe());
                        }
                    }
                }
            }
        }
        return counts;
    }

    private static Map<String, Object> readScan(String bootstrap, String scanId) {
        TopicPartition tp = new TopicPartition(HyclusTopics.SCAN_EVENTS.name(), 0);
        Map<SensorKind, Map<Long, Scanline>> lines = new HashMap<>();
        Map<String, Object> out = new HashMap<>();
        long[] pairs = {0};
        try (KafkaConsumer<String, ScanEvent> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024),
                HyclusTopics.SCAN_EVENTS.keySerde().deserializer(), HyclusTopics.SCAN_EVENTS.valueSerde().deserializer())) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ScanEvent> r : c.poll(Duration.ofMillis(500))) {
                    if (!r.key().equals(scanId)) {
                        continue;
                    }
                    if (r.value() instanceof ScanStarted st) {
                        out.put("start", st);
                    } else if (r.value() instanceof Scanline l) {
                        lines.computeIfAbsent(l.camera(), k -> new HashMap<>()).put(l.lineIndex(), l);
                    } else if (r.value() instanceof StitchedPair p) {
                        pairs[0]++;
                        for (Scanline l : p.lines()) {
                            lines.computeIfAbsent(l.camera(), k -> new HashMap<>()).put(l.lineIndex(), l);
                        }
                    }
                }
            }
        }
        out.put("lines", lines);
        out.put("pairs", pairs[0]);
        assertTrue(out.containsKey("start"), "no ScanStarted for " + scanId + " on the topic");
        return out;
    }
}
