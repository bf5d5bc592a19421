package io.hyclus.hardware.conveyor;

import io.hyclus.hardware.serial.Ascii;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply: {@code @dd a [id] OK|RJ IDLE|BUSY ww data}. For {@code RJ} the data is the reason, e.g.
 * {@code BADDATA}; for queries it is the value.
 *
 * @param warning {@code --} or the most severe active {@link WarningFlag} code
 */
public record ZaberReply(int device, int axis, OptionalInt messageId, boolean accepted, boolean busy,
                         String warning, String data) implements ZaberResponse {
    private static final Pattern BODY = Pattern.compile(
            ZaberResponse.Parsing.HEADER.pattern() + " (OK|RJ) (IDLE|BUSY) (--|[A-Z]{2}) (\\S.*)");

    public ZaberReply {
        ZaberResponse.Parsing.checkAddress(device, axis);
        if (messageId == null || messageId.isPresent() && (messageId.getAsInt() < 0 || messageId.getAsInt() > 99)) {
            throw new IllegalArgumentException("message id must be empty or 0-99: " + messageId);
        }
        ZaberResponse.Parsing.checkWarning(warning);
        if (data == null || data.isBlank() || !data.equals(data.strip()) || data.contains(":")) {
            throw new IllegalArgumentException("reply data must be non-blank, without colon or outer spaces: '"
                    + data + "'");
        }
    }

    /** The active flag, if any. */
    public Optional<WarningFlag> flag() {
        return WarningFlag.NONE.equals(warning) ? Optional.empty() : Optional.of(WarningFlag.ofCode(warning));
    }

    @Override
    public String format(boolean withChecksum) {
        String body = ZaberResponse.Parsing.header(device, axis, messageId) + (accepted ? " OK " : " RJ ")
                + (busy ? "BUSY " : "IDLE ") + warning + " " + data;
        return ZaberResponse.Parsing.withChecksum('@', body, withChecksum);
    }

    static ZaberReply parseBody(String body, String line) {
        Matcher m = BODY.matcher(body);
        if (!m.matches()) {
            throw new IllegalArgumentException("reply does not match '@dd a [id] OK|RJ IDLE|BUSY flag data': '"
                    + Ascii.escape(line) + "'");
        }
        return new ZaberReply(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                ZaberResponse.Parsing.id(m.group(3)), m.group(4).equals("OK"), m.group(5).equals("BUSY"),
                m.group(6), m.group(7));
    }
}
