package io.hyclus.hardware.serial;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineAssemblerTest {

    @Test
    void splitsOnNewline_dropsCarriageReturn_keepsTheRest() {
        LineAssembler lines = new LineAssembler();
        feed(lines, "@01 1 OK IDLE -- 0\r\n@01 1 OK");
        assertEquals(Optional.of("@01 1 OK IDLE -- 0"), lines.nextLine());
        assertEquals(Optional.empty(), lines.nextLine());
        feed(lines, " BUSY -- 0\nOK INT 5\n");
        assertEquals(Optional.of("@01 1 OK BUSY -- 0"), lines.nextLine());
        assertEquals(Optional.of("OK INT 5"), lines.nextLine());
        assertEquals("", lines.drain());
    }

    @Test
    void keepsNonAsciiBytesOneToOne_andDrainReturnsThePartialLine() {
        LineAssembler lines = new LineAssembler();
        lines.append(new byte[] {(byte) 0xFF, 0x01, 'O', 'K'}, 4);
        assertEquals(Optional.empty(), lines.nextLine());
        assertEquals("\u00ff\u0001OK", lines.drain());
        assertEquals("\\xFF\\x01OK", Ascii.escape("\u00ff\u0001OK"));
    }

    private static void feed(LineAssembler lines, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        lines.append(bytes, bytes.length);
    }
}
