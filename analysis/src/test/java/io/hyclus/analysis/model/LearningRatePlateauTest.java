package io.hyclus.analysis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRatePlateauTest {
    @Test
    void observe_threeFlatEpochs_dividesRateByTen() {
        LearningRatePlateau p = new LearningRatePlateau(1e-3, 3, 0.1, 1e-6, 1e-4);
        assertEquals(1e-3, p.observe(0.5));
        assertEquals(1e-3, p.observe(0.5));
        assertEquals(1e-3, p.observe(0.49995));
        assertEquals(1e-4, p.observe(0.6), 1e-18);
        // the count starts again after a reduction
        assertEquals(1e-4, p.observe(0.6), 1e-18);
        assertEquals(1e-4, p.observe(0.6), 1e-18);
        assertEquals(1e-5, p.observe(0.6), 1e-18);
    }

    @Test
    void observe_improvement_keepsRateAndResetsCount() {
        LearningRatePlateau p = new LearningRatePlateau(1e-3, 3, 0.1, 1e-6, 1e-4);
        p.observe(0.5);
        p.observe(0.5);
        p.observe(0.5);
        assertEquals(1e-3, p.observe(0.4));
        p.observe(0.4);
        p.observe(0.4);
        assertEquals(1e-4, p.observe(0.4), 1e-18);
    }

    @Test
    void observe_neverBelowMinimum() {
        LearningRatePlateau p = new LearningRatePlateau(1e-3, 1, 0.1, 5e-5, 0);
        p.observe(1.0);
        assertEquals(1e-4, p.observe(1.0), 1e-18);
        assertEquals(5e-5, p.observe(1.0), 1e-18);
        assertEquals(5e-5, p.observe(1.0), 1e-18);
    }

    @Test
    void constructor_factorOutOfRange_throws() {
        assertThrows(IllegalArgumentException.class, () -> new LearningRatePlateau(1e-3, 3, 1.5, 1e-6, 0));
    }
}
