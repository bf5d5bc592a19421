package io.hyclus.analysis.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Kafka client metrics of a service's consumer and producer, bound to registries on demand through Micrometer's
 * {@link KafkaClientMetrics} binder and released when the service closes (the live encoder and the live map share it).
 */
public final class ClientMeters implements AutoCloseable {
    private final Consumer<?, ?> consumer;
    private final Producer<?, ?> producer;
    private final List<KafkaClientMetrics> bound = new CopyOnWriteArrayList<>();

    public ClientMeters(Consumer<?, ?> consumer, Producer<?, ?> producer) {
        this.consumer = consumer;
        this.producer = producer;
    }

    /** Publishes both clients' metrics in {@code registry} until {@link #close}. */
    public void bindTo(MeterRegistry registry) {
        for (KafkaClientMetrics m : List.of(new KafkaClientMetrics(consumer), new KafkaClientMetrics(producer))) {
            m.bindTo(registry);
            bound.add(m);
        }
    }

    @Override
    public void close() {
        bound.forEach(KafkaClientMetrics::close);
    }
}
