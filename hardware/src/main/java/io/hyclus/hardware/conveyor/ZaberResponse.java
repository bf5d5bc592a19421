package io.hyclus.hardware.conveyor;

import io.hyclus.hardware.serial.Ascii;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line from a Zaber device: a {@link ZaberReply} ({@code @}) to a command, an {@link ZaberInfo} ({@code #})
 * line, or an unsolicited {@link ZaberAlert} ({@code !}). Each may end in {@code :checksum}.
 */
public sealed interface ZaberResponse permits ZaberReply, ZaberInfo, ZaberAlert {
    /** Address of the device that sent it. */
    int device();

    int axis();

    /** The line as the device sends it, without newline. */
    String format(boolean withChecksum);

    /**
     * Parses one received line (without its newline).
     *
     * @throws IllegalArgumentException naming what is wrong, for anything that is not a well-formed response
     */
    static ZaberResponse parse(String line) {
        if (line.isEmpty()) {
            throw new IllegalArgumentException("empty line");
        }
        String body = Parsing.verifiedBody(line);
        switch (line.charAt(0)) {
            case '@': return ZaberReply.parseBody(body, line);
            case '#': return ZaberInfo.parseBody(body, line);
            case '!': return ZaberAlert.parseBody(body, line);
            default: throw new IllegalArgumentException("expected '@', '#' or '!' at the start");
        }
    }

    /** Shared pieces of the response grammar. */
    final class Parsing {
        private static final Pattern CHECKSUM = Pattern.compile("(.*):([0-9A-F]{2})");
        static final Pattern HEADER = Pattern.compile("(\\d{2}) (\\d)(?: (\\d{2}))?");

        private Parsing() {
        }

        /** The text between the type character and the checksum, checking the checksum if there is one. */
        static String verifiedBody(String line) {
            String rest = line.substring(1);
            Matcher m = CHECKSUM.matcher(rest);
            if (!m.matches()) {
                return rest;
            }
            String expected = Lrc.hex(m.group(1));
            if (!expected.equals(m.group(2))) {
                throw new IllegalArgumentException("checksum " + m.group(2) + " does not match " + expected
                        + " in '" + Ascii.escape(line) + "'");
            }
            return m.group(1);
        }

        static OptionalInt id(String group) {
            return group == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(group));
        }

        static String header(int device, int axis, OptionalInt id) {
            String base = String.format("%02d %d", device, axis);
            return id.isPresent() ? base + String.format(" %02d", id.getAsInt()) : base;
        }

        static String withChecksum(char type, String body, boolean checksum) {
            return type + body + (checksum ? ":" + Lrc.hex(body) : "");
        }

        static void checkAddress(int device, int axis) {
            if (device < 0 || device > 99) {
                throw new IllegalArgumentException("device address must be 0-99: " + device);
            }
            if (axis < 0 || axis > 9) {
                throw new IllegalArgumentException("axis must be 0-9: " + axis);
            }
        }

        static void checkWarning(String warning) {
            if (!WarningFlag.NONE.equals(warning)) {
                WarningFlag.ofCode(warning);
            }
        }
    }
}
