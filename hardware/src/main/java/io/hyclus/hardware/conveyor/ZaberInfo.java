package io.hyclus.hardware.conveyor;

import io.hyclus.hardware.serial.Ascii;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An info line, {@code #dd a [id] text}: extra output of commands such as {@code help}; drivers skip it. */
public record ZaberInfo(int device, int axis, OptionalInt messageId, String text) implements ZaberResponse {
    private static final Pattern BODY = Pattern.compile(ZaberResponse.Parsing.HEADER.pattern() + "(?: (.*))?");

    public ZaberInfo {
        ZaberResponse.Parsing.checkAddress(device, axis);
        if (messageId == null || text == null || text.contains(":")) {
            throw new IllegalArgumentException("info needs a message id (or empty) and text without colon: '"
                    + text + "'");
        }
    }

    @Override
    public String format(boolean withChecksum) {
        String body = ZaberResponse.Parsing.header(device, axis, messageId) + (text.isEmpty() ? "" : " " + text);
        return ZaberResponse.Parsing.withChecksum('#', body, withChecksum);
    }

    static ZaberInfo parseBody(String body, String line) {
        Matcher m = BODY.matcher(body);
        if (!m.matches()) {
            throw new IllegalArgumentException("info does not match '#dd a [id] text': '" + Ascii.escape(line) + "'");
        }
        return new ZaberInfo(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                ZaberResponse.Parsing.id(m.group(3)), m.group(4) == null ? "" : m.group(4));
    }
}
