package io.hyclus.hardware.conveyor;

import io.hyclus.hardware.CommandRejectedException;
import io.hyclus.hardware.DeviceDisconnectedException;
import io.hyclus.hardware.DeviceException;
import io.hyclus.hardware.DeviceTimeoutException;
import io.hyclus.hardware.ProtocolException;
import io.hyclus.hardware.serial.Ascii;
import io.hyclus.hardware.serial.SerialLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * One command, one reply, over a {@link SerialLink}: numbering, checksums, skipping alerts and info lines,
 * discarding stale replies, turning failures into exceptions and retrying where that is safe.
 */
final class ZaberChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ZaberChannel.class);

    /** Whether a command may be sent again when its reply is lost or garbled. */
    enum Resend {
        /** Queries, settings, stop: sending twice has the same effect as once. */
        IDEMPOTENT,
        /** Moves: a lost reply does not mean the move was not started; never resend blindly. */
        NEVER
    }

    private final SerialLink link;
    private final ZaberSettings settings;
    private int nextId;

    ZaberChannel(SerialLink link, ZaberSettings settings) {
        this.link = link;
        this.settings = settings;
    }

    /**
     * Sends {@code text} to the configured device and axis and returns the accepted reply.
     *
     * @throws CommandRejectedException on {@code RJ}
     */
    ZaberReply send(String text, Resend resend) {
        int attempts = resend == Resend.IDEMPOTENT ? 1 + settings.serial().retries() : 1;
        DeviceException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return attempt(text);
            } catch (DeviceTimeoutException | ProtocolException e) {
                last = e;
                if (attempt < attempts) {
                    LOG.warn("{}: attempt {} of {} failed, resending: {}", settings.where(), attempt, attempts,
                            e.getMessage());
                }
            }
        }
        throw last;
    }

    private ZaberReply attempt(String text) {
        ZaberCommand command = ZaberCommand.of(settings.address(), settings.axis(), text);
        if (settings.messageIds()) {
            command = command.withMessageId(nextId);
            nextId = (nextId + 1) % 100;
        }
        String line = command.format(settings.checksums());
        try {
            String stale = link.discardInput();
            if (!stale.isEmpty()) {
                LOG.debug("{}: dropped stale input '{}'", settings.where(), Ascii.escape(stale));
            }
            link.writeLine(line);
            return check(awaitReply(command, line), line);
        } catch (DeviceDisconnectedException e) {
            throw new DeviceDisconnectedException(settings.where() + " is gone while sending '" + line + "': "
                    + e.getMessage(), e);
        }
    }

    private ZaberReply awaitReply(ZaberCommand command, String line) {
        Duration timeout = settings.serial().replyTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remaining = Math.max(0, deadline - System.nanoTime());
            Optional<String> received = link.readLine(Duration.ofNanos(remaining));
            if (received.isEmpty()) {
                throw silence(line, timeout);
            }
            Optional<ZaberReply> reply = interpret(received.get(), command, line);
            if (reply.isPresent()) {
                return reply.get();
            }
        }
    }

    /** The reply to {@code command}, or empty for a line to skip (alert, info, reply to an earlier command). */
    private Optional<ZaberReply> interpret(String received, ZaberCommand command, String line) {
        ZaberResponse response;
        try {
            response = ZaberResponse.parse(received);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(settings.where() + " sent a garbled reply to '" + line + "': '"
                    + Ascii.escape(received) + "' (" + e.getMessage() + ")", e);
        }
        if (!(response instanceof ZaberReply)) {
            LOG.debug("{}: skipped '{}' while waiting for the reply to '{}'", settings.where(), received, line);
            return Optional.empty();
        }
        ZaberReply reply = (ZaberReply) response;
        if (command.messageId().isPresent() && !command.messageId().equals(reply.messageId())) {
            LOG.debug("{}: skipped stale reply '{}' to an earlier command", settings.where(), received);
            return Optional.empty();
        }
        if (reply.device() != command.device() || reply.axis() != command.axis()) {
            throw new ProtocolException(settings.where() + " got a reply from device " + reply.device() + " axis "
                    + reply.axis() + " to '" + line + "': '" + received + "'");
        }
        return Optional.of(reply);
    }

    private DeviceException silence(String line, Duration timeout) {
        String partial = link.discardInput();
        if (!partial.isEmpty()) {
            return new ProtocolException(settings.where() + " sent a partial reply '" + Ascii.escape(partial)
                    + "' to '" + line + "' and then nothing for " + timeout.toMillis() + " ms");
        }
        return new DeviceTimeoutException(settings.where() + " did not reply to '" + line + "' within "
                + timeout.toMillis() + " ms");
    }

    private ZaberReply check(ZaberReply reply, String line) {
        if (!reply.accepted()) {
            throw new CommandRejectedException(settings.where(), line, reply.data(), reply.format(false));
        }
        return reply;
    }
}
