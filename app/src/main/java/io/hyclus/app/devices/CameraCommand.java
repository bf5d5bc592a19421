package io.hyclus.app.devices;

import io.hyclus.app.OptionChecks;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.control.SerialCameraControl;
import io.hyclus.hardware.serial.SerialSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code hyclus camera}: reads a camera's parameters, or sets some and reads them back. */
@Command(name = "camera", mixinStandardHelpOptions = true,
        description = "Queries a camera over its control link; with any setting option, sets it first (range-checked) "
                + "and prints the settings read back.")
public final class CameraCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, description = "Serial port of the camera's control link.")
    String port;

    @Option(names = "--kind", required = true, description = "VNIR or SWIR (the camera must say it is that kind).")
    SensorKind kind;

    @Option(names = "--integration-us", description = "Exposure per line, 1-100000 us.")
    Integer integrationMicros;

    @Option(names = "--frame-rate", description = "Line rate, 1-1000 Hz.")
    Double frameRateHz;

    @Option(names = "--spectral-binning", description = "1, 2 or 4.")
    Integer spectralBinning;

    @Option(names = "--spatial-binning", description = "1, 2 or 4.")
    Integer spatialBinning;

    @Option(names = "--roi", split = ",", paramLabel = "FIRST,COUNT", description = "Pixels read out: first pixel and count.")
    int[] roi;

    @Option(names = "--shutter", description = "open or closed.")
    String shutter;

    @Override
    public Integer call() {
        checkOptions();
        try (SerialCameraControl c = SerialCameraControl.open(SerialSettings.of(port), kind.name().toLowerCase(Locale.ROOT), kind)) {
            CameraSettings now = c.settings();
            CameraSettings target = new CameraSettings(
                    integrationMicros != null ? integrationMicros : now.integrationMicros(),
                    frameRateHz != null ? frameRateHz : now.frameRateHz(),
                    spectralBinning != null ? spectralBinning : now.spectralBinning(),
                    spatialBinning != null ? spatialBinning : now.spatialBinning(),
                    roi != null ? roiPart(0) : now.roiFirstPixel(), roi != null ? roiPart(1) : now.roiPixels(),
                    shutter != null ? shutterOpen() : now.shutterOpen(), now.acquiring());
            CameraSettings result = target.equals(now) ? now : c.apply(target);
            var out = spec.commandLine().getOut();
            out.println(c.identity());
            out.println(result);
            out.printf("sensor temperature %.2f C%n", c.temperatureCelsius());
            out.flush();
        }
        return 0;
    }

    /** Option checks that need no camera, before the port is opened; the camera's own limits are checked by it. */
    private void checkOptions() {
        if (roi != null && roi.length != 2) {
            throw OptionChecks.invalid(spec, "--roi takes FIRST,COUNT: got " + roi.length + " numbers");
        }
        if (shutter != null) {
            shutterOpen();
        }
        if (frameRateHz != null) {
            OptionChecks.positive(spec, "--frame-rate", frameRateHz);
        }
    }

    private int roiPart(int i) {
        return roi[i];
    }

    private boolean shutterOpen() {
        return switch (shutter.toLowerCase(Locale.ROOT)) {
            case "open" -> true;
            case "closed", "close" -> false;
            default -> throw OptionChecks.invalid(spec, "--shutter must be open or closed: '" + shutter + "'");
        };
    }
}
