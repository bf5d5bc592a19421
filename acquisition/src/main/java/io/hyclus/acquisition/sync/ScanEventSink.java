package io.hyclus.acquisition.sync;

import io.hyclus.core.scan.ScanEvent;

/** Where a scan's events go, in order. */
public interface ScanEventSink {
    void publish(ScanEvent event);

    /** Blocks until every event published so far is stored, or throws naming what failed. */
    void flush();
}
