package io.hyclus.kafka.topic;

import io.hyclus.core.codec.SampleMapCodec;
import io.hyclus.core.scan.SampleMapPoints;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for {@link SampleMapPoints} chunks. Undecodable bytes throw a CodecException naming the topic. */
public final class SampleMapSerde implements Serde<SampleMapPoints> {
    @Override
    public Serializer<SampleMapPoints> serializer() {
        return (topic, p) -> p == null ? null : SampleMapCodec.encode(p);
    }

    @Override
    public Deserializer<SampleMapPoints> deserializer() {
        return (topic, bytes) -> bytes == null ? null : SampleMapCodec.decode(bytes, "topic " + topic);
    }
}
