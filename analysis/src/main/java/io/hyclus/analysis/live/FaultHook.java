package io.hyclus.analysis.live;

import io.hyclus.core.scan.SampleContainerWritten;

/**
 * Where tests make the encoder fail as a killed process would. Production uses {@link #NONE}.
 */
@FunctionalInterface
public interface FaultHook {
    FaultHook NONE = sample -> false;

    /**
     * Asked after a sample's codes file is written and its records and offset are sent in the open transaction, just
     * before the commit. True halts the encoder at once, as {@code kill -9} would: nothing committed or aborted, the
     * producer dropped without a word to the broker, the consumer left in its group.
     */
    boolean haltBeforeCommit(SampleContainerWritten sample);
}
