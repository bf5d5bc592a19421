package io.hyclus.acquisition.stitch;

import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hyclus.acquisition.stitch.StitchFixture.SCAN;
import static io.hyclus.acquisition.stitch.StitchFixture.camera;
import static io.hyclus.acquisition.stitch.StitchFixture.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StitchingSinkTest {
    private static final CameraSetup VNIR = camera(SensorKind.VNIR, WavelengthGrid.uniform(400, 1000, 61, 1.2), 12, 0.5, 1);
    private static final CameraSetup SWIR = camera(SensorKind.SWIR, WavelengthGrid.uniform(1000, 2500, 31, 1.2), 4, 1.5, 3);
    private static final TrayLayout TRAY = new TrayLayout("tray-1", 12, 20, List.of(new TraySlot(0,
            new SampleMetadata("A-1", "Plant-1", YearMonth.of(2025, 2), GrainSizeFraction.values()[0]),
            new RegionMm(1, 1, 11, 19))));

    /** Collects what the sink passes on. */
    private static final class Recorded implements ScanEventSink {
        final List<ScanEvent> events = new ArrayList<>();

        @Override
        public void publish(ScanEvent event) {
            events.add(event);
        }

        @Override
        public void flush() {
        }
    }

    @Test
    void scan_startGainsStitchedCamera_linesFollowTheirSources_completionCountsThem() {
        Recorded rec = new Recorded();
        ScanEventSink sink = StitchingSink.around(rec, Optional.of(StitchSettings.defaults()));
        sink.publish(new ScanStarted(SCAN, TRAY, List.of(VNIR, SWIR), Instant.EPOCH, Map.of("software.version", "x")));
        for (int i = 0; i < 3; i++) {
            sink.publish(line(VNIR, i, 1000L * i, (p, nm) -> 0.5));
            sink.publish(line(SWIR, i, 1000L * i, (p, nm) -> 0.4));
        }
        sink.publish(new ScanCompleted(SCAN, Map.of(SensorKind.VNIR, 3L, SensorKind.SWIR, 3L), Instant.EPOCH, List.of()));

        ScanStarted s = assertInstanceOf(ScanStarted.class, rec.events.get(0));
        CameraSetup st = s.camera(SensorKind.STITCHED).orElseThrow();
        assertEquals(LineStitcher.SENSOR_ID, st.sensor().id());
        assertEquals(VNIR.geometry(), st.geometry());
        assertEquals(12, st.sensor().pixels());
        assertEquals(400, st.sensor().grid().firstNm(), 1e-9);
        assertEquals(2500, st.sensor().grid().lastNm(), 1e-9);
        assertEquals("native", s.provenance().get("scan.stitch.grid"));
        assertEquals("cross-fade", s.provenance().get("scan.stitch.overlap_rule"));
        // native grid: each VNIR line waits for the SWIR line that lets it be stitched, then goes on with its stitched
        // line as one pair, which shares all 61 VNIR bands here (the two grids meet at 1000 nm)
        assertEquals(List.of("SWIR0", "VNIR0+STITCHED0", "SWIR1", "VNIR1+STITCHED1", "SWIR2", "VNIR2+STITCHED2"),
                order(rec.events.subList(1, rec.events.size() - 1)));
        StitchedPair first = assertInstanceOf(StitchedPair.class, rec.events.get(2));
        assertEquals(61, first.sharedBands());
        assertEquals(line(VNIR, 0, 0, (p, nm) -> 0.5), first.vnir());
        ScanCompleted c = assertInstanceOf(ScanCompleted.class, rec.events.get(rec.events.size() - 1));
        assertEquals(Map.of(SensorKind.VNIR, 3L, SensorKind.SWIR, 3L, SensorKind.STITCHED, 3L), c.linesPublished());
        assertTrue(c.degradations().isEmpty(), c.degradations().toString());
    }

    @Test
    void gridNotStartingOnTheVnirBands_sharesNoBand_linesGoOnSeparatelyAsTheyCome() {
        Recorded rec = new Recorded();
        ScanEventSink sink = new StitchingSink(rec, StitchSettings.defaults().withUniformStep(7)); // from 406 nm: no VNIR band copied
        sink.publish(new ScanStarted(SCAN, TRAY, List.of(VNIR, SWIR), Instant.EPOCH, Map.of()));
        for (int i = 0; i < 2; i++) {
            sink.publish(line(VNIR, i, 1000L * i, (p, nm) -> 0.5));
            sink.publish(line(SWIR, i, 1000L * i, (p, nm) -> 0.4));
        }
        sink.publish(new ScanCompleted(SCAN, Map.of(SensorKind.VNIR, 2L, SensorKind.SWIR, 2L), Instant.EPOCH, List.of()));
        assertEquals(List.of("VNIR0", "SWIR0", "STITCHED0", "VNIR1", "SWIR1", "STITCHED1"),
                order(rec.events.subList(1, rec.events.size() - 1)));
    }

    private static List<String> order(List<ScanEvent> events) {
        return events.stream().map(e -> e instanceof StitchedPair p ? name(p.vnir()) + "+" + name(p.stitched())
                : name((Scanline) e)).toList();
    }

    private static String name(Scanline l) {
        return l.camera() + "" + l.lineIndex();
    }

    @Test
    void scan_vnirOnly_passesThroughUntouched() {
        Recorded rec = new Recorded();
        ScanEventSink sink = new StitchingSink(rec, StitchSettings.defaults());
        ScanStarted start = new ScanStarted(SCAN, TRAY, List.of(VNIR), Instant.EPOCH, Map.of());
        sink.publish(start);
        sink.publish(line(VNIR, 0, 0, (p, nm) -> 0.5));
        ScanCompleted done = new ScanCompleted(SCAN, Map.of(SensorKind.VNIR, 1L), Instant.EPOCH, List.of());
        sink.publish(done);
        assertEquals(3, rec.events.size());
        assertSame(start, rec.events.get(0));
        assertSame(done, rec.events.get(2));
    }

    @Test
    void stitchingOff_returnsTheDelegate() {
        Recorded rec = new Recorded();
        assertSame(rec, StitchingSink.around(rec, Optional.empty()));
    }

    @Test
    void vnirLinesPastTheLastSwirLine_droppedAndRecorded() {
        Recorded rec = new Recorded();
        ScanEventSink sink = new StitchingSink(rec, StitchSettings.defaults());
        sink.publish(new ScanStarted(SCAN, TRAY, List.of(VNIR, SWIR), Instant.EPOCH, Map.of()));
        sink.publish(line(SWIR, 0, 0, (p, nm) -> 0.4));
        for (int i = 0; i < 4; i++) {
            sink.publish(line(VNIR, i, 1000L * i, (p, nm) -> 0.5));
        }
        sink.publish(new ScanCompleted(SCAN, Map.of(SensorKind.VNIR, 4L, SensorKind.SWIR, 1L), Instant.EPOCH, List.of()));
        ScanCompleted c = (ScanCompleted) rec.events.get(rec.events.size() - 1);
        assertEquals(3L, c.linesPublished().get(SensorKind.STITCHED));
        // the line that got no stitched line still goes on, alone, in its place
        assertEquals(List.of("SWIR0", "VNIR0+STITCHED0", "VNIR1+STITCHED1", "VNIR2+STITCHED2", "VNIR3"),
                order(rec.events.subList(1, rec.events.size() - 1)));
        assertEquals(List.of("stitching dropped 1 VNIR lines with no SWIR line within 2000 um"), c.degradations());
    }

    @Test
    void camerasOnly_stripsTheStitchedStream_forAReplayThatStitchesAgain() {
        Recorded rec = new Recorded();
        ScanEventSink sink = new StitchingSink(rec, StitchSettings.defaults());
        ScanStarted original = new ScanStarted(SCAN, TRAY, List.of(VNIR, SWIR), Instant.EPOCH, Map.of("software.version", "x"));
        sink.publish(original);
        sink.publish(line(SWIR, 0, 0, (p, nm) -> 0.4));
        sink.publish(line(VNIR, 0, 5000, (p, nm) -> 0.5));
        ScanCompleted done = new ScanCompleted(SCAN, Map.of(SensorKind.VNIR, 1L, SensorKind.SWIR, 1L), Instant.EPOCH,
                List.of("swir: 1 bad element"));
        sink.publish(done);
        ScanStarted stitchedStart = (ScanStarted) rec.events.get(0);
        ScanCompleted stitchedDone = (ScanCompleted) rec.events.get(rec.events.size() - 1);
        assertEquals(2, stitchedDone.degradations().size(), stitchedDone.degradations().toString());
        assertEquals(original, StitchingSink.camerasOnly(stitchedStart));
        assertEquals(done, StitchingSink.camerasOnly(stitchedDone));
        assertSame(original, StitchingSink.camerasOnly(original));
    }
}
