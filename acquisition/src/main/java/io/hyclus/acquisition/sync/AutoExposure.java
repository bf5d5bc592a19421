package io.hyclus.acquisition.sync;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.hardware.conveyor.Conveyor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets each camera's integration time so that the white reference peaks near a target share of full scale, unsaturated,
 * within the frame period. With the belt at the white strip, each camera measures a dark frame (shutter closed) and the
 * mean of a few white frames; the white signal above dark grows in proportion to the integration time, so the next time
 * is {@code t * (target - dark) / (peak - dark)} at the peak element (halved when the peak is saturated), clamped to
 * 1 µs .. the frame period's share. Hot elements (dark already high) do not count: calibration repairs them.
 */
public final class AutoExposure {
    private static final Logger LOG = LoggerFactory.getLogger(AutoExposure.class);
    /**
     * Below this share of full scale above dark at the longest integration there is no usable white reference (a
     * 10 % signal would leave the reflectance of a 99 % panel resolved to ~400 DN): refuse rather than scan on it.
     */
    static final double MIN_WHITE_SIGNAL_FRACTION = 0.1;

    /** The cameras with their new settings, and what was chosen. */
    public record Result(List<RigCamera> cameras, List<ExposureChoice> choices) {
        public Result {
            cameras = List.copyOf(cameras);
            choices = List.copyOf(choices);
        }
    }

    private AutoExposure() {
    }

    /**
     * Moves the belt to {@code whiteAtMicrons}, adjusts every camera and stops acquisition again.
     *
     * @return the cameras with {@link RigCamera#settings()} carrying the chosen integration times (a scanner built
     *         from them applies those)
     */
    public static Result adjust(List<RigCamera> cameras, Conveyor conveyor, long whiteAtMicrons, ExposureSettings s,
                                Duration moveTimeout) {
        for (RigCamera c : cameras) {
            c.control().apply(c.settings().withAcquiring(false));
        }
        conveyor.moveAbsoluteMm(whiteAtMicrons / 1000.0);
        conveyor.awaitIdle(moveTimeout);
        List<RigCamera> out = new ArrayList<>();
        List<ExposureChoice> choices = new ArrayList<>();
        for (RigCamera c : cameras) {
            c.control().startAcquisition();
            try {
                ExposureChoice choice = adjust(c, whiteAtMicrons, s);
                choices.add(choice);
                out.add(new RigCamera(c.control(), c.frames(), c.sensor(), c.geometry(),
                        c.settings().withIntegrationMicros(choice.integrationMicros())));
                LOG.info("Auto-exposure {}", choice.describe());
            } finally {
                c.control().setShutterOpen(true);
                c.control().stopAcquisition();
            }
        }
        return new Result(out, choices);
    }

    private static ExposureChoice adjust(RigCamera c, long at, ExposureSettings s) {
        CameraSettings cs = c.settings();
        int maxMicros = (int) Math.min(100_000, Math.floor(s.maxExposureShare() * 1e6 / cs.frameRateHz()));
        double target = s.targetPeakFraction() * RawFrame.MAX_COUNT;
        double tolerance = s.toleranceFraction() * RawFrame.MAX_COUNT;
        int t = Math.min(cs.integrationMicros(), maxMicros);
        Peak p = null;
        for (int i = 1; i <= s.maxIterations(); i++) {
            c.control().setIntegrationMicros(t);
            p = measure(c, at, s);
            boolean limited = t == maxMicros && p.peak < target - tolerance;
            if (limited && p.peak - p.darkAtPeak < MIN_WHITE_SIGNAL_FRACTION * RawFrame.MAX_COUNT) {
                throw new AcquisitionException(String.format(java.util.Locale.ROOT, "auto-exposure of camera %s: the "
                        + "white reference peaks only %.0f DN above dark at the longest integration, %d us (%.0f %% of "
                        + "the line period): no white reference under the line at %d um, or the lamp is off",
                        c.sensor().id(), p.peak - p.darkAtPeak, t, 100 * s.maxExposureShare(), at));
            }
            if (p.saturated == 0 && (Math.abs(p.peak - target) <= tolerance || limited)) {
                return choice(c, t, p, i, limited);
            }
            int next = p.saturated > 0 || p.peak >= RawFrame.MAX_COUNT ? t / 2
                    : (int) Math.round(t * (target - p.darkAtPeak) / Math.max(1, p.peak - p.darkAtPeak));
            next = Math.max(1, Math.min(maxMicros, next));
            if (next == t) {
                break;
            }
            t = next;
        }
        throw new AcquisitionException("auto-exposure of camera " + c.sensor().id() + " did not converge in "
                + s.maxIterations() + " measurements: last " + t + " us gave a white peak of " + Math.round(p.peak)
                + " DN with " + p.saturated + " saturated elements, target " + Math.round(target) + " +/- "
                + Math.round(tolerance) + " DN: check lamp and white reference");
    }

    private static ExposureChoice choice(RigCamera c, int t, Peak p, int iterations, boolean limited) {
        return new ExposureChoice(c.sensor().id(), t, p.peak, p.peak / RawFrame.MAX_COUNT, p.saturated, iterations,
                limited);
    }

    /** White peak (mean of frames) over responsive, non-hot elements, the dark level there, and saturated elements. */
    private record Peak(double peak, double darkAtPeak, int saturated) {
    }

    private static Peak measure(RigCamera c, long at, ExposureSettings s) {
        c.control().setShutterOpen(false);
        RawFrame dark = c.frames().trigger(at);
        c.control().setShutterOpen(true);
        int n = dark.pixels() * dark.bands();
        double[] white = new double[n];
        boolean[] saturated = new boolean[n];
        for (int k = 0; k < s.framesPerStep(); k++) {
            RawFrame w = c.frames().trigger(at);
            if (w.pixels() != dark.pixels() || w.bands() != dark.bands()) {
                throw new AcquisitionException("camera " + c.sensor().id() + " changed frame size during auto-exposure: "
                        + dark.pixels() + " x " + dark.bands() + " then " + w.pixels() + " x " + w.bands());
            }
            for (int e = 0; e < n; e++) {
                white[e] += w.countAt(e);
                saturated[e] |= w.countAt(e) >= RawFrame.MAX_COUNT;
            }
        }
        double hot = s.hotDarkFraction() * RawFrame.MAX_COUNT;
        double peak = 0;
        double darkAtPeak = 0;
        int sat = 0;
        for (int e = 0; e < n; e++) {
            if (dark.countAt(e) >= hot) {
                continue;
            }
            double mean = white[e] / s.framesPerStep();
            if (saturated[e]) {
                sat++;
            }
            if (mean > peak) {
                peak = mean;
                darkAtPeak = dark.countAt(e);
            }
        }
        return new Peak(peak, darkAtPeak, sat);
    }
}
