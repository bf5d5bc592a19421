package io.hyclus.simulator.protocol;


import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.control.CameraCommand;
import io.hyclus.hardware.camera.control.CameraError;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.hardware.camera.control.CameraLimits;
import io.hyclus.hardware.camera.control.CameraReply;
import io.hyclus.hardware.camera.control.CameraStatus;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The camera command interpreter of {@link CameraControlSimulator}; holds the control state. */
final class CameraProtocolDevice implements LineDevice {
    private final CameraIdentity identity;
    private final SensorTemperature temperature;
    private volatile CameraSettings state;

    /** A refusal on its way to an {@code ER} reply. */
    private static final class Refusal extends RuntimeException {
        final CameraError error;

        Refusal(CameraError error, String detail) {
            super(detail, null, false, false);
            this.error = error;
        }
    }

    CameraProtocolDevice(CameraIdentity identity, SensorTemperature temperature) {
        this.identity = identity;
        this.temperature = temperature;
        this.state = CameraSettings.defaults(identity.sensorPixels());
    }

    CameraSettings state() {
        return state;
    }

    @Override
    public String name() {
        return identity.kind().name().toLowerCase(Locale.ROOT) + "-" + identity.serialNumber();
    }

    @Override
    public String commandKey(String line) {
        return line.strip();
    }

    @Override
    public List<String> execute(String line, boolean stall) {
        try {
            CameraCommand command = parse(line);
            List<String> values = command.query() ? query(command.mnemonic()) : set(command);
            return List.of(new CameraReply.Ok(command.mnemonic(), values).format());
        } catch (Refusal r) {
            return List.of(new CameraReply.Error(r.error, r.getMessage()).format());
        }
    }

    @Override
    public String rejection(String line, String reason) {
        CameraError error;
        try {
            error = CameraError.valueOf(reason);
        } catch (IllegalArgumentException e) {
            error = CameraError.HARDWARE;
        }
        return new CameraReply.Error(error, "injected fault on " + line.strip()).format();
    }

    /** The camera keeps its state when the line drops; acquisition stops (no host to send frames to). */
    @Override
    public void disconnected() {
        state = state.withAcquiring(false);
        temperature.acquiring(false);
    }

    private static CameraCommand parse(String line) {
        try {
            return CameraCommand.parse(line);
        } catch (IllegalArgumentException e) {
            throw new Refusal(CameraError.BAD_ARGUMENT, "cannot parse: " + e.getMessage());
        }
    }

    private List<String> query(String mnemonic) {
        CameraSettings s = state;
        switch (mnemonic) {
            case "IDN": return List.of(identity.kind().name(), identity.model(), identity.serialNumber(),
                    identity.firmware(), Integer.toString(identity.sensorPixels()),
                    Integer.toString(identity.sensorBands()));
            case "STAT": return CameraStatus.format(s);
            case "TEMP": return List.of(String.format(Locale.ROOT, "%.2f", temperature.readCelsius()));
            case "INT": return List.of(Integer.toString(s.integrationMicros()));
            case "FPS": return List.of(CameraCommand.formatHz(s.frameRateHz()));
            case "BINS": return List.of(Integer.toString(s.spectralBinning()));
            case "BINX": return List.of(Integer.toString(s.spatialBinning()));
            case "ROI": return List.of(Integer.toString(s.roiFirstPixel()), Integer.toString(s.roiPixels()));
            case "SHUT": return List.of(s.shutterOpen() ? "OPEN" : "CLOSED");
            case "ACQ": return List.of(s.acquiring() ? "RUNNING" : "STOPPED");
            default: throw new Refusal(CameraError.UNKNOWN_COMMAND, "no command " + mnemonic);
        }
    }

