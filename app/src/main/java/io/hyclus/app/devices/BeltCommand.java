package io.hyclus.app.devices;

import io.hyclus.app.OptionChecks;
import io.hyclus.hardware.conveyor.ZaberConveyor;
import io.hyclus.hardware.conveyor.ZaberSettings;
import io.hyclus.hardware.serial.SerialSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code hyclus belt}: moves the conveyor and reports where it ended. */
@Command(name = "belt", mixinStandardHelpOptions = true, description = "Moves the conveyor (Zaber ASCII over serial).",
        subcommands = {BeltCommand.Home.class, BeltCommand.MoveTo.class, BeltCommand.MoveBy.class, BeltCommand.Velocity.class,
            BeltCommand.Stop.class, BeltCommand.Position.class})
public final class BeltCommand {
    @Option(names = "--port", required = true, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Serial port of the conveyor.")
    String port;

    @Option(names = "--wait-seconds", defaultValue = "60", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Longest wait for a move to finish (default: ${DEFAULT-VALUE}).")
    long waitSeconds;

    int run(CommandSpec spec, Consumer<ZaberConveyor> action, boolean wait) {
        OptionChecks.positive(spec, "--wait-seconds", waitSeconds);
        try (ZaberConveyor c = ZaberConveyor.open(ZaberSettings.defaults("conveyor", SerialSettings.of(port)))) {
            action.accept(c);
            if (wait) {
                c.awaitIdle(Duration.ofSeconds(waitSeconds));
            }
            spec.commandLine().getOut().printf("conveyor at %.3f mm, %s%n", c.positionMicrons() / 1000.0,
                    c.isBusy() ? "moving" : "idle");
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private static void finite(CommandSpec spec, String parameter, double value) {
        if (!Double.isFinite(value)) {
            throw OptionChecks.invalid(spec, parameter + " must be finite: " + value);
        }
    }

    abstract static class Sub implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        BeltCommand belt;
        @Spec
        CommandSpec spec;
    }

    @Command(name = "home", description = "Homes the belt and waits until it is there.")
    static final class Home extends Sub {
        @Override
        public Integer call() {
            return belt.run(spec, ZaberConveyor::home, true);
        }
    }

    @Command(name = "move-to", description = "Moves to an absolute position and waits.")
    static final class MoveTo extends Sub {
        @Parameters(paramLabel = "MM", description = "Target position, mm from home.")
        double mm;

        @Override
        public Integer call() {
            finite(spec, "MM", mm);
            return belt.run(spec, c -> c.moveAbsoluteMm(mm), true);
        }
    }

    @Command(name = "move-by", description = "Moves by a distance and waits.")
    static final class MoveBy extends Sub {
        @Parameters(paramLabel = "MM", description = "Distance, mm (negative: backwards).")
        double mm;

        @Override
        public Integer call() {
            finite(spec, "MM", mm);
            return belt.run(spec, c -> c.moveRelativeMm(mm), true);
        }
    }

    @Command(name = "velocity", description = "Runs the belt at a speed until stopped.")
    static final class Velocity extends Sub {
        @Parameters(paramLabel = "MM_PER_S", description = "Speed, mm/s (negative: backwards).")
        double mmPerSecond;

        @Override
        public Integer call() {
            finite(spec, "MM_PER_S", mmPerSecond);
            return belt.run(spec, c -> c.moveAtVelocity(mmPerSecond), false);
        }
    }

    @Command(name = "stop", description = "Stops the belt and waits until it is still.")
    static final class Stop extends Sub {
        @Override
        public Integer call() {
            return belt.run(spec, ZaberConveyor::stop, true);
        }
    }

    @Command(name = "position", description = "Reports the belt's position.")
    static final class Position extends Sub {
        @Override
        public Integer call() {
            return belt.run(spec, c -> { }, false);
        }
    }
}
