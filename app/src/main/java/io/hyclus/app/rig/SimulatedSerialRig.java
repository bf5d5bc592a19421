package io.hyclus.app.rig;

import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.FrameSource;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.hardware.camera.control.SerialCameraControl;
import io.hyclus.hardware.conveyor.PositionEncoder;
import io.hyclus.hardware.conveyor.ZaberConveyor;
import io.hyclus.hardware.conveyor.ZaberSettings;
import io.hyclus.hardware.serial.JSerialCommLink;
import io.hyclus.hardware.serial.PtyPair;
import io.hyclus.hardware.serial.SerialSettings;
import io.hyclus.hardware.sim.BeltScene;
import io.hyclus.hardware.sim.CameraControlSimulator;
import io.hyclus.hardware.sim.CameraModel;
import io.hyclus.hardware.sim.EndmemberSpectra;
import io.hyclus.hardware.sim.FaultPlan;
import io.hyclus.hardware.sim.FaultyFrameSource;
import io.hyclus.hardware.sim.FrameFaults;
import io.hyclus.hardware.sim.SimulatedConveyor;
import io.hyclus.hardware.sim.SimulatedConveyorSettings;
import io.hyclus.hardware.sim.SimulatedLineScanCamera;
import io.hyclus.hardware.sim.ZaberDeviceSimulator;
import io.hyclus.hardware.sim.ZaberSimulatorSettings;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A conveyor and two cameras simulated behind real serial links: each simulator serves its protocol on one end
 * of a socat pty pair and HyClus's driver opens the other. The belt's encoder is the simulated belt itself (it
 * is wired to the camera triggers, not read over serial). Load a tray with {@link #load}, then scan with the
 * {@link #cameras()}, {@link #conveyor()} and {@link #encoder()}.
 */
public final class SimulatedSerialRig implements AutoCloseable {
    private final List<AutoCloseable> parts = new ArrayList<>();
    private final SimulatedConveyor belt;
    private final ZaberConveyor conveyor;
    private final List<RigCamera> cameras = new ArrayList<>();
    private final List<SimulatedLineScanCamera> generators = new ArrayList<>();

    private SimulatedSerialRig(SimulatedConveyor belt, ZaberConveyor conveyor) {
        this.belt = belt;
        this.conveyor = conveyor;
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
        SimulatedConveyor belt = new SimulatedConveyor(new SimulatedConveyorSettings("belt", 200, 1000, 2000), clock);
        PtyPair beltLine = PtyPair.start();
        ZaberDeviceSimulator device = ZaberDeviceSimulator.start(JSerialCommLink.open(SerialSettings.of(beltLine.devicePath())),
                belt, ZaberSimulatorSettings.defaults().withFaults(faults.conveyor()), beltLine::close);
        ZaberConveyor driver = ZaberConveyor.open(ZaberSettings.defaults("conveyor", SerialSettings.of(beltLine.hostPath())));
        SimulatedSerialRig rig = new SimulatedSerialRig(belt, driver);
        rig.parts.addAll(List.of(driver, device, beltLine));
        try {
            rig.addCamera(SensorKind.VNIR, CameraModel.vnir(s.vnirPixels(), s.vnirBands()), s, firstTray, trayOriginMicrons,
                    spectra, clock, faults.vnir(), faults.vnirFrames());
            rig.addCamera(SensorKind.SWIR, CameraModel.swir(s.swirPixels(), s.swirBands()), s, firstTray, trayOriginMicrons,
                    spectra, clock, faults.swir(), faults.swirFrames());
            driver.home();
            driver.awaitIdle(java.time.Duration.ofSeconds(30));
            return rig;
        } catch (RuntimeException e) {
            rig.close();
            throw e;
        }
    }

    private void addCamera(SensorKind kind, CameraModel model, RigSettings s, BeltScene scene, long origin,
                           EndmemberSpectra spectra, InstantSource clock, FaultPlan faults, FrameFaults frameFaults) {
        CameraIdentity id = new CameraIdentity(kind, kind == SensorKind.VNIR ? "HC-VNIR-SIM" : "HC-SWIR-SIM",
                "SIM" + s.seed(), "1.0.0", model.sensor().pixels(), model.sensor().bands());
        PtyPair line = PtyPair.start();
        parts.add(0, line);
        CameraControlSimulator sim = CameraControlSimulator.start(JSerialCommLink.open(SerialSettings.of(line.devicePath())),
                id, clock, s.seed() + kind.ordinal(), faults, line::close);
        parts.add(0, sim);
        SerialCameraControl control = SerialCameraControl.open(SerialSettings.of(line.hostPath()),
                kind.name().toLowerCase(java.util.Locale.ROOT), kind);
        parts.add(0, control);
        CameraSettings target = new CameraSettings(s.integrationMicros(), s.frameRateHz(), 1, 1, 0, model.sensor().pixels(),
                true, false);
        control.apply(target);
        SimulatedLineScanCamera generator = new SimulatedLineScanCamera(model, scene, spectra, origin, sim::settings,
                clock, s.seed() * 31 + kind.ordinal());
        FrameSource frames = new FaultyFrameSource(generator, frameFaults);
        generators.add(generator);
        cameras.add(new RigCamera(control, frames, generator.effectiveSensor(), generator.geometry(), target));
    }

    /** Puts a new tray on the belt. */
    public void load(BeltScene scene, long trayOriginMicrons) {
        generators.forEach(g -> g.load(scene, trayOriginMicrons));
    }

    public List<RigCamera> cameras() {
        return List.copyOf(cameras);
    }

    public ZaberConveyor conveyor() {
        return conveyor;
    }

    /** The belt's encoder, wired to the camera triggers. */
    public PositionEncoder encoder() {
        return belt.encoder();
    }

    /** The simulated belt itself: its true motion state, and a way to make it stall. */
    public SimulatedConveyor belt() {
        return belt;
    }

    @Override
    public void close() {
        for (AutoCloseable p : parts) {
            try {
                p.close();
            } catch (Exception e) {
                // closing the rest matters more than a failure to close one part
            }
        }
    }
}
