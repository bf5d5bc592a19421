package io.hyclus.acquisition.stitch.bench;

import io.hyclus.acquisition.stitch.LineStitcher;
import io.hyclus.acquisition.stitch.StitchSettings;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Per-line cost of the stitching stage, not a test (docs/stitching.md, {@code bench/stitch.sh}). The full-size pair:
 * VNIR 1024 px x 224 bands at 330 lines/s and SWIR 384 px x 288 bands at 450 lines/s over the same 307.2 mm field of
 * view, on a belt at 100 mm/s (VNIR lines every 303 µm, SWIR every 222 µm: every VNIR line is interpolated between two
 * SWIR lines). Lines are fed in encoder order to one {@link LineStitcher}; only {@code accept} is timed (the lines'
 * construction is not). Prints, per output grid: µs per stitched line all in (every accept of both cameras' lines over
 * the stitched lines), p50 and p99 of the accepts that released a stitched line, the stitched lines/s one core sustains
 * and the share of one core the cameras' 330 VNIR lines/s need.
 */
public final class StitchBenchmark {
    private static final double BELT_MM_S = 100;
    private static final double VNIR_HZ = 330;
    private static final double SWIR_HZ = 450;

    private StitchBenchmark() {
    }

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        CameraSetup vnir = camera(SensorKind.VNIR, WavelengthGrid.uniform(400, 1000, 224, 1.2), 1024);
        CameraSetup swir = camera(SensorKind.SWIR, WavelengthGrid.uniform(1000, 2500, 288, 1.2), 384);
        System.out.printf(Locale.ROOT, "# %s, %d cores; VNIR 1024x224 at %.0f Hz, SWIR 384x288 at %.0f Hz, belt %.0f mm/s;"
                        + " %d lines timed after %d warm-up%n", System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), VNIR_HZ,
                SWIR_HZ, BELT_MM_S, lines, warmup);
        for (StitchSettings s : new StitchSettings[] {StitchSettings.defaults(), StitchSettings.defaults().withUniformStep(5)}) {
            run(vnir, swir, s, warmup, false);
            run(vnir, swir, s, lines, true);
        }
    }

    private static void run(CameraSetup vnir, CameraSetup swir, StitchSettings settings, int lines, boolean print) {
        LineStitcher st = new LineStitcher(vnir, swir, settings);
        SplittableRandom rnd = new SplittableRandom(7);
        float[][] vPool = pool(rnd, 1024 * 224);
        float[][] sPool = pool(rnd, 384 * 288);
        long[] nanos = new long[lines];
        long[] count = new long[1];
        long total = 0;
        long vi = 0;
        long si = 0;
        while (vi < lines) {
            long ve = Math.round(vi * BELT_MM_S * 1000 / VNIR_HZ);
            long se = Math.round(si * BELT_MM_S * 1000 / SWIR_HZ);
            Scanline line = se <= ve
                    ? new Scanline("bench", SensorKind.SWIR, si, se, Instant.EPOCH, 384, 288, sPool[(int) (si++ % 4)])
                    : new Scanline("bench", SensorKind.VNIR, vi, ve, Instant.EPOCH, 1024, 224, vPool[(int) (vi++ % 4)]);
            long before = count[0];
            long t0 = System.nanoTime();
            st.accept(line, l -> count[0]++);
            long dt = System.nanoTime() - t0;
            total += dt;
            for (long k = before; k < count[0] && k < lines; k++) {
                nanos[(int) k] = dt / (count[0] - before); // the accept that released lines: their stitch cost
            }
        }
        if (!print) {
            return;
        }
        int n = (int) Math.min(count[0], lines);
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        // every accept (VNIR and SWIR lines taken in, stitched lines made) over the stitched lines
        double mean = total / 1000.0 / n;
        System.out.printf(Locale.ROOT, "{\"grid\": \"%s\", \"bands\": %d, \"stitched_lines\": %d, \"us_per_line_all_in\": %.0f,"
                        + " \"us_p50_release\": %.0f, \"us_p99_release\": %.0f, \"lines_per_s_one_core\": %.0f,"
                        + " \"core_share_at_330_hz\": %.2f}%n",
                settings.gridName(), st.setup().sensor().bands(), n, mean, sorted[n / 2] / 1000.0,
                sorted[n * 99 / 100] / 1000.0, 1e6 / mean, VNIR_HZ * mean / 1e6);
    }

    private static float[][] pool(SplittableRandom rnd, int size) {
        float[][] p = new float[4][size];
        for (float[] a : p) {
            for (int i = 0; i < size; i++) {
                a[i] = (float) (0.1 + 0.6 * rnd.nextDouble());
            }
        }
        return p;
    }

    private static CameraSetup camera(SensorKind kind, WavelengthGrid grid, int pixels) {
        double pitch = 307.2 / pixels;
        return new CameraSetup(new Sensor(kind.name().toLowerCase(Locale.ROOT), kind, grid, pixels),
                new AcrossTrackGeometry(140 - 307.2 / 2 + pitch / 2, pitch, 0));
    }
}
