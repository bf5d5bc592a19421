package io.hyclus.dashboard;

import io.hyclus.core.scan.MapUpdate;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.dashboard.metrics.MetricsServer;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.testkit.Await;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A browser that never reads is dropped without holding up the dashboard's feed or a browser that does read (its own
 * embedded broker: the map topic's contents are this test's alone).
 */
@Timeout(240)
class SlowBrowserIT extends BrokerDashboardTest {

    private static final int BATCH = 4;
    private static final int MAX_SAMPLES = 2000;

    @Test
    void browserThatNeverReads_isDropped_andNeitherTheFeedNorAReadingBrowserWaits() throws Exception {
        PrometheusMeterRegistry registry = MetricsServer.newRegistry();
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

            // Samples of 4000 points, a few at a time, until the stuck browser is dropped: the kernel's socket buffers
            // (the send buffer autotunes up to tcp_wmem's maximum, 4 MiB here) take some megabytes before a write
            // blocks. After each batch the reading browser has received everything, so it is never more than a batch
            // behind (well within its buffer) while the stuck one falls further behind with every batch.
            int sent = 0;
            while (registry.get("hyclus.dashboard.clients.dropped").counter().count() == 0 && sent < MAX_SAMPLES) {
                for (int k = 0; k < BATCH; k++, sent++) {
                    SampleMetadata m = new SampleMetadata("S-" + sent, "Plant-" + (sent % 3 + 1),
                            YearMonth.of(2025, sent % 12 + 1), GrainSizeFraction.MINUS_100);
                    send(p, HyclusTopics.SAMPLE_MAP, "slow/S-" + sent, TestScans.points(1, MapUpdate.ADDED, "slow", m,
                            4000));
                }
                p.flush();
                int expected = sent;
                Await.until(WAIT, "the reading browser to get " + expected + " samples",
                        () -> pointsEvents.get() == expected);
            }
            int total = sent;
            assertEquals(1.0, registry.get("hyclus.dashboard.clients.dropped").counter().count(),
                    "the stuck browser dropped after " + total + " samples");
            Await.until(WAIT, "the reading browser to get every one of " + total + " samples",
                    () -> pointsEvents.get() == total);
            assertEquals(1.0, registry.get("hyclus.dashboard.clients").gauge().value(), "the reading browser stays");
        }
    }

}
