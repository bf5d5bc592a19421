package io.hyclus.dashboard;

import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.core.scan.MapUpdate;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.dashboard.metrics.MetricsServer;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.Topic;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.testkit.Await;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser that never reads is dropped without holding up the dashboard's feed or a browser that does read (its own
 * embedded broker: the map topic's contents are this test's alone).
 */
@Timeout(240)
class SlowBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    static EmbeddedKafkaBroker broker;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir.resolve("kafka")));
        TopicAdmin.ensureTopics(broker.bootstrapServers(), HyclusTopics.all(), 1, (short) 1);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Dashboard dashboard(PrometheusMeterRegistry registry, int clientBuffer) {
        return Dashboard.start(DashboardSettings.defaults(broker.bootstrapServers(), "127.0.0.1", 0, Map.of())
                .withClientBuffer(clientBuffer), registry);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(HyclusTopics.MAX_RECORD_BYTES));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    private static <K, V> void send(KafkaProducer<byte[], byte[]> p, Topic<K, V> t, K key, V value) {
        p.send(new ProducerRecord<>(t.name(), t.keySerde().serializer().serialize(t.name(), key),
                t.valueSerde().serializer().serialize(t.name(), value)));
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }

    private static double metric(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** Waits (bounded) until the metric reaches {@code expected}, then returns the scrape. */
    private static String awaitMetric(String url, String name, double expected) throws Exception {
        String[] last = {""};
        Await.until(WAIT, name + " = " + expected, () -> {
            try {
                last[0] = get(url);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return metric(last[0], name) == expected;
        });
        return last[0];
    }

    @Test
    void browserThatNeverReads_isDropped_andNeitherTheFeedNorAReadingBrowserWaits() throws Exception {
        PrometheusMeterRegistry registry = MetricsServer.newRegistry();
        int samples = 120;
        try (Dashboard d = dashboard(registry, 16); KafkaProducer<byte[], byte[]> p = producer();
             Socket stuck = new Socket()) {
            // a browser that connects and never reads: tiny receive window, nothing read
            stuck.setReceiveBufferSize(1024);
            stuck.connect(new InetSocketAddress("127.0.0.1", d.port()));
            OutputStream o = stuck.getOutputStream();
            o.write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            o.flush();
            // a browser that reads every event
            AtomicInteger pointsEvents = new AtomicInteger();
            Thread reader = new Thread(() -> {
                try {
                    HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(d.url() + "events"))
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            if (line.equals("event: points")) {
                                pointsEvents.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            }, "reading-browser");
            reader.setDaemon(true);
            reader.start();
            Await.until(WAIT, "both browsers connected", () -> registry.get("hyclus.dashboard.clients").gauge().value() == 2);

            // ~120 samples of 4000 points: ~8 MB of events, far more than a socket buffers
            for (int i = 0; i < samples; i++) {
                SampleMetadata m = new SampleMetadata("S-" + i, "Plant-" + (i % 3 + 1), YearMonth.of(2025, i % 12 + 1),
                        GrainSizeFraction.MINUS_100);
                send(p, HyclusTopics.SAMPLE_MAP, "slow/S-" + i, TestScans.points(1, MapUpdate.ADDED, "slow", m, 4000));
            }
            p.flush();
            Await.until(WAIT, "the feed to take every sample", () -> registry.get("hyclus.map.samples").gauge().value() >= samples);
            Await.until(WAIT, "the stuck browser dropped",
                    () -> registry.get("hyclus.dashboard.clients.dropped").counter().count() == 1);
            Await.until(WAIT, "the reading browser to get every sample", () -> pointsEvents.get() == samples);
            assertEquals(1.0, registry.get("hyclus.dashboard.clients").gauge().value(), "the reading browser stays");
        }
    }

}
