package io.hyclus.kafka.topic;

import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.ScanEvent;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for {@link ScanEvent}s in HyClus's binary format. Undecodable bytes throw a CodecException naming the topic. */
public final class ScanEventSerde implements Serde<ScanEvent> {
    @Override
    public Serializer<ScanEvent> serializer() {
        return (topic, event) -> event == null ? null : ScanEventCodec.encode(event);
    }

    @Override
    public Deserializer<ScanEvent> deserializer() {
        return (topic, bytes) -> bytes == null ? null : ScanEventCodec.decode(bytes, "topic " + topic);
    }
}
