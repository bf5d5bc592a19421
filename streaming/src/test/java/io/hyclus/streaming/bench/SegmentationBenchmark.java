package io.hyclus.streaming.bench;

import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.streaming.segment.SegmentationSettings;
import io.hyclus.streaming.segment.SegmentationTopology;
import io.hyclus.streaming.service.SegmentationService;
import io.hyclus.streaming.service.StreamsSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * Line rate through decode → segmentation → container, not a test (docs/benchmarks.md). One embedded broker; a
 * full-size camera pair (VNIR 1024 x 224, SWIR 384 x 288 float32 lines) scans a 280 x 300 mm tray of six samples at
 * 1 mm line pitch; every line is published as fast as the producer goes while the segmentation runs, once with
 * {@code exactly_once_v2} (production) and once with {@code at_least_once}, each with its own scan, application id,
 * state and output folder. Prints, per guarantee: lines/s of the camera pair through to the last container, the
 * real-time factor against the cameras' nominal rates (VNIR 330, SWIR 450 lines/s: {@code --vnir-rate},
 * {@code --swir-rate}) and against the campaign's 25 lines/s, and the latency from each line's publication to its
 * sample's container record being visible (read_committed), p50 and p99.
 *
 * Run with {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=warn} (the broker logs a lot). Each entry of
 * {@code --runs} is one scan, so {@code --runs alo,eos,alo,eos} alternates the two.
 *
 * <pre>java -cp "$(cat cp.txt):streaming/target/classes:streaming/target/test-classes" \
 *   io.hyclus.streaming.bench.SegmentationBenchmark [--lines 300] [--runs eos,alo]</pre>
 */
public final class SegmentationBenchmark {
    private static final double WIDTH_MM = 280;
    private static final double LENGTH_MM = 300;

