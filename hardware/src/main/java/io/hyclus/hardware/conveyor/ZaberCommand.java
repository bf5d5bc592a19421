package io.hyclus.hardware.conveyor;

import io.hyclus.hardware.serial.Ascii;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Zaber ASCII command: {@code /[device] [axis] [id] [command words] [:checksum]}, sent with a newline. Device 0
 * addresses every device and axis 0 the whole device; an empty command asks for the status.
 *
 * @param device    0-99
 * @param axis      0-9
 * @param messageId 0-99 when present; replies echo it
 * @param text      command words and data in lower case, e.g. {@code move abs 1000}; empty for a status poll
 */
public record ZaberCommand(int device, int axis, OptionalInt messageId, String text) {
    private static final Pattern TEXT = Pattern.compile("([a-z][a-z0-9.]*( [a-z0-9.-]+)*)?");
    private static final Pattern LINE = Pattern.compile(
            "/(?:(\\d{1,2})(?: (\\d))?(?: (\\d{1,2}))?)? ?([^:]*?)(?::([0-9A-Fa-f]{2}))?");

    public ZaberCommand {
        if (device < 0 || device > 99) {
            throw new IllegalArgumentException("device address must be 0-99: " + device);
        }
        if (axis < 0 || axis > 9) {
            throw new IllegalArgumentException("axis must be 0-9: " + axis);
        }
        if (messageId == null) {
            throw new IllegalArgumentException("message id must not be null (use OptionalInt.empty())");
        }
        if (messageId.isPresent() && (messageId.getAsInt() < 0 || messageId.getAsInt() > 99)) {
            throw new IllegalArgumentException("message id must be 0-99: " + messageId.getAsInt());
        }
        if (text == null || !TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("command must be lower-case words and numbers separated by single"
                    + " spaces: '" + text + "'");
        }
    }

    public static ZaberCommand of(int device, int axis, String text) {
        return new ZaberCommand(device, axis, OptionalInt.empty(), text);
    }

    public ZaberCommand withMessageId(int id) {
        return new ZaberCommand(device, axis, OptionalInt.of(id), text);
    }

    /** The line to send, without newline, with a checksum if asked. */
    public String format(boolean withChecksum) {
        StringBuilder body = new StringBuilder().append(device).append(' ').append(axis);
        messageId.ifPresent(id -> body.append(' ').append(id));
        if (!text.isEmpty()) {
            body.append(' ').append(text);
        }
        return "/" + body + (withChecksum ? ":" + Lrc.hex(body.toString()) : "");
    }

    /**
     * Parses a command line as a device sees it. Numbers ahead of the command words are device, axis and message
     * id in that order; a message id needs both before it.
     *
     * @throws IllegalArgumentException if it is not a command, or its checksum does not match
     */
    public static ZaberCommand parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Zaber command (expected '/[device] [axis] [id] command'): '"
                    + Ascii.escape(line) + "'");
        }
        String checksum = m.group(5);
        if (checksum != null) {
            String body = line.strip().substring(1, line.strip().lastIndexOf(':'));
            if (!Lrc.hex(body).equalsIgnoreCase(checksum)) {
                throw new IllegalArgumentException("checksum " + checksum + " does not match " + Lrc.hex(body)
                        + " of '" + Ascii.escape(line) + "'");
            }
        }
        int device = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        int axis = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        OptionalInt id = m.group(3) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(3)));
        return new ZaberCommand(device, axis, id, m.group(4).strip().toLowerCase(Locale.ROOT));
    }
}
