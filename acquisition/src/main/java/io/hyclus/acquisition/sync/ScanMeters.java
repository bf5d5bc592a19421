package io.hyclus.acquisition.sync;

import io.hyclus.hardware.camera.RawFrame;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The acquisition's meters, fed as a {@link RawFrameTap} of the scanner: lines triggered late
 * ({@code hyclus.acquisition.lines.late}), frames a camera dropped between two frames the scan used
 * ({@code hyclus.acquisition.frames.dropped}, by camera: a gap in the sequence numbers), and the age of each camera's
 * calibration ({@code hyclus.acquisition.calibration.age}, seconds since its dark and white references were taken, by
 * camera; the scanner takes them at the start of every scan), and each camera's sensor temperature as the scanner last
 * read it ({@code hyclus.acquisition.camera.temperature}, °C, by camera).
 */
public final class ScanMeters implements RawFrameTap {
    private final MeterRegistry registry;
    private final InstantSource clock;
    private final Counter late;
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSequence = new ConcurrentHashMap<>();
    private final Map<String, Instant> calibratedAt = new ConcurrentHashMap<>();
    private final Map<String, Double> temperatures = new ConcurrentHashMap<>();

    /** @param clock wall clock for the calibration's age (not a rig's simulated time) */
    public ScanMeters(MeterRegistry registry, InstantSource clock) {
        this.registry = registry;
        this.clock = clock;
        this.late = Counter.builder("hyclus.acquisition.lines.late")
                .description("lines triggered more than one line pitch after the belt passed them").register(registry);
    }

    @Override
    public void references(RigCamera camera, List<RawFrame> dark, List<RawFrame> white) {
        String id = camera.sensor().id();
        if (calibratedAt.put(id, clock.instant()) == null) {
            Gauge.builder("hyclus.acquisition.calibration.age", calibratedAt,
                            m -> Duration.between(m.get(id), clock.instant()).toMillis() / 1000.0)
                    .tag("camera", id).baseUnit("seconds")
                    .description("time since the camera's dark and white references were taken").register(registry);
        }
        lastSequence.remove(id); // the scan's frames follow; reference and exposure frames are not counted
    }

    @Override
    public void frame(RigCamera camera, long line, RawFrame frame) {
        String id = camera.sensor().id();
        Long last = lastSequence.put(id, frame.sequence());
        long gap = last == null ? 0 : frame.sequence() - last - 1;
        Counter c = dropped.computeIfAbsent(id, k -> Counter.builder("hyclus.acquisition.frames.dropped").tag("camera", k)
                .description("frames the camera dropped during scans (gaps in its sequence numbers)").register(registry));
        if (gap > 0) {
            c.increment(gap);
        }
    }

    @Override
    public void temperature(RigCamera camera, double celsius) {
        String id = camera.sensor().id();
        if (temperatures.put(id, celsius) == null) {
            Gauge.builder("hyclus.acquisition.camera.temperature", temperatures, m -> m.get(id)).tag("camera", id)
                    .baseUnit("celsius").description("the camera's sensor temperature as last read").register(registry);
        }
    }

    @Override
    public void lineDone(long line, long lines, boolean wasLate) {
        if (wasLate) {
            late.increment();
        }
    }
}
