package io.hyclus.dashboard;

import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
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
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the dashboard's integration tests share: one embedded KRaft broker per test class with HyClus's topics, a
 * dashboard on an ephemeral port, a raw producer, and reading /metrics.
 */
abstract class BrokerDashboardTest {
    static final Duration WAIT = Duration.ofSeconds(90);

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

    static Dashboard dashboard(PrometheusMeterRegistry registry, int clientBuffer) {
        return Dashboard.start(DashboardSettings.defaults(broker.bootstrapServers(), "127.0.0.1", 0, Map.of())
                .withClientBuffer(clientBuffer), registry);
    }

    static KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(HyclusTopics.MAX_RECORD_BYTES));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    static <K, V> void send(KafkaProducer<byte[], byte[]> p, Topic<K, V> t, K key, V value) {
        p.send(new ProducerRecord<>(t.name(), t.keySerde().serializer().serialize(t.name(), key),
                t.valueSerde().serializer().serialize(t.name(), value)));
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }

    static double metric(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** Waits (bounded) until the metric reaches {@code expected}, then returns the scrape. */
    static String awaitMetric(String url, String name, double expected) throws Exception {
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
}
