package io.hyclus.simulator.conveyor;

import io.hyclus.core.Checks;
import io.hyclus.hardware.CommandRejectedException;
import io.hyclus.hardware.DeviceTimeoutException;
import io.hyclus.hardware.conveyor.Conveyor;
import io.hyclus.hardware.conveyor.PositionEncoder;
import io.hyclus.hardware.conveyor.DeviceWarningException;
import io.hyclus.hardware.conveyor.WarningFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Set;

/**
 * An in-process belt with trapezoidal motion: position is a function of the injected clock. Moves accelerate
 * and decelerate at the set acceleration up to the set speed; velocity moves run until stopped; a stop
 * decelerates. The travel range is {@code [0, travelMm]}: absolute and relative targets outside it are rejected
 * ({@code BADDATA}); a velocity move that reaches an end halts there and latches {@code WL}. A stall
 * ({@link #injectStall()}) halts the belt at once and latches {@code FS}.
 *
 * <p>Like the Zaber driver, queries fail with {@link DeviceWarningException} while a fault or warning flag is
 * latched; flags stay latched until {@link #clearWarnings()}. A motion command issued while moving latches the
 * notice {@code NI}, which the next motion command clears. Thread-safe.
 */
public final class SimulatedConveyor implements Conveyor {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedConveyor.class);
    private static final long AWAIT_POLL_MILLIS = 5;

    private final SimulatedConveyorSettings settings;
    private final InstantSource clock;
    private final Instant epoch;
    private final EnumSet<WarningFlag> latched = EnumSet.noneOf(WarningFlag.class);
    private double maxSpeed;
    private double acceleration;
    private MotionProfile profile;
    private boolean limitLatched;

    public SimulatedConveyor(SimulatedConveyorSettings settings, InstantSource clock) {
        this.settings = Checks.notNull("simulated conveyor settings", settings);
        this.clock = Checks.notNull("clock", clock);
        this.epoch = clock.instant();
        this.maxSpeed = settings.maxSpeedMmPerSecond();
        this.acceleration = settings.accelerationMmPerSecondSq();
        this.profile = MotionProfile.rest(0, 0);
    }

    @Override
    public synchronized void home() {
        start(MotionProfile.toPosition(now(), position(), velocity(), 0, maxSpeed, acceleration));
    }

    @Override
    public synchronized void moveAbsoluteMm(double positionMm) {
        requireInTravel("move abs " + positionMm, positionMm);
        start(MotionProfile.toPosition(now(), position(), velocity(), positionMm, maxSpeed, acceleration));
    }

    /** Relative to the position now (not to the target of a move in progress). */
    @Override
    public synchronized void moveRelativeMm(double distanceMm) {
        double target = position() + distanceMm;
        requireInTravel("move rel " + distanceMm, target);
        start(MotionProfile.toPosition(now(), position(), velocity(), target, maxSpeed, acceleration));
    }

    /** At most the set max speed in either direction. */
    @Override
    public synchronized void moveAtVelocity(double mmPerSecond) {
        if (!(Math.abs(mmPerSecond) <= maxSpeed)) {
            throw reject("move vel " + mmPerSecond, "velocity " + mmPerSecond + " mm/s beyond max speed "
                    + maxSpeed + " mm/s");
        }
        start(MotionProfile.toVelocity(now(), position(), velocity(), mmPerSecond, acceleration));
    }

    @Override
    public synchronized void stop() {
        start(MotionProfile.toVelocity(now(), position(), velocity(), 0, acceleration));
    }

    /**
     * The belt's encoder: its true position, whatever flags the controller has latched (an encoder keeps counting
     * where the controller refuses commands).
     */
    public PositionEncoder encoder() {
        return () -> {
            synchronized (this) {
                return Math.round(position() * 1000);
            }
        };
    }

    @Override
    public synchronized long positionMicrons() {
        throwIfFlagged("get pos");
        return Math.round(position() * 1000);
    }

    @Override
    public synchronized void setMaxSpeed(double mmPerSecond) {
        if (!(mmPerSecond > 0) || !Double.isFinite(mmPerSecond)) {
            throw reject("set maxspeed " + mmPerSecond, "max speed must be positive and finite");
        }
        maxSpeed = mmPerSecond;
    }

    /** Applies to motions started afterwards. */
    @Override
    public synchronized void setAcceleration(double mmPerSecondSquared) {
        if (!(mmPerSecondSquared > 0) || !Double.isFinite(mmPerSecondSquared)) {
            throw reject("set accel " + mmPerSecondSquared, "acceleration must be positive and finite");
        }
        acceleration = mmPerSecondSquared;
    }

    @Override
    public synchronized boolean isBusy() {
        throwIfFlagged("status");
        return profile.movingAt(now());
    }

    /** Polls in real time; with a clock that does not advance it times out after {@code timeout}. */
    @Override
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isBusy()) {
            if (System.nanoTime() - deadline >= 0) {
                stop();
                throw new DeviceTimeoutException(settings.name() + " still moving after " + timeout.toMillis()
                        + " ms; told it to stop");
            }
            try {
                Thread.sleep(AWAIT_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceTimeoutException(settings.name() + ": interrupted while waiting for idle", e);
            }
        }
    }

    @Override
    public synchronized Set<WarningFlag> clearWarnings() {
        refresh();
        Set<WarningFlag> cleared = EnumSet.copyOf(latched);
        latched.clear();
        return cleared;
    }

    /** The belt stalls now: it halts where it is and latches {@code FS}. */
    public synchronized void injectStall() {
        double x = position();
        profile = MotionProfile.rest(now(), x);
        latched.add(WarningFlag.STALLED_AND_STOPPED);
        LOG.info("{}: stalled at {} mm", settings.name(), x);
    }

    /** Position, velocity, motion and flags now, without failing on flags. */
    public synchronized MotionSnapshot snapshot() {
        refresh();
        double t = now();
        return new MotionSnapshot(profile.positionAt(t), profile.velocityAt(t), profile.movingAt(t), latched);
    }

    public synchronized double maxSpeedMmPerSecond() {
        return maxSpeed;
    }

    public synchronized double accelerationMmPerSecondSquared() {
        return acceleration;
    }

    public String name() {
        return settings.name();
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }

    private void start(MotionProfile next) {
        refresh();
        boolean interrupting = profile.movingAt(now());
        latched.remove(WarningFlag.COMMAND_INTERRUPTED);
        if (interrupting) {
            latched.add(WarningFlag.COMMAND_INTERRUPTED);
        }
        profile = next.limitedTo(0, settings.travelMm());
        limitLatched = false;
    }

    private void refresh() {
        if (!limitLatched && profile.limitHitBy(now())) {
            limitLatched = true;
            latched.add(WarningFlag.UNEXPECTED_LIMIT_TRIGGER);
            LOG.info("{}: hit a travel limit at {} mm", settings.name(), profile.positionAt(now()));
        }
    }

    private void throwIfFlagged(String command) {
        MotionSnapshot state = snapshot();
        state.mostSevereFlag().filter(flag -> flag.severity() != WarningFlag.Severity.NOTICE).ifPresent(flag -> {
            throw new DeviceWarningException(settings.name() + " reports " + flag + " on '" + command + "' at "
                    + state.positionMm() + " mm", flag);
        });
    }

    private void requireInTravel(String command, double targetMm) {
        if (!(targetMm >= 0 && targetMm <= settings.travelMm())) {
            throw reject(command, "target " + targetMm + " mm outside travel 0-" + settings.travelMm() + " mm");
        }
    }

    private CommandRejectedException reject(String command, String why) {
        return new CommandRejectedException(settings.name() + " (simulated)", command, "BADDATA", why);
    }

    private double position() {
        return profile.positionAt(now());
    }

    private double velocity() {
        return profile.velocityAt(now());
    }

    private double now() {
        return Duration.between(epoch, clock.instant()).toNanos() / 1e9;
    }
}
