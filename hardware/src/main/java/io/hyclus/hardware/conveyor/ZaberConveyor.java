package io.hyclus.hardware.conveyor;

import io.hyclus.hardware.DeviceDisconnectedException;
import io.hyclus.hardware.DeviceException;
import io.hyclus.hardware.DeviceTimeoutException;
import io.hyclus.hardware.ProtocolException;
import io.hyclus.hardware.conveyor.ZaberChannel.Resend;
import io.hyclus.hardware.serial.JSerialCommLink;
import io.hyclus.hardware.serial.SerialLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link Conveyor} driven over the Zaber ASCII protocol ({@code home}, {@code move abs|rel|vel}, {@code stop},
 * {@code get pos}, {@code set maxspeed}, {@code set accel}, {@code warnings clear} and the empty status poll).
 *
 * <p>Failure policy:
 * <ul>
 *   <li>Queries, settings and {@code stop} are idempotent and are resent after a timeout or a garbled reply, up
 *       to {@link io.hyclus.hardware.serial.SerialSettings#retries()} times. Moves are never resent: a lost reply
 *       does not tell whether the move started, and a repeated {@code move rel} would move twice.</li>
 *   <li>A reply carrying a fault ({@code F*}) or warning ({@code W*}) flag fails with
 *       {@link DeviceWarningException}; notices ({@code N*}, e.g. a move interrupted by another) are logged.</li>
 *   <li>After any failure except a lost line, the driver sends one {@code stop} (without retries) before
 *       throwing, so that a fault during a scan leaves the belt stopped as far as the controller can be
 *       reached.</li>
 * </ul>
 */
public final class ZaberConveyor implements Conveyor {
    private static final Logger LOG = LoggerFactory.getLogger(ZaberConveyor.class);

    private final SerialLink link;
    private final ZaberSettings settings;
    private final ZaberChannel channel;

    public ZaberConveyor(SerialLink link, ZaberSettings settings) {
        this.link = link;
        this.settings = settings;
        this.channel = new ZaberChannel(link, settings);
    }

    /** Opens the configured port with jSerialComm. */
    public static ZaberConveyor open(ZaberSettings settings) {
        ZaberConveyor conveyor = new ZaberConveyor(JSerialCommLink.open(settings.serial()), settings);
        LOG.info("conveyor {} opened", settings.where());
        return conveyor;
    }

    @Override
    public void home() {
        motion("home");
    }

    @Override
    public void moveAbsoluteMm(double positionMm) {
        requireFinite("target position", positionMm);
        motion("move abs " + settings.units().microstepsFromMm(positionMm));
    }

    @Override
    public void moveRelativeMm(double distanceMm) {
        requireFinite("move distance", distanceMm);
        motion("move rel " + settings.units().microstepsFromMm(distanceMm));
    }

    @Override
    public void moveAtVelocity(double mmPerSecond) {
        requireFinite("velocity", mmPerSecond);
        motion("move vel " + settings.units().velocityDataFromMmPerSecond(mmPerSecond));
    }

    @Override
    public void stop() {
        ZaberReply reply = channel.send("stop", Resend.IDEMPOTENT);
        // Stopping a move interrupts it (NI): that is what stop is for, not a fault worth a warning.
        reply.flag().ifPresent(flag -> {
            if (flag == WarningFlag.COMMAND_INTERRUPTED) {
                LOG.debug("{}: stopped, interrupting the move under way", settings.where());
            } else {
                LOG.warn("{}: stopped with flag {}", settings.where(), flag);
            }
        });
    }

    @Override
    public long positionMicrons() {
        ZaberReply reply = failSafe(() -> checked(channel.send("get pos", Resend.IDEMPOTENT), "get pos"));
        return settings.units().micronsFromMicrosteps(parseLong(reply, "get pos"));
    }

    @Override
    public void setMaxSpeed(double mmPerSecond) {
        long data = positiveData("max speed", mmPerSecond, settings.units().velocityDataFromMmPerSecond(mmPerSecond));
        failSafe(() -> checked(channel.send("set maxspeed " + data, Resend.IDEMPOTENT), "set maxspeed"));
    }

    @Override
    public void setAcceleration(double mmPerSecondSquared) {
        long data = positiveData("acceleration", mmPerSecondSquared,
                settings.units().accelerationDataFromMmPerSecondSquared(mmPerSecondSquared));
        failSafe(() -> checked(channel.send("set accel " + data, Resend.IDEMPOTENT), "set accel"));
    }

    @Override
    public boolean isBusy() {
        return failSafe(() -> checked(channel.send("", Resend.IDEMPOTENT), "status")).busy();
    }

    @Override
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isBusy()) {
            if (System.nanoTime() - deadline >= 0) {
                DeviceTimeoutException e = new DeviceTimeoutException(settings.where() + " still BUSY after "
                        + timeout.toMillis() + " ms of polling; told it to stop");
                stopQuietly(e);
                throw e;
            }
            sleep(settings.pollInterval());
        }
    }

    @Override
    public Set<WarningFlag> clearWarnings() {
        ZaberReply reply = channel.send("warnings clear", Resend.IDEMPOTENT);
        Set<WarningFlag> cleared = EnumSet.noneOf(WarningFlag.class);
        String[] words = reply.data().split(" ");
        try {
            for (int i = 1; i < words.length; i++) {
                cleared.add(WarningFlag.ofCode(words[i]));
            }
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(settings.where() + " answered 'warnings clear' with '" + reply.format(false)
                    + "', expected a count and flag codes", e);
        }
        LOG.info("{}: cleared warnings {}", settings.where(), cleared);
        return cleared;
    }

    @Override
    public void close() {
        link.close();
    }

    private void motion(String command) {
        failSafe(() -> checked(channel.send(command, Resend.NEVER), command));
    }

    /** Throws for fault and warning flags; logs notices. */
    private ZaberReply checked(ZaberReply reply, String command) {
        if (reply.flag().isEmpty()) {
            return reply;
        }
        WarningFlag flag = reply.flag().get();
        if (flag.severity() == WarningFlag.Severity.NOTICE) {
            LOG.debug("{}: notice {} after '{}'", settings.where(), flag, command);
            return reply;
        }
        throw new DeviceWarningException(settings.where() + " reports " + flag + " after '" + command
                + "': reply '" + reply.format(false) + "'", flag);
    }

    /** Runs {@code call}; on failure tries once to stop the belt, then rethrows. */
    private <T> T failSafe(Supplier<T> call) {
        try {
            return call.get();
        } catch (DeviceDisconnectedException e) {
            throw e;
        } catch (DeviceException e) {
            stopQuietly(e);
            throw e;
        }
    }

    private void stopQuietly(DeviceException cause) {
        try {
            channel.send("stop", Resend.NEVER);
            LOG.warn("{}: stopped the belt after: {}", settings.where(), cause.getMessage());
        } catch (DeviceException e) {
            cause.addSuppressed(e);
            LOG.error("{}: could not stop the belt after a failure: {}", settings.where(), e.getMessage());
        }
    }

    private long parseLong(ZaberReply reply, String command) {
        try {
            return Long.parseLong(reply.data());
        } catch (NumberFormatException e) {
            throw new ProtocolException(settings.where() + " answered '" + command + "' with '"
                    + reply.format(false) + "', expected an integer", e);
        }
    }

    private long positiveData(String what, double value, long data) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(settings.where() + ": " + what + " must be positive and finite: "
                    + value);
        }
        if (data < 1) {
            throw new IllegalArgumentException(settings.where() + ": " + what + " " + value
                    + " is below the device's resolution (rounds to data 0)");
        }
        return data;
    }

    private void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(settings.where() + ": " + what + " must be finite: " + value);
        }
    }

    private void sleep(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceTimeoutException(settings.where() + ": interrupted while waiting for the axis", e);
        }
    }
}
