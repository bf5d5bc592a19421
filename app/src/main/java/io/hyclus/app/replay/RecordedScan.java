package io.hyclus.app.replay;

import io.hyclus.acquisition.stitch.StitchSettings;
import io.hyclus.acquisition.stitch.StitchingSink;
import io.hyclus.core.Checks;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.SensorKind;

import java.util.Optional;

/**
 * A scan as Kafka keeps it: its start event (tray layout, cameras, provenance) and its completion (lines per camera,
 * degradations) from {@code hyclus.scan-events}.
 *
 * @param startedAtMs the start event's record timestamp, ms since the epoch (where its raw frames begin, give or take
 *                    the references sent with it)
 * @param stitch      how acquisition stitched the scan's VNIR and SWIR lines (its start's provenance), or empty; the
 *                    start and completion are then the cameras' own ({@link StitchingSink#camerasOnly}), as its raw
 *                    frames are, so that a replay recalibrates the cameras and stitches again
 */
public record RecordedScan(ScanStarted started, ScanCompleted completed, long startedAtMs,
                           Optional<StitchSettings> stitch) {

    /** The scan as Kafka holds its events: the stitched stream, if any, taken out into {@link #stitch()}. */
    public static RecordedScan of(ScanStarted started, ScanCompleted completed, long startedAtMs) {
        Optional<StitchSettings> stitch = started.camera(SensorKind.STITCHED).isPresent()
                ? StitchSettings.fromProvenance(started.provenance()) : Optional.empty();
        return new RecordedScan(StitchingSink.camerasOnly(started), StitchingSink.camerasOnly(completed), startedAtMs,
                stitch);
    }

    public RecordedScan {
        Checks.notNull("start event", started);
        Checks.notNull("completion of scan " + started.scanId(), completed);
        Checks.notNull("stitch settings of scan " + started.scanId(), stitch);
        if (!started.scanId().equals(completed.scanId())) {
            throw new IllegalArgumentException("start of scan " + started.scanId() + " and completion of scan "
                    + completed.scanId() + " do not match");
        }
    }

    public String scanId() {
        return started.scanId();
    }

    /** Lines of all cameras the scan published. */
    public long lines() {
        return completed.linesPublished().values().stream().mapToLong(Long::longValue).sum();
    }
}
