package io.hyclus.app.devices;

import io.hyclus.core.HyclusException;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.control.SerialCameraControl;
import io.hyclus.hardware.conveyor.ZaberConveyor;
import io.hyclus.hardware.conveyor.ZaberSettings;
import io.hyclus.hardware.serial.SerialSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code hyclus devices}: serial ports, then each configured device's answer (or why it did not answer). */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Lists serial ports, then queries each configured device: the conveyor's position and state, "
                + "each camera's identity, settings and sensor temperature. Exit code 1 if a configured device fails.")
public final class DevicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--conveyor", description = "Serial port of the Zaber conveyor.")
    String conveyor;

    @Option(names = "--vnir", description = "Serial port of the VNIR camera's control link.")
    String vnir;

    @Option(names = "--swir", description = "Serial port of the SWIR camera's control link.")
    String swir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Serial ports:");
        SerialPorts.list().forEach(p -> out.println("  " + p));
        boolean ok = true;
        if (conveyor != null) {
            ok &= query(out, "conveyor", conveyor, () -> describeConveyor(conveyor));
        }
        if (vnir != null) {
            ok &= query(out, "vnir", vnir, () -> describeCamera(vnir, SensorKind.VNIR));
        }
        if (swir != null) {
            ok &= query(out, "swir", swir, () -> describeCamera(swir, SensorKind.SWIR));
        }
        if (conveyor == null && vnir == null && swir == null) {
            out.println("No device configured: pass --conveyor, --vnir and/or --swir with their ports.");
        }
        out.flush();
        return ok ? 0 : 1;
    }

    private static boolean query(PrintWriter out, String name, String port, java.util.function.Supplier<String> probe) {
        try {
            out.printf("%-8s %s: %s%n", name, port, probe.get());
            return true;
        } catch (HyclusException | IllegalArgumentException | IllegalStateException e) {
            out.printf("%-8s %s: FAILED: %s%n", name, port, e.getMessage());
            return false;
        }
    }

    static String describeConveyor(String port) {
        try (ZaberConveyor c = ZaberConveyor.open(ZaberSettings.defaults("conveyor", SerialSettings.of(port)))) {
            long um = c.positionMicrons();
            return String.format("Zaber conveyor at %.3f mm, %s", um / 1000.0, c.isBusy() ? "moving" : "idle");
        }
    }

    static String describeCamera(String port, SensorKind kind) {
        try (SerialCameraControl c = SerialCameraControl.open(SerialSettings.of(port), kind.name().toLowerCase(java.util.Locale.ROOT), kind)) {
            return String.format("%s; %s; sensor %.2f C", c.identity(), c.settings(), c.temperatureCelsius());
        }
    }
}
