package io.hyclus.app.replay;

import io.hyclus.core.Checks;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanStarted;

/**
 * A scan as Kafka keeps it: its start event (tray layout, cameras, provenance) and its completion (lines per camera,
 * degradations) from {@code hyclus.scan-events}.
 *
 * @param startedAtMs the start event's record timestamp, ms since the epoch (where its raw frames begin, give or take
 *                    the references sent with it)
 */
public record RecordedScan(ScanStarted started, ScanCompleted completed, long startedAtMs) {
    public RecordedScan {
        Checks.notNull("start event", started);
        Checks.notNull("completion of scan " + started.scanId(), completed);
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
