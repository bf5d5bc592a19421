package io.hyclus.app.rig;

import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.FrameSource;
import io.hyclus.hardware.camera.control.SerialCameraControl;
import io.hyclus.hardware.conveyor.PositionEncoder;
import io.hyclus.hardware.conveyor.ZaberConveyor;
import io.hyclus.hardware.conveyor.ZaberSettings;
import io.hyclus.hardware.serial.SerialSettings;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.protocol.CameraControlSimulator;
import io.hyclus.simulator.camera.CameraModel;
import io.hyclus.simulator.scene.EndmemberSpectra;
import io.hyclus.simulator.fault.FaultPlan;
import io.hyclus.simulator.fault.FaultyFrameSource;
import io.hyclus.simulator.fault.FrameFaults;
import io.hyclus.simulator.conveyor.SimulatedConveyor;
import io.hyclus.simulator.camera.SimulatedLineScanCamera;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A conveyor and two cameras simulated behind real serial links: each simulator serves its protocol on one end
 * of a socat pty pair and HyClus's driver opens the other. The belt's encoder is the simulated belt itself (it
 * is wired to the camera triggers, not read over serial). Load a tray with {@link #load}, then scan with the
 * {@link #cameras()}, {@link #conveyor()} and {@link #encoder()}.
 */
public final class SimulatedSerialRig implements SimulatedRig {
    private final Parts parts = new Parts();
    private final SimulatedDevices devices;
    private ZaberConveyor conveyor;
    private final List<RigCamera> cameras = new ArrayList<>();
    private final List<SimulatedLineScanCamera> generators = new ArrayList<>();

    private final InstantSource clock;

    private SimulatedSerialRig(SimulatedDevices devices, InstantSource clock) {
        this.devices = devices;
        this.clock = clock;
        parts.add(devices);
    }

    /** Faults to inject: into the conveyor's and each camera's command link, and into frame delivery. */
    public record Faults(FaultPlan conveyor, FaultPlan vnir, FaultPlan swir, FrameFaults vnirFrames,
                         FrameFaults swirFrames) {
        public static Faults none() {
            return new Faults(FaultPlan.none(), FaultPlan.none(), FaultPlan.none(), FrameFaults.none(), FrameFaults.none());
        }
    }

    public static SimulatedSerialRig start(RigSettings s, BeltScene firstTray, long trayOriginMicrons,
                                           EndmemberSpectra spectra, InstantSource clock, Faults faults) {
        CameraModel vnir = s.vnirModel();
        CameraModel swir = s.swirModel();
        SimulatedDevices devices = SimulatedDevices.start(List.of(s.identity(vnir), s.identity(swir)),
                Map.of(SensorKind.VNIR, faults.vnir(), SensorKind.SWIR, faults.swir()), faults.conveyor(), clock, s.seed());
        SimulatedSerialRig rig = new SimulatedSerialRig(devices, clock);
        try {
            rig.conveyor = ZaberConveyor.open(ZaberSettings.defaults("conveyor", SerialSettings.of(devices.conveyorPort())));
            rig.parts.add(rig.conveyor);
            rig.addCamera(vnir, s, firstTray, trayOriginMicrons, spectra, clock, faults.vnirFrames());
            rig.addCamera(swir, s, firstTray, trayOriginMicrons, spectra, clock, faults.swirFrames());
            rig.conveyor.home();
            rig.conveyor.awaitIdle(java.time.Duration.ofSeconds(30));
            return rig;
        } catch (RuntimeException e) {
            rig.close();
            throw e;
        }
    }

    private void addCamera(CameraModel model, RigSettings s, BeltScene scene, long origin, EndmemberSpectra spectra,
                           InstantSource clock, FrameFaults frameFaults) {
        SensorKind kind = model.sensor().kind();
        SerialCameraControl control = SerialCameraControl.open(SerialSettings.of(devices.cameraPort(kind)),
                kind.name().toLowerCase(java.util.Locale.ROOT), kind);
        parts.add(control);
        CameraSettings target = s.cameraSettings(model);
        control.apply(target);
        CameraControlSimulator sim = devices.camera(kind);
        SimulatedLineScanCamera generator = new SimulatedLineScanCamera(model, scene, spectra, origin, sim::settings,
                clock, s.frameSeed(kind));
        FrameSource frames = new FaultyFrameSource(generator, frameFaults);
        generators.add(generator);
        cameras.add(new RigCamera(control, frames, generator.effectiveSensor(), generator.geometry(), target));
    }

    @Override
    public void load(BeltScene scene, long trayOriginMicrons) {
        generators.forEach(g -> g.load(scene, trayOriginMicrons));
    }

    @Override
    public List<RigCamera> cameras() {
        return List.copyOf(cameras);
    }

    @Override
    public ZaberConveyor conveyor() {
        return conveyor;
    }

    @Override
    public PositionEncoder encoder() {
        return devices.belt().encoder();
    }

    @Override
    public SimulatedConveyor belt() {
        return devices.belt();
    }

    @Override
    public InstantSource clock() {
        return clock;
    }

    @Override
    public String description() {
        return "conveyor and 2 cameras over serial";
    }

    @Override
    public void close() {
        parts.close();
    }
}
