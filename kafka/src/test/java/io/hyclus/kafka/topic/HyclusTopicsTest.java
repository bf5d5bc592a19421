package io.hyclus.kafka.topic;

import io.hyclus.core.codec.CodecException;
import io.hyclus.core.scan.MapUpdate;
import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.RawFrameRole;
import io.hyclus.core.scan.SampleMapPoints;
import io.hyclus.core.scan.ScanRawFrame;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HyclusTopicsTest {
    @Test
    void all_declaresEveryTopicOnce() {
        assertEquals(List.of("hyclus.scan-events", "hyclus.sample-containers", "hyclus.scan-events.dlq",
                "hyclus.sample-codes", "hyclus.sample-containers.dlq", "hyclus.sample-map",
                "hyclus.raw-frames"), HyclusTopics.all().stream().map(Topic::name).toList());
    }

    @Test
    void rawFrames_keepSevenDays_acceptTheRecordLimit_andRoundTrip() {
        assertEquals(Map.of("max.message.bytes", "4194304", "retention.ms", "604800000", "cleanup.policy", "delete"),
                HyclusTopics.RAW_FRAMES.configs());
        ScanRawFrame f = ScanRawFrame.wrapping("scan-1", "swir", SensorKind.SWIR, RawFrameRole.WHITE, 2, 17,
                Instant.EPOCH, -40, 2, 2, new short[] {0, 1, 4095, 7});
        var serde = HyclusTopics.RAW_FRAMES.valueSerde();
        assertEquals(f, serde.deserializer().deserialize("hyclus.raw-frames",
                serde.serializer().serialize("hyclus.raw-frames", f)));
        CodecException e = assertThrows(CodecException.class,
                () -> serde.deserializer().deserialize("hyclus.raw-frames", new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().startsWith("topic hyclus.raw-frames: truncated"), e.getMessage());
    }

    @Test
    void codesRecordsFitWellBelowTheRecordLimit() {
        assertTrue(HyclusTopics.MAX_CODES_BYTES <= HyclusTopics.MAX_RECORD_BYTES / 4);
        assertEquals(String.valueOf(HyclusTopics.MAX_RECORD_BYTES),
                HyclusTopics.SAMPLE_CODES.configs().get("max.message.bytes"));
    }

    @Test
    void sampleMapSerde_roundTrips_recordsFitTheLimit() {
        SampleMapPoints p = new SampleMapPoints(3, MapUpdate.ADDED, "scan-1", new SampleMetadata("A-1", "Plant-1",
                YearMonth.of(2025, 1), GrainSizeFraction.PLUS_100), SensorKind.VNIR, "dense-ae-16-vnir@1", Instant.EPOCH,
                0, 1, 2, 0, new int[] {4, 9}, new float[] {0.5f, -2f, 3f, 4f});
        var serde = HyclusTopics.SAMPLE_MAP.valueSerde();
        assertEquals(p, serde.deserializer().deserialize("hyclus.sample-map",
                serde.serializer().serialize("hyclus.sample-map", p)));
        assertTrue(HyclusTopics.MAX_MAP_BYTES <= HyclusTopics.MAX_RECORD_BYTES / 4);
        assertEquals(String.valueOf(HyclusTopics.MAX_RECORD_BYTES),
                HyclusTopics.SAMPLE_MAP.configs().get("max.message.bytes"));
    }

    @Test
    void sampleCodesSerde_roundTrips_andNamesTheTopicOnBadBytes() {
        SampleCodes c = new SampleCodes("scan-1", new SampleMetadata("A-1", "Plant-1", YearMonth.of(2025, 1),
                GrainSizeFraction.MINUS_100), SensorKind.VNIR, "dense-ae-16-vnir@1", "/w/A-1.h5", Instant.EPOCH, 0, 1, 1, 0,
                1, 2, new float[] {0.5f, -2f});
        var serde = HyclusTopics.SAMPLE_CODES.valueSerde();
        assertEquals(c, serde.deserializer().deserialize("hyclus.sample-codes",
                serde.serializer().serialize("hyclus.sample-codes", c)));
        CodecException e = assertThrows(CodecException.class,
                () -> serde.deserializer().deserialize("hyclus.sample-codes", new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().startsWith("topic hyclus.sample-codes: truncated"), e.getMessage());
    }
}
