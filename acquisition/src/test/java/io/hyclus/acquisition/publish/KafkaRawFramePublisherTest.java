package io.hyclus.acquisition.publish;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.simulator.camera.InProcessCameraControl;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the raw frame publisher refuses before anything reaches a broker (none runs here: nothing is sent). */
class KafkaRawFramePublisherTest {
    private static final String NO_BROKER = "127.0.0.1:9";

    @Test
    void frameOverTheRecordLimit_isRefusedBeforeSending_namingScanCameraAndFrame() {
        // 2048 x 1024 counts as uint16 (one count beyond 12 bits, so not packed) = 4 MiB of counts: more than a record
        // of HyclusTopics.MAX_RECORD_BYTES can hold
        RigCamera cam = camera(2048, 1024);
        List<ScanEvent> passed = new ArrayList<>();
        try (KafkaRawFramePublisher p = new KafkaRawFramePublisher(NO_BROKER, sink(passed))) {
            short[] counts = new short[2048 * 1024];
            counts[7] = 5000;
            RawFrame big = RawFrame.wrapping("vnir", SensorKind.VNIR, 77, Instant.EPOCH, 150_500, 2048, 1024, counts);
            p.publish(started("scan-big", cam));
            AcquisitionException e = assertThrows(AcquisitionException.class, () -> p.frame(cam, 3, big));
            int size = 2 * 2048 * 1024 + 95 + "scan-big".length() + KafkaRawFramePublisher.RECORD_FRAMING_BYTES;
            assertEquals("raw frame refused, not sent: scan scan-big camera vnir LINE 3 (frame #77), 2048 x 1024 counts,"
                    + " would be a record of " + size + " bytes, over the " + HyclusTopics.MAX_RECORD_BYTES
                    + "-byte record limit of hyclus.raw-frames", e.getMessage());
            assertEquals(1, passed.size());
        }
    }

    @Test
    void lineBeforeTheScanStarted_isRefused() {
        RigCamera cam = camera(2, 2);
        try (KafkaRawFramePublisher p = new KafkaRawFramePublisher(NO_BROKER, sink(new ArrayList<>()))) {
            AcquisitionException e = assertThrows(AcquisitionException.class, () -> p.frame(cam, 0,
                    RawFrame.wrapping("vnir", SensorKind.VNIR, 5, Instant.EPOCH, 0, 2, 2, new short[4])));
            assertEquals("raw frame #5 of camera vnir (line 0) came before the scan started", e.getMessage());
        }
    }

    private static ScanStarted started(String scanId, RigCamera cam) {
        SampleMetadata m = new SampleMetadata("A-1", "Plant-1", YearMonth.of(2025, 1), GrainSizeFraction.PLUS_100);
        return new ScanStarted(scanId, new TrayLayout("t-1", 40, 100, List.of(new TraySlot(0, m,
                new RegionMm(5, 15, 35, 85)))), List.of(cam.setup()), Instant.EPOCH, Map.of());
    }

    private static ScanEventSink sink(List<ScanEvent> passed) {
        return new ScanEventSink() {
            @Override
            public void publish(ScanEvent event) {
                passed.add(event);
            }

            @Override
            public void flush() {
            }
        };
    }

    private static RigCamera camera(int pixels, int bands) {
        InProcessCameraControl control = new InProcessCameraControl(new CameraIdentity(SensorKind.VNIR, "TEST", "T1",
                "1.0.0", pixels, bands), InstantSource.system(), 1);
        return new RigCamera(control, e -> null, new Sensor("vnir", SensorKind.VNIR,
                WavelengthGrid.uniform(400, 1000, bands, 1), pixels), new AcrossTrackGeometry(0, 1, 0),
                new CameraSettings(1000, 10, 1, 1, 0, pixels, true, true));
    }
}
