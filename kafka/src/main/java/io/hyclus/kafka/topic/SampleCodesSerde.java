package io.hyclus.kafka.topic;

import io.hyclus.core.codec.SampleCodesCodec;
import io.hyclus.core.scan.SampleCodes;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for {@link SampleCodes} chunks. Undecodable bytes throw a CodecException naming the topic. */
public final class SampleCodesSerde implements Serde<SampleCodes> {
    @Override
    public Serializer<SampleCodes> serializer() {
        return (topic, c) -> c == null ? null : SampleCodesCodec.encode(c);
    }

    @Override
    public Deserializer<SampleCodes> deserializer() {
        return (topic, bytes) -> bytes == null ? null : SampleCodesCodec.decode(bytes, "topic " + topic);
    }
}
