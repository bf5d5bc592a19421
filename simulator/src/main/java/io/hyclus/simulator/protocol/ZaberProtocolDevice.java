package io.hyclus.simulator.protocol;

import io.hyclus.simulator.conveyor.MotionSnapshot;
import io.hyclus.simulator.conveyor.SimulatedConveyor;

import io.hyclus.hardware.CommandRejectedException;
import io.hyclus.hardware.conveyor.WarningFlag;
import io.hyclus.hardware.conveyor.ZaberCommand;
import io.hyclus.hardware.conveyor.ZaberReply;
import io.hyclus.hardware.conveyor.ZaberUnits;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/** The Zaber ASCII command interpreter of {@link ZaberDeviceSimulator}. */
final class ZaberProtocolDevice implements LineDevice {
    private final SimulatedConveyor conveyor;
    private final ZaberSimulatorSettings settings;
    private final ZaberUnits units;

    ZaberProtocolDevice(SimulatedConveyor conveyor, ZaberSimulatorSettings settings) {
        this.conveyor = conveyor;
        this.settings = settings;
        this.units = settings.units();
    }

    /** Outcome of a command before status and flag are added. */
    private record Outcome(boolean accepted, String data) {
        static Outcome ok(String data) {
            return new Outcome(true, data);
        }

        static Outcome rejected(String reason) {
            return new Outcome(false, reason);
        }
    }

    @Override
    public String name() {
        return conveyor.name();
    }

    @Override
    public String commandKey(String line) {
        try {
            return ZaberCommand.parse(line).text();
        } catch (IllegalArgumentException e) {
            return line;
        }
    }

    @Override
    public List<String> execute(String line, boolean stall) {
        ZaberCommand command;
        try {
            command = ZaberCommand.parse(line);
        } catch (IllegalArgumentException e) {
            return List.of(reply(0, OptionalInt.empty(), Outcome.rejected("BADCOMMAND")));
        }
        if (command.device() != 0 && command.device() != settings.address()) {
            return List.of();
        }
        Outcome outcome = command.axis() > 1 ? Outcome.rejected("BADAXIS") : run(command.text());
        if (stall) {
            conveyor.injectStall();
        }
        return List.of(reply(command.axis(), command.messageId(), outcome));
    }

    @Override
    public String rejection(String line, String reason) {
        try {
            ZaberCommand command = ZaberCommand.parse(line);
            return reply(command.axis(), command.messageId(), Outcome.rejected(reason));
        } catch (IllegalArgumentException e) {
            return reply(0, OptionalInt.empty(), Outcome.rejected(reason));
        }
    }

    @Override
    public void disconnected() {
        conveyor.stop();
    }

    private String reply(int axis, OptionalInt id, Outcome outcome) {
        MotionSnapshot state = conveyor.snapshot();
        String warning = state.mostSevereFlag().map(WarningFlag::code).orElse(WarningFlag.NONE);
        return new ZaberReply(settings.address(), axis, id, outcome.accepted(), state.moving(), warning,
                outcome.data()).format(settings.replyChecksums());
    }

    private Outcome run(String text) {
        String[] words = text.isEmpty() ? new String[0] : text.split(" ");
        try {
            return dispatch(words);
        } catch (NumberFormatException e) {
            return Outcome.rejected("BADDATA");
        } catch (CommandRejectedException e) {
            return Outcome.rejected(e.reason());
        }
    }

    private Outcome dispatch(String[] w) {
        String verb = w.length == 0 ? "" : w[0];
        switch (verb) {
            case "": return Outcome.ok("0");
            case "home": return w.length == 1 ? motion(conveyor::home) : Outcome.rejected("BADDATA");
            case "stop": return w.length == 1 ? motion(conveyor::stop) : Outcome.rejected("BADDATA");
            case "move": return w.length == 3 ? move(w[1], Long.parseLong(w[2])) : Outcome.rejected("BADDATA");
            case "get": return w.length == 2 ? get(w[1]) : Outcome.rejected("BADDATA");
            case "set": return w.length == 3 ? set(w[1], Long.parseLong(w[2])) : Outcome.rejected("BADDATA");
            case "warnings": return warnings(w);
            default: return Outcome.rejected("BADCOMMAND");
        }
    }

    private Outcome move(String how, long data) {
        switch (how) {
            case "abs": return motion(() -> conveyor.moveAbsoluteMm(units.mmFromMicrosteps(data)));
            case "rel": return motion(() -> conveyor.moveRelativeMm(units.mmFromMicrosteps(data)));
            case "vel": return velocity(data);
            default: return Outcome.rejected("BADCOMMAND");
        }
    }

    /** Speeds are compared in device units so that rounding cannot push a move at max speed over it. */
    private Outcome velocity(long data) {
        long limit = units.velocityDataFromMmPerSecond(conveyor.maxSpeedMmPerSecond());
        if (Math.abs(data) > limit) {
            return Outcome.rejected("BADDATA");
        }
        double speed = Math.min(units.mmPerSecondFromVelocityData(Math.abs(data)), conveyor.maxSpeedMmPerSecond());
        return motion(() -> conveyor.moveAtVelocity(Math.signum(data) * speed));
    }

    private Outcome get(String setting) {
        switch (setting) {
            case "pos": return Outcome.ok(Long.toString(
                    units.microstepsFromMm(conveyor.snapshot().positionMm())));
            case "maxspeed": return Outcome.ok(Long.toString(
                    units.velocityDataFromMmPerSecond(conveyor.maxSpeedMmPerSecond())));
            case "accel": return Outcome.ok(Long.toString(
                    units.accelerationDataFromMmPerSecondSquared(conveyor.accelerationMmPerSecondSquared())));
            default: return Outcome.rejected("BADCOMMAND");
        }
    }

    private Outcome set(String setting, long data) {
        if (data <= 0) {
            return Outcome.rejected("BADDATA");
        }
        switch (setting) {
            case "maxspeed":
                conveyor.setMaxSpeed(units.mmPerSecondFromVelocityData(data));
                return Outcome.ok("0");
            case "accel":
                conveyor.setAcceleration(units.mmPerSecondSquaredFromAccelerationData(data));
                return Outcome.ok("0");
            default:
                return Outcome.rejected("BADCOMMAND");
        }
    }

    private Outcome warnings(String[] w) {
        if (w.length > 2 || w.length == 2 && !w[1].equals("clear")) {
            return Outcome.rejected("BADDATA");
        }
        Set<WarningFlag> flags = w.length == 2 ? conveyor.clearWarnings() : conveyor.snapshot().flags();
        String codes = flags.stream().map(WarningFlag::code).sorted().collect(Collectors.joining(" "));
        return Outcome.ok(String.format("%02d", flags.size()) + (codes.isEmpty() ? "" : " " + codes));
    }

    private Outcome motion(Runnable command) {
        command.run();
        return Outcome.ok("0");
    }
}
