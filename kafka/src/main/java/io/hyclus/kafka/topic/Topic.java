package io.hyclus.kafka.topic;

import io.hyclus.core.Checks;
import org.apache.kafka.common.serialization.Serde;

import java.util.Map;

/**
 * A topic with the serdes of its keys and values and the topic-level configuration it is created with.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {
    public Topic {
        Checks.notBlank("topic name", name);
        Checks.notNull("key serde of " + name, keySerde);
        Checks.notNull("value serde of " + name, valueSerde);
        configs = Map.copyOf(configs);
    }

    /** The same topic (serdes, configuration) under another name. */
    public Topic<K, V> withName(String other) {
        return new Topic<>(other, keySerde, valueSerde, configs);
    }
}
