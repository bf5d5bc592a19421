package io.hyclus.app.scan;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScanProgressTest {
    @Test
    void plainLines_atEveryTenth_withMmEtaAndLateLines() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        ScanProgress p = new ScanProgress(new PrintWriter(text), false, 0.5, now::get);
        for (int i = 0; i < 20; i++) {
            now.set(i * 100_000_000L); // 10 lines per second
            p.lineDone(i, 20, i == 3);
        }
        String[] lines = text.toString().split("\n");
        assertEquals(11, lines.length, text.toString());
        assertEquals("[#.............................] 1/20 lines  0.5/10.0 mm  ETA 0 s  late 0", lines[0]);
        assertEquals("[###############...............] 10/20 lines  5.0/10.0 mm  ETA 1 s  late 1", lines[5]);
        assertEquals("[##############################] 20/20 lines  10.0/10.0 mm  ETA 0 s  late 1", lines[10]);
    }

    @Test
    void terminal_redrawsInPlace() {
        StringWriter text = new StringWriter();
        ScanProgress p = new ScanProgress(new PrintWriter(text), true, 1, () -> 0);
        p.lineDone(0, 2, false);
        p.lineDone(1, 2, false);
        assertEquals("\r[###############...............] 1/2 lines  1.0/2.0 mm  ETA 0 s  late 0"
                + "\r[##############################] 2/2 lines  2.0/2.0 mm  ETA 0 s  late 0\n", text.toString());
    }
}
