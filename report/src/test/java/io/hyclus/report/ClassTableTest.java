package io.hyclus.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The study-format table against values worked out by hand (as scikit-learn's classification_report gives them). */
class ClassTableTest {
    @Test
    void of_threeClasses_oneNeverPredicted_zeroDivisionIsZero() {
        // truth  a a a b b c ; predicted a a b b b a
        ClassTable t = ClassTable.of(List.of("a", "a", "a", "b", "b", "c"), List.of("a", "a", "b", "b", "b", "a"));
        assertEquals(List.of("a", "b", "c"), t.classes());
        assertArrayEquals(new double[] {2 / 3.0, 2 / 3.0, 0}, t.precision(), 1e-12);
        assertArrayEquals(new double[] {2 / 3.0, 1, 0}, t.recall(), 1e-12);
        assertArrayEquals(new double[] {2 / 3.0, 0.8, 0}, t.f1(), 1e-12);
        assertArrayEquals(new int[] {3, 2, 1}, t.support());
        assertEquals(4 / 6.0, t.accuracy(), 1e-12);
        assertArrayEquals(new double[] {4 / 9.0, 5 / 9.0, (2 / 3.0 + 0.8) / 3}, t.macro(), 1e-12);
        assertArrayEquals(new double[] {(3 * 2 / 3.0 + 2 * 2 / 3.0) / 6, (3 * 2 / 3.0 + 2) / 6, (3 * 2 / 3.0 + 2 * 0.8) / 6},
                t.weighted(), 1e-12);
        assertArrayEquals(new int[][] {{2, 1, 0}, {0, 2, 0}, {1, 0, 0}}, t.confusion());
    }

    @Test
    void of_predictedClassNeverTrue_isInTheTableWithSupportZero() {
        ClassTable t = ClassTable.of(List.of("a", "a"), List.of("a", "z"));
        assertEquals(List.of("a", "z"), t.classes());
        assertArrayEquals(new int[] {2, 0}, t.support());
        assertArrayEquals(new double[] {1, 0}, t.precision(), 1e-12);
        assertArrayEquals(new double[] {0.5, 0}, t.recall(), 1e-12);
    }
}
