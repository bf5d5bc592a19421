package io.hyclus.acquisition.sync;

import io.hyclus.acquisition.AcquisitionException;

/**
 * A scan stopped by a fault. The belt was stopped, the lines taken so far were published and closed with a
 * completion that records the abort; the cause says which device, command and reply.
 */
public class ScanAbortedException extends AcquisitionException {
    private final long linesPublished;

    public ScanAbortedException(String message, long linesPublished, Throwable cause) {
        super(message, cause);
        this.linesPublished = linesPublished;
    }

    public long linesPublished() {
        return linesPublished;
    }
}
