package io.hyclus.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The page's comparison lines: an accuracy below PCA's never reads as equal to it. */
class ReportHtmlTest {

    @Test
    void lessThan_showsTwoDecimals_orAsManyMoreAsTellTheTwoApart() {
        assertEquals("0.41 < 0.96", ReportHtml.lessThan(0.4125, 0.9550));
        assertEquals("0.996 < 1.000", ReportHtml.lessThan(0.9958, 1.0));
        assertEquals("0.9995 < 1.0000", ReportHtml.lessThan(0.99951, 0.99999));
        assertEquals("0.123456 < 0.123457", ReportHtml.lessThan(0.1234561, 0.1234569));
    }
}
