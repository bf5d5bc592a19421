package io.hyclus.hardware.camera.control;

import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.DeviceException;
import io.hyclus.hardware.ProtocolException;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.serial.JSerialCommLink;
import io.hyclus.hardware.serial.SerialLink;
import io.hyclus.hardware.serial.SerialSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * {@link CameraControl} over the camera's serial link (docs/camera-protocol.md). On construction it asks for
 * the identity and refuses a camera of the wrong kind, so swapped cables fail at once. Values are range-checked
 * here before sending and again by the camera; a setter also checks that the camera echoes the value sent.
 */
public final class SerialCameraControl implements CameraControl {
    private static final Logger LOG = LoggerFactory.getLogger(SerialCameraControl.class);

    private final SerialLink link;
    private final CameraChannel channel;
    private final CameraIdentity identity;

    /**
     * @param name     the camera's configured id, for messages
     * @param expected the kind that must answer on this port
     * @throws DeviceException if the camera does not answer {@code IDN?} properly or is of another kind
     */
    public SerialCameraControl(SerialLink link, SerialSettings serial, String name, SensorKind expected) {
        this.link = link;
        this.channel = new CameraChannel(link, serial, name);
        this.identity = readIdentity();
        if (identity.kind() != expected) {
            link.close();
            throw new ProtocolException(channel.where() + " is a " + identity.kind() + " camera (" + identity.model()
                    + " " + identity.serialNumber() + "), expected " + expected);
        }
        channel.describeAs(identity.kind() + " camera " + name + " (" + identity.serialNumber() + ")");
        LOG.info("{}: {} {} firmware {}, {} px x {} bands", channel.where(), identity.model(),
                identity.serialNumber(), identity.firmware(), identity.sensorPixels(), identity.sensorBands());
    }

    /** Opens {@code serial.portPath()} with jSerialComm. */
    public static SerialCameraControl open(SerialSettings serial, String name, SensorKind expected) {
        return new SerialCameraControl(JSerialCommLink.open(serial), serial, name, expected);
    }

    private CameraIdentity readIdentity() {
        List<String> v = channel.send(CameraCommand.query("IDN"));
        try {
            if (v.size() != 6) {
                throw new IllegalArgumentException("expected 6 values, got " + v.size());
            }
            return new CameraIdentity(SensorKind.valueOf(v.get(0)), v.get(1), v.get(2), v.get(3),
                    Integer.parseInt(v.get(4)), Integer.parseInt(v.get(5)));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(channel.where() + " answered 'IDN?' with " + v
                    + ", expected 'kind model serial firmware pixels bands': " + e.getMessage(), e);
        }
    }

    @Override
    public CameraIdentity identity() {
        return identity;
    }

    @Override
    public CameraSettings settings() {
        List<String> values = channel.send(CameraCommand.query("STAT"));
        try {
            return CameraStatus.parse(values);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(channel.where() + " answered 'STAT?' with " + values + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void setIntegrationMicros(int micros) {
        setting(CameraCommand.integrationMicros(micros), CameraLimits.integrationMicros(micros));
    }

    @Override
    public void setFrameRateHz(double hz) {
        refuseIf("FPS", CameraLimits.frameRateHz(hz));
        expectEcho(CameraCommand.frameRateHz(hz), List.of(CameraCommand.formatHz(hz)));
    }

    @Override
    public void setSpectralBinning(int factor) {
        setting(CameraCommand.spectralBinning(factor), CameraLimits.binning("spectral", factor));
    }

    @Override
    public void setSpatialBinning(int factor) {
        setting(CameraCommand.spatialBinning(factor), CameraLimits.binning("spatial", factor));
    }

    @Override
    public void setRegionOfInterest(int firstPixel, int pixels) {
        setting(CameraCommand.regionOfInterest(firstPixel, pixels),
                CameraLimits.regionOfInterest(firstPixel, pixels, identity.sensorPixels()));
    }

    @Override
    public void setShutterOpen(boolean open) {
        setting(CameraCommand.shutter(open), Optional.empty());
    }

    @Override
    public void startAcquisition() {
        expectEcho(CameraCommand.acquisition(true), List.of("RUNNING"));
    }

    @Override
    public void stopAcquisition() {
        expectEcho(CameraCommand.acquisition(false), List.of("STOPPED"));
    }

    @Override
    public double temperatureCelsius() {
        List<String> values = channel.send(CameraCommand.query("TEMP"));
        try {
            return Double.parseDouble(values.get(0));
        } catch (RuntimeException e) {
            throw new ProtocolException(channel.where() + " answered 'TEMP?' with " + values
                    + ", expected degrees Celsius", e);
        }
    }

    @Override
    public CameraSettings apply(CameraSettings target) {
        return new SettingsApplier(this).apply(settings(), target);
    }

    @Override
    public void close() {
        link.close();
    }

    /** Refuses with the problem, or sends and checks that the camera echoes the arguments. */
    private void setting(CameraCommand command, Optional<String> problem) {
        refuseIf(command.mnemonic(), problem);
        expectEcho(command, command.args());
    }

    private void refuseIf(String mnemonic, Optional<String> problem) {
        if (problem.isPresent()) {
            throw new IllegalArgumentException(channel.where() + ": refused to send " + mnemonic + ": "
                    + problem.get());
        }
    }

    private void expectEcho(CameraCommand command, List<String> expected) {
        List<String> echoed = channel.send(command);
        if (!echoed.equals(expected)) {
            throw new ProtocolException(channel.where() + " answered '" + command.format() + "' with " + echoed
                    + ", expected " + expected);
        }
    }
}