    private List<String> set(CameraCommand command) {
        List<String> a = command.args();
        CameraSettings s = state;
        switch (command.mnemonic()) {
            case "INT": return setIntegration(s, integer(a, 0, 1));
            case "FPS": return setFrameRate(s, a);
            case "BINS": return setSpectralBinning(s, integer(a, 0, 1));
            case "BINX": return setSpatialBinning(s, integer(a, 0, 1));
            case "ROI": return setRoi(s, integer(a, 0, 2), integer(a, 1, 2));
            case "SHUT": return setShutter(s, keyword(a, "OPEN", "CLOSED"));
            case "ACQ": return setAcquisition(s, keyword(a, "START", "STOP"));
            case "IDN": case "STAT": case "TEMP":
                throw new Refusal(CameraError.BAD_ARGUMENT, command.mnemonic() + " is read-only; send "
                        + command.mnemonic() + "?");
            default: throw new Refusal(CameraError.UNKNOWN_COMMAND, "no command " + command.mnemonic());
        }
    }

    private List<String> setIntegration(CameraSettings s, int micros) {
        check(CameraError.OUT_OF_RANGE, CameraLimits.integrationMicros(micros));
        check(CameraError.CONFLICT, CameraLimits.fitsFrame(micros, s.frameRateHz()));
        state = s.withIntegrationMicros(micros);
        return query("INT");
    }

    private List<String> setFrameRate(CameraSettings s, List<String> a) {
        if (a.size() != 1 || !a.get(0).matches("\\d{1,4}(\\.\\d{1,3})?")) {
            throw new Refusal(CameraError.BAD_ARGUMENT, "FPS takes one decimal number with up to 3 decimals: " + a);
        }
        double hz = Double.parseDouble(a.get(0));
        check(CameraError.OUT_OF_RANGE, CameraLimits.frameRateHz(hz));
        check(CameraError.CONFLICT, CameraLimits.fitsFrame(s.integrationMicros(), hz));
        state = s.withFrameRateHz(hz);
        return query("FPS");
    }

    private List<String> setSpectralBinning(CameraSettings s, int factor) {
        check(CameraError.OUT_OF_RANGE, CameraLimits.binning("spectral", factor));
        requireIdle(s, "BINS");
        state = s.withSpectralBinning(factor);
        return query("BINS");
    }

    private List<String> setSpatialBinning(CameraSettings s, int factor) {
        check(CameraError.OUT_OF_RANGE, CameraLimits.binning("spatial", factor));
        requireIdle(s, "BINX");
        check(CameraError.CONFLICT, CameraLimits.roiMatchesBinning(s.roiPixels(), factor));
        state = s.withSpatialBinning(factor);
        return query("BINX");
    }

    private List<String> setRoi(CameraSettings s, int first, int pixels) {
        check(CameraError.OUT_OF_RANGE, CameraLimits.regionOfInterest(first, pixels, identity.sensorPixels()));
        requireIdle(s, "ROI");
        check(CameraError.CONFLICT, CameraLimits.roiMatchesBinning(pixels, s.spatialBinning()));
        state = s.withRegionOfInterest(first, pixels);
        return query("ROI");
    }

    private List<String> setShutter(CameraSettings s, boolean open) {
        state = s.withShutterOpen(open);
        return query("SHUT");
    }

    private List<String> setAcquisition(CameraSettings s, boolean start) {
        if (s.acquiring() != start) {
            state = s.withAcquiring(start);
            temperature.acquiring(start);
        }
        return query("ACQ");
    }

    private static void requireIdle(CameraSettings s, String mnemonic) {
        if (s.acquiring()) {
            throw new Refusal(CameraError.BUSY, mnemonic + " cannot change while acquiring; send ACQ STOP first");
        }
    }

    private static void check(CameraError error, Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new Refusal(error, p);
        });
    }

    private static int integer(List<String> args, int index, int count) {
        if (args.size() != count || !args.get(index).matches("\\d{1,9}")) {
            throw new Refusal(CameraError.BAD_ARGUMENT, "expected " + count + " unsigned integer(s): " + args);
        }
        return Integer.parseInt(args.get(index));
    }

    private static boolean keyword(List<String> args, String yes, String no) {
        if (args.size() != 1 || !(args.get(0).equals(yes) || args.get(0).equals(no))) {
            throw new Refusal(CameraError.BAD_ARGUMENT, "expected " + yes + " or " + no + ": " + args);
        }
        return args.get(0).equals(yes);
    }
}