    private SegmentationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int lines = Integer.parseInt(a.getOrDefault("lines", "300"));
        double vnirRate = Double.parseDouble(a.getOrDefault("vnir-rate", "330"));
        double swirRate = Double.parseDouble(a.getOrDefault("swir-rate", "450"));
        List<String> runs = List.of(a.getOrDefault("runs", "eos,alo").split(","));
        Path work = Files.createTempDirectory("hyclus-seg-bench");
        System.out.printf(Locale.ROOT, "# %s %d cores; %d lines per camera (VNIR 1024x224, SWIR 384x288), work %s%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), lines, work);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(work.resolve("broker")))) {
            String bootstrap = broker.bootstrapServers();
            TopicAdmin.ensureTopics(bootstrap, HyclusTopics.all(), 1, (short) 1);
            for (int n = 0; n < runs.size(); n++) {
                String run = runs.get(n);
                String guarantee = switch (run) {
                    case "eos" -> StreamsConfig.EXACTLY_ONCE_V2;
                    case "alo" -> StreamsConfig.AT_LEAST_ONCE;
                    default -> throw new IllegalArgumentException("--runs takes eos and alo, not " + run);
                };
                Result r = run(bootstrap, work.resolve(run + n), "bench-" + run + n, guarantee, lines);
                double pairRate = lines / r.seconds;
                double nominal = Math.max(lines / vnirRate, lines / swirRate);
                System.out.printf(Locale.ROOT, "{\"load\": \"%s\", \"guarantee\": \"%s\", \"lines_per_camera\": %d, \"seconds\": %.2f, "
                                + "\"line_pairs_per_s\": %.1f, \"mb_per_s\": %.1f, \"rtf_nominal\": %.3f, "
                                + "\"rtf_campaign_25hz\": %.2f, \"latency_p50_s\": %.2f, \"latency_p99_s\": %.2f}%n",
                        load(), guarantee, lines, r.seconds, pairRate, r.bytes / r.seconds / 1e6, nominal / r.seconds,
                        (lines / 25.0) / r.seconds, r.p50, r.p99);
            }
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private record Result(int lines, double seconds, long bytes, double p50, double p99) {
    }

    private static Result run(String bootstrap, Path dir, String scanId, String guarantee, int lines) throws Exception {
        StreamsSettings ss = new StreamsSettings(bootstrap, "hyclus-bench-" + scanId, dir.resolve("state"), 1);
        Properties config = SegmentationService.streamsConfig(ss);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        SegmentationSettings settings = SegmentationSettings.in(dir.resolve("out"));
        ScanStarted start = start(scanId);
        long[] publishedMs = new long[lines];
        Map<String, Long> seenMs = new HashMap<>();
        long bytes = 0;
        try (KafkaStreams streams = new KafkaStreams(SegmentationTopology.build(settings, InstantSource.system()), config);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap));
             KafkaConsumer<String, SampleContainerWritten> consumer = consumer(bootstrap)) {
            streams.start();
            long deadline = System.currentTimeMillis() + 120_000;
            while (streams.state() != KafkaStreams.State.RUNNING) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("streams not running: " + streams.state());
                }
                Thread.sleep(50);
            }
            consumer.poll(Duration.ofMillis(200));
            byte[] key = scanId.getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            send(producer, key, ScanEventCodec.encode(start));
            SplittableRandom rnd = new SplittableRandom(1);
            for (int i = 0; i < lines; i++) {
                for (CameraSetup cam : start.cameras()) {
                    byte[] v = ScanEventCodec.encode(line(scanId, cam, i, rnd));
                    bytes += v.length;
                    send(producer, key, v);
                }
                publishedMs[i] = System.currentTimeMillis();
            }
            send(producer, key, ScanEventCodec.encode(new ScanCompleted(scanId, Map.of(SensorKind.VNIR, (long) lines,
                    SensorKind.SWIR, (long) lines), Instant.now(), List.of())));
            producer.flush();
            while (seenMs.size() < start.tray().slots().size()) {
                if (System.currentTimeMillis() > deadline + 600_000) {
                    throw new IllegalStateException("only " + seenMs.size() + " containers after 10 min");
                }
                for (ConsumerRecord<String, SampleContainerWritten> r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.value().scanId().equals(scanId)) {
                        seenMs.putIfAbsent(r.value().sampleId(), System.currentTimeMillis());
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Double> latencies = new ArrayList<>();
            for (TraySlot slot : start.tray().slots()) {
                long seen = seenMs.get(slot.sample().sampleId());
                for (int i = 0; i < lines; i++) {
                    double y = i + 0.5;
                    if (y >= slot.region().y0() && y < slot.region().y1()) {
                        latencies.add((seen - publishedMs[i]) / 1000.0);
                    }
                }
            }
            double[] l = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Result(2 * lines, seconds, bytes, l[(int) (0.50 * (l.length - 1))], l[(int) (0.99 * (l.length - 1))]);
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> p, byte[] key, byte[] value) {
        p.send(new ProducerRecord<>(HyclusTopics.SCAN_EVENTS.name(), key, value));
    }

    private static ScanStarted start(String scanId) {
        List<TraySlot> slots = new ArrayList<>();
        int index = 0;
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 2; col++) {
                double x0 = 10 + col * 135;
                double y0 = 10 + row * 95;
                slots.add(new TraySlot(index, new SampleMetadata("S-" + (index + 1), "Plant-" + (col + 1),
                        YearMonth.of(2025, row + 1), col == 0 ? GrainSizeFraction.MINUS_100 : GrainSizeFraction.PLUS_100),
                        new RegionMm(x0, y0, x0 + 125, y0 + 85)));
                index++;
            }
        }
        TrayLayout tray = new TrayLayout("bench-tray", WIDTH_MM, LENGTH_MM, slots);
        Sensor vnir = new Sensor("vnir", SensorKind.VNIR, WavelengthGrid.uniform(400, 1000, 224, 1), 1024);
        Sensor swir = new Sensor("swir", SensorKind.SWIR, WavelengthGrid.uniform(1000, 2500, 288, 1), 384);
        return new ScanStarted(scanId, tray, List.of(
                new CameraSetup(vnir, new AcrossTrackGeometry(WIDTH_MM / 1024 / 2, WIDTH_MM / 1024, 0)),
                new CameraSetup(swir, new AcrossTrackGeometry(WIDTH_MM / 384 / 2, WIDTH_MM / 384, 0))),
                Instant.now(), Map.of("software.version", "bench"));
    }

    private static Scanline line(String scanId, CameraSetup cam, int i, SplittableRandom rnd) {
        int px = cam.sensor().pixels();
        int bands = cam.sensor().bands();
        float[] v = new float[px * bands];
        float base = (float) rnd.nextDouble(0.2, 0.6);
        for (int p = 0; p < px; p++) {
            float level = base + 0.0001f * p;
            Arrays.fill(v, p * bands, (p + 1) * bands, level);
        }
        return new Scanline(scanId, cam.sensor().kind(), i, cam.geometry().encoderMicronsAt(i + 0.5), Instant.now(),
                px, bands, v);
    }

    private static Map<String, Object> producerConfig(String bootstrap) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, HyclusTopics.MAX_RECORD_BYTES,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    private static KafkaConsumer<String, SampleContainerWritten> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + System.nanoTime());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, SampleContainerWritten> c = new KafkaConsumer<>(p,
                HyclusTopics.SAMPLE_CONTAINERS.keySerde().deserializer(), HyclusTopics.SAMPLE_CONTAINERS.valueSerde().deserializer());
        c.subscribe(List.of(HyclusTopics.SAMPLE_CONTAINERS.name()));
        return c;
    }
}
