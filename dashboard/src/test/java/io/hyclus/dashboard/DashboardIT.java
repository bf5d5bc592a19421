package io.hyclus.dashboard;

import io.hyclus.core.scan.MapUpdate;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.dashboard.metrics.MetricsServer;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.testkit.Await;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard against the embedded KRaft broker: what it counts from the topics is what /metrics says, and the HTTP
 * side only answers GETs (the slow browser: {@link SlowBrowserIT}).
 */
@Timeout(240)
class DashboardIT extends BrokerDashboardTest {

    @Test
    void metrics_countWhatIsOnTheTopics() throws Exception {
        PrometheusMeterRegistry registry = MetricsServer.newRegistry();
        try (Dashboard d = dashboard(registry, 256); KafkaProducer<byte[], byte[]> p = producer()) {
            Await.until(WAIT, "the feed to read the topics",
                    () -> registry.get("hyclus.dashboard.topics.read").gauge().value() == 6);
            String scan = "metrics-scan";
            send(p, HyclusTopics.SCAN_EVENTS, scan, TestScans.start(scan));
            for (int i = 0; i < 30; i++) {
                send(p, HyclusTopics.SCAN_EVENTS, scan, TestScans.line(scan, i));
            }
            send(p, HyclusTopics.SCAN_EVENTS, scan, TestScans.completed(scan, 30));
            for (String id : new String[] {"A-1", "B-2"}) {
                send(p, HyclusTopics.SAMPLE_CONTAINERS, scan + "/" + id, new SampleContainerWritten(scan, id,
                        dir.resolve(id + ".h5").toString(), Map.of(SensorKind.VNIR, 100L), TestScans.T0));
            }
            p.send(new ProducerRecord<>(HyclusTopics.SCAN_EVENTS_DEAD_LETTERS.name(), new byte[] {1}, new byte[] {2}));
            send(p, HyclusTopics.SAMPLE_MAP, scan + "/A-1", TestScans.points(1, MapUpdate.FITTED, scan, TestScans.A, 50));
            p.flush();
            String url = d.url() + "metrics";
            String s = awaitMetric(url, "hyclus_samples_written_total", 2);
            s = awaitMetric(url, "hyclus_scanlines_total{camera=\"VNIR\"}", 30);
            s = awaitMetric(url, "hyclus_dead_letters_total{topic=\"hyclus.scan-events.dlq\"}", 1);
            s = awaitMetric(url, "hyclus_map_points", 50);
            assertEquals(0, metric(s, "hyclus_scanlines_total{camera=\"SWIR\"}"));
            assertEquals(1, metric(s, "hyclus_map_version"));
            assertEquals(1, metric(s, "hyclus_scans_completed_total"));
            assertEquals(1, metric(s, "hyclus_scan_degradations_total"));
            assertEquals(0, metric(s, "hyclus_dead_letters_total{topic=\"hyclus.sample-containers.dlq\"}"));
            // the bytes are the scan-event records' sizes: 30 lines of 40 x 3 float32 plus their header
            double bytes = metric(s, "hyclus_scanline_bytes_total{camera=\"VNIR\"}");
            assertTrue(bytes >= 30 * 40 * 3 * 4 && bytes < 30 * (40 * 3 * 4 + 200), "scanline bytes " + bytes);
            // Micrometer's Kafka client binder on the dashboard's consumer
            assertTrue(s.contains("kafka_consumer_fetch_manager_records_consumed_total"), "Kafka client metrics");
        }
    }

    @Test
    void http_isReadOnly_andSampleDetailsNeedAKnownSample() throws Exception {
        try (Dashboard d = dashboard(MetricsServer.newRegistry(), 64)) {
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(d.url() + "metrics"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(post.statusCode() == 404 || post.statusCode() == 405, "POST answered " + post.statusCode());
            HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(d.url()
                    + "api/sample?scan=nope&sample=..%2F..%2Fetc%2Fpasswd")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, unknown.statusCode(), unknown.body());
            HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create(d.url() + "api/sample")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode(), bad.body());
            String page = get(d.url());
            assertTrue(page.contains("/webjars/echarts/5.3.1/dist/echarts.min.js"), "the page loads ECharts from the jar");
            assertTrue(get(d.url() + "webjars/echarts/5.3.1/dist/echarts.min.js").length() > 500_000, "ECharts served");
            assertTrue(d.url().startsWith("http://127.0.0.1:"), d.url());
        }
    }

    @Test
    void takenPort_failsNamingTheAddress() {
        try (Dashboard first = dashboard(MetricsServer.newRegistry(), 64)) {
            DashboardException e = org.junit.jupiter.api.Assertions.assertThrows(DashboardException.class,
                    () -> Dashboard.start(DashboardSettings.defaults(broker.bootstrapServers(), "127.0.0.1", first.port(),
                            Map.of()), MetricsServer.newRegistry()));
            assertTrue(e.getMessage().contains("127.0.0.1:" + first.port()), e.getMessage());
        }
    }
}
