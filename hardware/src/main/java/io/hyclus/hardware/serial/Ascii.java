package io.hyclus.hardware.serial;

/** Renders received bytes for messages: printable ASCII as is, everything else as {@code \xNN}. */
public final class Ascii {
    private static final int MAX_SHOWN = 120;

    private Ascii() {
    }

    /** A printable rendering of {@code text}, cut at 120 characters. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 8);
        for (int i = 0; i < text.length() && out.length() < MAX_SHOWN; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(String.format("\\x%02X", (int) c & 0xFF));
            }
        }
        if (out.length() >= MAX_SHOWN) {
            out.append("...");
        }
        return out.toString();
    }
}
