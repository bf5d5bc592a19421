package io.hyclus.hardware.conveyor;

import io.hyclus.hardware.serial.Ascii;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An unsolicited alert, {@code !dd a IDLE|BUSY ww}, sent (when {@code comm.alert} is on) as a motion ends or a
 * flag is raised. Drivers waiting for a reply skip it.
 */
public record ZaberAlert(int device, int axis, boolean busy, String warning) implements ZaberResponse {
    private static final Pattern BODY = Pattern.compile("(\\d{2}) (\\d) (IDLE|BUSY) (--|[A-Z]{2})");

    public ZaberAlert {
        ZaberResponse.Parsing.checkAddress(device, axis);
        ZaberResponse.Parsing.checkWarning(warning);
    }

    public Optional<WarningFlag> flag() {
        return WarningFlag.NONE.equals(warning) ? Optional.empty() : Optional.of(WarningFlag.ofCode(warning));
    }

    @Override
    public String format(boolean withChecksum) {
        String body = String.format("%02d %d %s %s", device, axis, busy ? "BUSY" : "IDLE", warning);
        return ZaberResponse.Parsing.withChecksum('!', body, withChecksum);
    }

    static ZaberAlert parseBody(String body, String line) {
        Matcher m = BODY.matcher(body);
        if (!m.matches()) {
            throw new IllegalArgumentException("alert does not match '!dd a IDLE|BUSY flag': '" + Ascii.escape(line) + "'");
        }
        return new ZaberAlert(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3).equals("BUSY"), m.group(4));
    }
}
