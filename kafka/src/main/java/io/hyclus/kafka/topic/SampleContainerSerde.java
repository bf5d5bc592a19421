package io.hyclus.kafka.topic;

import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.SampleContainerWritten;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for {@link SampleContainerWritten} notifications. */
public final class SampleContainerSerde implements Serde<SampleContainerWritten> {
    @Override
    public Serializer<SampleContainerWritten> serializer() {
        return (topic, s) -> s == null ? null : ScanEventCodec.encode(s);
    }

    @Override
    public Deserializer<SampleContainerWritten> deserializer() {
        return (topic, bytes) -> bytes == null ? null : ScanEventCodec.decodeSampleWritten(bytes, "topic " + topic);
    }
}
