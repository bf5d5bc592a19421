package io.hyclus.acquisition.publish;

import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import org.apache.kafka.common.serialization.Serializer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How scanlines go on the scan-events topic. Consumers need not know: {@link ScanEventCodec#decode} reads both. The
 * publisher records the encoding in each scan's start ({@link #PROVENANCE}), so containers say whether their spectra
 * were quantised and a replay re-publishes as the scan did ({@link #fromProvenance}).
 */
public enum LineEncoding {
    /** float32 reflectance, exactly as calibrated (scan-event type 2, or 7 with pixel flags). */
    FLOAT32,
    /**
     * The compact codec (type 8, or 10 for a VNIR line and its stitched line as one pair; {@code CompactReflectance}):
     * quantised to 2^-13 reflectance, predicted, entropy coded;
     * about 3.4 times smaller than FLOAT32 on simulated full-size lines (docs/scanline-codec.md).
     */
    COMPACT;

    /** Provenance of the scan's line encoding, {@code compact} or {@code float32}; scans recorded without it were FLOAT32. */
    public static final ProvenanceKey PROVENANCE = ProvenanceKeys.SCAN.child("line_encoding");

    /** The value recorded under {@link #PROVENANCE}: {@code compact} or {@code float32}. */
    public String provenanceValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The encoding a scan was published with, read back from its start's provenance: {@link #FLOAT32} when the key is
     * absent (scans published before the encoding was recorded were all float32).
     *
     * @throws IllegalArgumentException naming the key and value when the value is neither
     */
    public static LineEncoding fromProvenance(Map<String, String> provenance) {
        String v = provenance.get(PROVENANCE.name());
        if (v == null) {
            return FLOAT32;
        }
        for (LineEncoding e : values()) {
            if (e.provenanceValue().equals(v)) {
                return e;
            }
        }
        throw new IllegalArgumentException("the scan's " + PROVENANCE + " is '" + v + "', expected compact or float32");
    }

    /** {@code s} with this encoding recorded in its provenance (replacing any recorded before). */
    public ScanStarted stamp(ScanStarted s) {
        if (provenanceValue().equals(s.provenance().get(PROVENANCE.name()))) {
            return s;
        }
        Map<String, String> p = new LinkedHashMap<>(s.provenance());
        p.put(PROVENANCE.name(), provenanceValue());
        return new ScanStarted(s.scanId(), s.tray(), s.cameras(), s.startedAt(), p);
    }

    Serializer<ScanEvent> serializer() {
        return this == COMPACT
                ? (topic, e) -> e == null ? null : ScanEventCodec.encodeCompact(e)
                : (topic, e) -> e == null ? null : ScanEventCodec.encode(e);
    }
}
