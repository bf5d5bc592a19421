package io.hyclus.app.rig;

import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.conveyor.Conveyor;
import io.hyclus.hardware.conveyor.PositionEncoder;
import io.hyclus.simulator.camera.CameraModel;
import io.hyclus.simulator.camera.InProcessCameraControl;
import io.hyclus.simulator.camera.LineTruth;
import io.hyclus.simulator.camera.SimulatedLineScanCamera;
import io.hyclus.simulator.conveyor.SimulatedConveyor;
import io.hyclus.simulator.conveyor.SteppingClock;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.scene.EndmemberSpectra;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The simulated rig in this process: the simulated belt is the conveyor, and each simulated camera is driven through
 * an {@link InProcessCameraControl} whose settings its frame generator reads. The same devices, settings and seeds as
 * the {@link SimulatedSerialRig}, without the serial lines.
 *
 * <p>Every device runs on a {@link SteppingClock} that moves {@code 1/}{@value #CLOCK_STEPS_PER_LINE} of a line period
 * each time it is read: the belt moves only as fast as the scan watches it, so lines are never late however long the
 * frames take to compute on this machine, and the scan waits for no real belt.
 */
public final class InProcessRig implements SimulatedRig {
    /** Clock readings per line period: the encoder is read at least this finely, well within one line pitch. */
    static final int CLOCK_STEPS_PER_LINE = 10;

    private final InstantSource clock;
    private final SimulatedConveyor belt;
    private final List<RigCamera> cameras = new ArrayList<>();
    private final List<SimulatedLineScanCamera> generators = new ArrayList<>();

    private InProcessRig(InstantSource clock) {
        this.clock = clock;
        this.belt = new SimulatedConveyor(SimulatedDevices.BELT, clock);
    }

    /** @param start the simulated time at which the rig starts */
    public static InProcessRig start(RigSettings s, BeltScene firstTray, long trayOriginMicrons,
                                     EndmemberSpectra spectra, Instant start) {
        InstantSource clock = new SteppingClock(start, Duration.ofNanos(Math.round(1e9 / s.frameRateHz()
                / CLOCK_STEPS_PER_LINE)));
        InProcessRig rig = new InProcessRig(clock);
        for (CameraModel model : List.of(s.vnirModel(), s.swirModel())) {
            InProcessCameraControl control = new InProcessCameraControl(s.identity(model), clock,
                    s.controlSeed(model.sensor().kind()));
            CameraSettings target = s.cameraSettings(model);
            control.apply(target);
            SimulatedLineScanCamera generator = new SimulatedLineScanCamera(model, firstTray, spectra, trayOriginMicrons,
                    control::settings, clock, s.frameSeed(model.sensor().kind()));
            rig.generators.add(generator);
            rig.cameras.add(new RigCamera(control, generator, generator.effectiveSensor(), generator.geometry(), target));
        }
        return rig;
    }

    /**
     * Hands the simulator's ground truth of every frame from now on (both cameras) to {@code listener}, on the
     * triggering threads; {@code null} stops it. For measuring the material mask against what each pixel saw.
     */
    public void truthListener(Consumer<LineTruth> listener) {
        generators.forEach(g -> g.truthListener(listener));
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
    public Conveyor conveyor() {
        return belt;
    }

    @Override
    public PositionEncoder encoder() {
        return belt.encoder();
    }

    @Override
    public SimulatedConveyor belt() {
        return belt;
    }

    @Override
    public InstantSource clock() {
        return clock;
    }

    @Override
    public String description() {
        return "conveyor and 2 cameras in process, on simulated time";
    }

    /** Nothing to release: no lines, no threads. */
    @Override
    public void close() {
    }
}
