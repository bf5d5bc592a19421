package io.hyclus.simulator.protocol;

import io.hyclus.core.spectral.SensorKind;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;

/**
 * A simulated sensor temperature, °C: first-order approach to a target with seeded Gaussian read noise
 * (σ 0.02 °C). The VNIR sensor is uncooled: 22 °C idle, warming towards 30 °C while acquiring (τ 60 s). The SWIR
 * sensor is cooled: from 22 °C towards -40 °C (τ 20 s) regardless of acquisition. Thread-safe.
 */
public final class SensorTemperature {
    static final double AMBIENT_C = 22.0;
    private static final double NOISE_C = 0.02;

    private final SensorKind kind;
    private final InstantSource clock;
    private final Random noise;
    private Instant anchorTime;
    private double anchorC;
    private double targetC;

    public SensorTemperature(SensorKind kind, InstantSource clock, long seed) {
        this.kind = kind;
        this.clock = clock;
        this.noise = new Random(seed);
        this.anchorTime = clock.instant();
        this.anchorC = AMBIENT_C;
        this.targetC = target(false);
    }

    /** Acquisition started or stopped: re-aim from the temperature now. */
    public synchronized void acquiring(boolean on) {
        anchorC = trueCelsius();
        anchorTime = clock.instant();
        targetC = target(on);
    }

    /** The noiseless model value. */
    public synchronized double trueCelsius() {
        double seconds = Duration.between(anchorTime, clock.instant()).toNanos() / 1e9;
        return targetC + (anchorC - targetC) * Math.exp(-seconds / tauSeconds());
    }

    /** One reading, with noise. */
    public synchronized double readCelsius() {
        return trueCelsius() + NOISE_C * noise.nextGaussian();
    }

    private double target(boolean acquiring) {
        if (kind == SensorKind.SWIR) {
            return -40.0;
        }
        return acquiring ? 30.0 : AMBIENT_C;
    }

    private double tauSeconds() {
        return kind == SensorKind.SWIR ? 20.0 : 60.0;
    }
}
