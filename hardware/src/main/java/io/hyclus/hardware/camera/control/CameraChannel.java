package io.hyclus.hardware.camera.control;

import io.hyclus.hardware.CommandRejectedException;
import io.hyclus.hardware.DeviceDisconnectedException;
import io.hyclus.hardware.DeviceException;
import io.hyclus.hardware.DeviceTimeoutException;
import io.hyclus.hardware.ProtocolException;
import io.hyclus.hardware.serial.Ascii;
import io.hyclus.hardware.serial.SerialLink;
import io.hyclus.hardware.serial.SerialSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Command and reply over the camera link. Every command of the set is idempotent (setting a value twice, or
 * starting a running acquisition, leaves the same state), so timeouts and garbled replies are retried.
 */
final class CameraChannel {
    private static final Logger LOG = LoggerFactory.getLogger(CameraChannel.class);

    private final SerialLink link;
    private final SerialSettings serial;
    private String where;

    CameraChannel(SerialLink link, SerialSettings serial, String name) {
        this.link = link;
        this.serial = serial;
        this.where = "camera " + name + " on " + link.portPath();
    }

    String where() {
        return where;
    }

    void describeAs(String description) {
        this.where = description + " on " + link.portPath();
    }

    /** The values of the OK reply to {@code command}. */
    List<String> send(CameraCommand command) {
        int attempts = 1 + serial.retries();
        DeviceException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return attempt(command.format(), command.mnemonic());
            } catch (DeviceTimeoutException | ProtocolException e) {
                last = e;
                if (attempt < attempts) {
                    LOG.warn("{}: attempt {} of {} failed, resending: {}", where, attempt, attempts, e.getMessage());
                }
            }
        }
        throw last;
    }

    private List<String> attempt(String line, String mnemonic) {
        Optional<String> received;
        try {
            String stale = link.discardInput();
            if (!stale.isEmpty()) {
                LOG.debug("{}: dropped stale input '{}'", where, Ascii.escape(stale));
            }
            link.writeLine(line);
            received = link.readLine(serial.replyTimeout());
        } catch (DeviceDisconnectedException e) {
            throw new DeviceDisconnectedException(where + " is gone while sending '" + line + "': " + e.getMessage(), e);
        }
        if (received.isEmpty()) {
            throw silence(line);
        }
        return interpret(received.get(), line, mnemonic);
    }

    private List<String> interpret(String received, String line, String mnemonic) {
        CameraReply reply;
        try {
            reply = CameraReply.parse(received);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(where + " sent a garbled reply to '" + line + "': '" + Ascii.escape(received)
                    + "' (" + e.getMessage() + ")", e);
        }
        if (reply instanceof CameraReply.Error) {
            CameraReply.Error error = (CameraReply.Error) reply;
            throw new CommandRejectedException(where, line, error.error().name(), received);
        }
        CameraReply.Ok ok = (CameraReply.Ok) reply;
        if (!ok.mnemonic().equals(mnemonic)) {
            throw new ProtocolException(where + " answered '" + line + "' with '" + received + "', expected OK "
                    + mnemonic);
        }
        return ok.values();
    }

    private DeviceException silence(String line) {
        String partial = link.discardInput();
        long millis = serial.replyTimeout().toMillis();
        if (!partial.isEmpty()) {
            return new ProtocolException(where + " sent a partial reply '" + Ascii.escape(partial) + "' to '" + line
                    + "' and then nothing for " + millis + " ms");
        }
        return new DeviceTimeoutException(where + " did not reply to '" + line + "' within " + millis + " ms");
    }
}
