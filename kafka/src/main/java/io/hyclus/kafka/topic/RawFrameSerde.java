package io.hyclus.kafka.topic;

import io.hyclus.core.codec.RawFrameCodec;
import io.hyclus.core.scan.ScanRawFrame;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for {@link ScanRawFrame}s. Undecodable bytes throw a CodecException naming the topic. */
public final class RawFrameSerde implements Serde<ScanRawFrame> {
    @Override
    public Serializer<ScanRawFrame> serializer() {
        return (topic, f) -> f == null ? null : RawFrameCodec.encode(f);
    }

    @Override
    public Deserializer<ScanRawFrame> deserializer() {
        return (topic, bytes) -> bytes == null ? null : RawFrameCodec.decode(bytes, "topic " + topic);
    }
}
