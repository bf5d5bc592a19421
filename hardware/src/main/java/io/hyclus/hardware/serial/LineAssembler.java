package io.hyclus.hardware.serial;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Cuts a byte stream into lines at {@code '\n'}, dropping one {@code '\r'} before it. Not thread-safe.
 */
final class LineAssembler {
    private final StringBuilder pending = new StringBuilder();

    /** Appends received bytes. */
    void append(byte[] bytes, int count) {
        pending.append(new String(bytes, 0, count, StandardCharsets.ISO_8859_1));
    }

    /** The next complete line, if one has arrived. */
    Optional<String> nextLine() {
        int newline = pending.indexOf("\n");
        if (newline < 0) {
            return Optional.empty();
        }
        int end = newline > 0 && pending.charAt(newline - 1) == '\r' ? newline - 1 : newline;
        String line = pending.substring(0, end);
        pending.delete(0, newline + 1);
        return Optional.of(line);
    }

    /** Everything buffered, complete or not; the buffer is emptied. */
    String drain() {
        String all = pending.toString();
        pending.setLength(0);
        return all;
    }
}
