package io.hyclus.app.rig;

import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.hardware.conveyor.Conveyor;
import io.hyclus.hardware.conveyor.PositionEncoder;
import io.hyclus.simulator.conveyor.SimulatedConveyor;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.scene.EndmemberSpectra;

import java.time.InstantSource;
import java.util.List;

/**
 * A simulated scanning rig, a conveyor and both cameras, as the scanner sees it; how the devices are reached
 * ({@link RigKind}) is the implementation's business. Load a tray with {@link #load}, then scan with the
 * {@link #cameras()}, {@link #conveyor()} and {@link #encoder()}.
 */
public interface SimulatedRig extends AutoCloseable {
    /**
     * Starts a rig of {@code kind} with {@code firstTray} on the belt. The serial rig runs on {@code clock}; the
     * in-process one on simulated time starting at {@code clock}'s now ({@link InProcessRig}).
     */
    static SimulatedRig start(RigKind kind, RigSettings settings, BeltScene firstTray, long trayOriginMicrons,
                              EndmemberSpectra spectra, InstantSource clock) {
        return switch (kind) {
            case IN_PROCESS -> InProcessRig.start(settings, firstTray, trayOriginMicrons, spectra, clock.instant());
            case SERIAL -> SimulatedSerialRig.start(settings, firstTray, trayOriginMicrons, spectra, clock,
                    SimulatedSerialRig.Faults.none());
        };
    }

    /** Puts a new tray on the belt, its leading edge under the line at {@code trayOriginMicrons}. */
    void load(BeltScene scene, long trayOriginMicrons);

    /** Both cameras, VNIR first. */
    List<RigCamera> cameras();

    Conveyor conveyor();

    /** The belt's encoder, wired to the camera triggers. */
    PositionEncoder encoder();

    /** The simulated belt itself: its true motion state, and a way to make it stall. */
    SimulatedConveyor belt();

    /** The time the devices run on: frame times and belt motion; scan events are stamped with it too. */
    InstantSource clock();

    /** One line for the console: how the devices are reached. */
    String description();

    @Override
    void close();
}
