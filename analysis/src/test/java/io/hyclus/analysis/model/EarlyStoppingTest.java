package io.hyclus.analysis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    @Test
    void observe_improvingLosses_neverStops() {
        EarlyStopping s = new EarlyStopping(2, 1e-4);
        for (int e = 1; e <= 10; e++) {
            assertTrue(s.observe(e, 1.0 / e));
            assertFalse(s.shouldStop());
        }
        assertEquals(10, s.bestEpoch());
    }

    @Test
    void observe_patienceEpochsWithoutImprovement_stopsAndKeepsBestEpoch() {
        EarlyStopping s = new EarlyStopping(5, 1e-4);
        double[] losses = {0.5, 0.4, 0.41, 0.40, 0.39995, 0.45, 0.42};
        for (int e = 1; e <= losses.length; e++) {
            s.observe(e, losses[e - 1]);
            assertEquals(e == losses.length, s.shouldStop(), "after epoch " + e);
        }
        assertEquals(2, s.bestEpoch());
        assertEquals(0.4, s.bestLoss());
    }

    @Test
    void observe_improvementBelowMinDelta_doesNotCount() {
        EarlyStopping s = new EarlyStopping(1, 0.01);
        s.observe(1, 1.0);
        assertFalse(s.observe(2, 0.995));
        assertTrue(s.shouldStop());
    }

    @Test
    void observe_improvementResetsWait() {
        EarlyStopping s = new EarlyStopping(2, 0);
        s.observe(1, 1.0);
        s.observe(2, 1.0);
        s.observe(3, 0.9);
        s.observe(4, 0.95);
        assertFalse(s.shouldStop());
        s.observe(5, 0.95);
        assertTrue(s.shouldStop());
        assertEquals(3, s.bestEpoch());
    }

    @Test
    void observe_nan_neverImproves() {
        EarlyStopping s = new EarlyStopping(1, 0);
        assertFalse(s.observe(1, Double.NaN));
        assertEquals(0, s.bestEpoch());
    }
}
