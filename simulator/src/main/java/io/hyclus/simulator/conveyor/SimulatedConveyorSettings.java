package io.hyclus.simulator.conveyor;

import io.hyclus.core.Checks;

/**
 * The simulated belt's limits.
 *
 * @param name                       device name in messages
 * @param maxSpeedMmPerSecond        initial speed limit of moves, mm/s
 * @param accelerationMmPerSecondSq  initial acceleration and deceleration, mm/s²
 * @param travelMm                   travel range from home (0) to the far limit, mm
 */
public record SimulatedConveyorSettings(String name, double maxSpeedMmPerSecond, double accelerationMmPerSecondSq,
                                        double travelMm) {
    public SimulatedConveyorSettings {
        Checks.identifier("device name", name);
        Checks.positive("max speed (mm/s)", maxSpeedMmPerSecond);
        Checks.positive("acceleration (mm/s²)", accelerationMmPerSecondSq);
        Checks.positive("travel (mm)", travelMm);
    }

    /** 100 mm/s, 500 mm/s², 2000 mm of travel. */
    public static SimulatedConveyorSettings defaults(String name) {
        return new SimulatedConveyorSettings(name, 100, 500, 2000);
    }
}
