package io.hyclus.analysis.livemap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriftCriterionTest {
    @Test
    void refitDue_onlyWhenAddedPointsExceedTheShareOfTheReference() {
        DriftCriterion half = new DriftCriterion(0.5);
        assertFalse(half.refitDue(0, 1000));
        assertFalse(half.refitDue(500, 1000));
        assertTrue(half.refitDue(501, 1000));
        assertFalse(half.refitDue(300, 600));
        assertTrue(half.refitDue(600, 600));
        DriftCriterion twice = new DriftCriterion(2);
        assertFalse(twice.refitDue(1200, 600));
        assertTrue(twice.refitDue(1201, 600));
    }

    @Test
    void badShareOrCounts_refused() {
        assertEquals("re-fit share must be a finite number > 0: 0.0",
                assertThrows(IllegalArgumentException.class, () -> new DriftCriterion(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DriftCriterion(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new DriftCriterion(0.5).refitDue(1, 0));
    }
}
