package io.hyclus.hardware.camera.control;

import io.hyclus.hardware.serial.Ascii;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A camera's reply: {@code OK MNEMONIC value ...} or {@code ER nn NAME detail}. See docs/camera-protocol.md.
 */
public sealed interface CameraReply permits CameraReply.Ok, CameraReply.Error {
    /** The line as sent, without terminator. */
    String format();

    /**
     * Parses a received reply line.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static CameraReply parse(String line) {
        if (line.startsWith("OK ")) {
            return Ok.parseBody(line.substring(3), line);
        }
        if (line.startsWith("ER ")) {
            return Error.parseBody(line.substring(3), line);
        }
        throw new IllegalArgumentException("camera reply must start with 'OK ' or 'ER ': '" + Ascii.escape(line) + "'");
    }

    /** Success, with the values of the setting addressed (the new ones after a set). */
    record Ok(String mnemonic, List<String> values) implements CameraReply {
        private static final Pattern WORD = Pattern.compile("[A-Za-z0-9.,=+_-]+");

        public Ok {
            if (mnemonic == null || !mnemonic.matches("[A-Z]{2,8}")) {
                throw new IllegalArgumentException("reply mnemonic must be 2-8 capital letters: '" + mnemonic + "'");
            }
            values = List.copyOf(values);
            for (String value : values) {
                if (!WORD.matcher(value).matches()) {
                    throw new IllegalArgumentException("reply value must be one printable token: '" + value + "'");
                }
            }
        }

        public static Ok of(String mnemonic, String... values) {
            return new Ok(mnemonic, List.of(values));
        }

        @Override
        public String format() {
            return values.isEmpty() ? "OK " + mnemonic : "OK " + mnemonic + " " + String.join(" ", values);
        }

        static Ok parseBody(String body, String line) {
            String[] words = body.split(" ");
            try {
                return new Ok(words[0], Arrays.asList(words).subList(1, words.length));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " in '" + Ascii.escape(line) + "'", e);
            }
        }
    }

    /** Refusal with a code and a human-readable detail. */
    record Error(CameraError error, String detail) implements CameraReply {
        private static final Pattern BODY = Pattern.compile("(\\d{2}) ([A-Z_]+) (\\S.*)");

        public Error {
            if (error == null || detail == null || detail.isBlank() || !detail.equals(detail.strip())
                    || !detail.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException("error reply needs a code and a printable detail: " + error
                        + " '" + detail + "'");
            }
        }

        @Override
        public String format() {
            return "ER " + error.code() + " " + error.name() + " " + detail;
        }

        static Error parseBody(String body, String line) {
            Matcher m = BODY.matcher(body);
            if (!m.matches()) {
                throw new IllegalArgumentException("error reply must be 'ER nn NAME detail': '" + Ascii.escape(line)
                        + "'");
            }
            CameraError error = CameraError.ofCode(m.group(1));
            if (!error.name().equals(m.group(2))) {
                throw new IllegalArgumentException("error code " + m.group(1) + " is " + error.name() + ", not "
                        + m.group(2) + " in '" + Ascii.escape(line) + "'");
            }
            return new Error(error, m.group(3));
        }
    }
}
