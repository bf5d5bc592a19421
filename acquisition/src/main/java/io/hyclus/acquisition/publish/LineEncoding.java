package io.hyclus.acquisition.publish;

import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.ScanEvent;
import org.apache.kafka.common.serialization.Serializer;

/**
 * How scanlines go on the scan-events topic. Consumers need not know: {@link ScanEventCodec#decode} reads both.
 */
public enum LineEncoding {
    /** float32 reflectance, exactly as calibrated (scan-event type 2, or 7 with pixel flags). */
    FLOAT32,
    /**
     * The compact codec (type 8, {@code CompactReflectance}): quantised to 2^-13 reflectance, predicted, entropy coded;
     * about 3.6 times smaller than FLOAT32 on simulated full-size lines (docs/scanline-codec.md).
     */
    COMPACT;

    Serializer<ScanEvent> serializer() {
        return this == COMPACT
                ? (topic, e) -> e == null ? null : ScanEventCodec.encodeCompact(e)
                : (topic, e) -> e == null ? null : ScanEventCodec.encode(e);
    }
}
