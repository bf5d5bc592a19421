package io.hyclus.simulator.camera;

import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.scene.EndmemberSpectra;
import io.hyclus.simulator.scene.SampleMaterial;
import io.hyclus.simulator.scene.SimulatedSample;
import io.hyclus.simulator.scene.SurfaceKind;
import io.hyclus.simulator.scene.Surfaces;

import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.TraySlot;
import io.hyclus.hardware.DeviceException;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.FrameSource;
import io.hyclus.hardware.camera.RawFrame;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A line-scan camera over the simulated belt. For each pixel of a triggered line it finds what lies
 * under it (belt, white strip, tray, wall, sample), takes that surface's reflectance (for samples, a
 * per-pixel mixture of library spectra with shadows and glints), and turns it into 12-bit counts:
 * halogen illumination with across-track fall-off, detector response, dark offset with fixed pattern
 * and dark current, shot and read noise, saturation, and a few dead and hot elements. With the shutter
 * closed only the dark signal remains. ROI and binning follow the {@link CameraSettings}.
 *
 * <p>Deterministic: the same seed, settings and trigger sequence give the same frames.
 */
public final class SimulatedLineScanCamera implements FrameSource {
    static final double GLINT_REFLECTANCE = 1.2;
    static final double SHADOW_FACTOR = 0.55;
    static final double TEXTURE_SIGMA = 0.03;
    static final double HOT_EXTRA_DN = 2600;

    private final CameraModel model;
    private final EndmemberSpectra spectra;
    private BeltScene scene;
    private long trayOriginEncoderMicrons;
    private final Supplier<CameraSettings> settings;
    private final InstantSource clock;
    private final long seed;
    private final double[] response;
    private final double[] darkPattern;
    private final byte[] defects;
    private final Map<Integer, SampleMaterial> materials = new HashMap<>();
    private final Map<SurfaceKind, double[]> fixedSurfaces = new HashMap<>();
    private long sequence;
    private Consumer<LineTruth> truthListener;

    /**
     * @param trayOriginEncoderMicrons encoder position at which the tray's leading edge is under the line
     * @param settings                 current control state, read at each trigger
     */
    public SimulatedLineScanCamera(CameraModel model, BeltScene scene, EndmemberSpectra spectra,
                                   long trayOriginEncoderMicrons, Supplier<CameraSettings> settings,
                                   InstantSource clock, long seed) {
        this.model = model;
        this.spectra = spectra;
        this.settings = settings;
        this.clock = clock;
        this.seed = seed;
        Sensor sensor = model.sensor();
        WavelengthGrid grid = sensor.grid();
        this.response = Radiometry.relativeResponse(sensor.kind(), grid, model.lampTemperatureK());
        SplittableRandom fixed = new SplittableRandom(seed);
        int elements = sensor.pixels() * sensor.bands();
        this.darkPattern = new double[elements];
        for (int i = 0; i < elements; i++) {
            darkPattern[i] = model.darkLevelDn() + model.fixedPatternDn() * fixed.nextGaussian();
        }
        this.defects = new byte[elements];
        placeDefects(fixed, model.deadPixels(), (byte) 1);
        placeDefects(fixed, model.hotPixels(), (byte) 2);
        load(scene, trayOriginEncoderMicrons);
        for (SurfaceKind k : SurfaceKind.values()) {
            if (k != SurfaceKind.SAMPLE) {
                double[] r = new double[grid.bands()];
                for (int b = 0; b < r.length; b++) {
                    r[b] = Surfaces.reflectance(k, grid.centreNm(b));
                }
                fixedSurfaces.put(k, r);
            }
        }
    }

    /** A new tray on the belt: its scene, and the encoder position at which its leading edge is under the line. */
    public synchronized void load(BeltScene newScene, long newTrayOriginEncoderMicrons) {
        Map<Integer, SampleMaterial> m = new HashMap<>();
        for (TraySlot slot : newScene.tray().slots()) {
            SimulatedSample s = newScene.sample(slot.sample().sampleId());
            m.put(slot.index(), new SampleMaterial(s.mixture(), s.metadata().fraction(), model.sensor().grid(), spectra));
        }
        materials.clear();
        materials.putAll(m);
        scene = newScene;
        trayOriginEncoderMicrons = newTrayOriginEncoderMicrons;
    }

    private void placeDefects(SplittableRandom rng, int count, byte kind) {
        for (int placed = 0; placed < count; ) {
            int i = rng.nextInt(defects.length);
            if (defects[i] == 0) {
                defects[i] = kind;
                placed++;
            }
        }
    }

    /**
     * Receives the ground truth of every frame taken from now on (what each pixel saw, and which pixels saturated), on
     * the triggering thread; {@code null} stops it. For measuring the material mask, not for the scan itself.
     */
    public synchronized void truthListener(Consumer<LineTruth> listener) {
        this.truthListener = listener;
    }

    /**
     * Ground truth of the sensor's defects: the elements ({@code pixel * bands + band}, full sensor) that are dead
     * (always 0 DN) or hot (dark level raised by {@value #HOT_EXTRA_DN} DN), for measuring calibration against them.
     */
    public int[] defectiveElements(boolean hot) {
        byte kind = (byte) (hot ? 2 : 1);
        return java.util.stream.IntStream.range(0, defects.length).filter(i -> defects[i] == kind).toArray();
    }

    public CameraModel model() {
        return model;
    }

    /** The sensor as the current ROI and binning present it. */
    public Sensor effectiveSensor() {
        CameraSettings s = checkedSettings();
        Sensor full = model.sensor();
        WavelengthGrid g = full.grid();
        int bin = s.spectralBinning();
        double[] c = new double[g.bands() / bin];
        double[] w = new double[c.length];
        for (int o = 0; o < c.length; o++) {
            double lo = g.centreNm(o * bin) - g.fwhmNm(o * bin) / 2;
            double hi = g.centreNm(o * bin + bin - 1) + g.fwhmNm(o * bin + bin - 1) / 2;
            c[o] = (g.centreNm(o * bin) + g.centreNm(o * bin + bin - 1)) / 2;
            w[o] = hi - lo;
        }
        return new Sensor(full.id(), full.kind(), new WavelengthGrid(c, w), s.roiPixels() / s.spatialBinning());
    }

    /** Where the current ROI's (binned) pixels fall on the tray. */
    public synchronized AcrossTrackGeometry geometry() {
        CameraSettings s = checkedSettings();
        int bin = s.spatialBinning();
        double first = model.xMm(s.roiFirstPixel()) + (bin - 1) * model.pixelPitchMm() / 2;
        return new AcrossTrackGeometry(first, model.pixelPitchMm() * bin, trayOriginEncoderMicrons);
    }

    /** Encoder position at which tray coordinate {@code yMm} is under the scan line. */
    public synchronized long encoderMicronsAt(double yMm) {
        return trayOriginEncoderMicrons + Math.round(yMm * 1000);
    }

    @Override
    public synchronized RawFrame trigger(long encoderMicrons) {
        CameraSettings s = checkedSettings();
        if (!s.acquiring()) {
            throw new DeviceException("camera " + model.sensor().id() + " was triggered at " + encoderMicrons
                    + " um but is not acquiring: start acquisition first");
        }
        long seq = sequence++;
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + seq);
        int bands = model.sensor().bands();
        int specBin = s.spectralBinning();
        int spatBin = s.spatialBinning();
        int outPixels = s.roiPixels() / spatBin;
        int outBands = bands / specBin;
        double[] acc = new double[outPixels * outBands];
        double yMm = (encoderMicrons - trayOriginEncoderMicrons) / 1000.0;
        double exposure = (double) s.integrationMicros() / model.referenceIntegrationMicros();
        PixelScratch scratch = new PixelScratch(bands, 16);
        PixelTruth[] truth = truthListener == null ? null : new PixelTruth[outPixels];
        boolean[] saturated = truth == null ? null : new boolean[outPixels];
        for (int i = 0; i < s.roiPixels(); i++) {
            int p = s.roiFirstPixel() + i;
            double[] r = s.shutterOpen() ? reflectanceAt(p, yMm, rng, scratch) : null;
            double gain = r == null ? 0 : model.whiteSignalDn() * illumination(p) * exposure;
            double darkCurrent = model.darkCurrentDnPerMs() * s.integrationMicros() / 1000.0;
            int row = (i / spatBin) * outBands;
            boolean clipped = false;
            for (int b = 0; b < bands; b++) {
                double dn = elementDn(p, b, r, gain, darkCurrent, rng);
                clipped |= dn >= RawFrame.MAX_COUNT && defects[p * bands + b] == 0; // a defect is repaired, not clipped
                acc[row + b / specBin] += dn;
            }
            if (truth != null) {
                int o = i / spatBin;
                PixelTruth t = s.shutterOpen() ? scratch.truth : null;
                truth[o] = truth[o] == null || truth[o] == t ? t : PixelTruth.MIXED;
                saturated[o] |= clipped;
            }
        }
        short[] counts = new short[acc.length];
        double perBin = specBin * spatBin;
        for (int i = 0; i < acc.length; i++) {
            counts[i] = (short) Math.round(acc[i] / perBin);
        }
        if (truth != null) {
            truthListener.accept(new LineTruth(model.sensor().id(), seq, encoderMicrons, truth, saturated));
        }
        return RawFrame.wrapping(model.sensor().id(), model.sensor().kind(), seq, clock.instant(), encoderMicrons,
                outPixels, outBands, counts);
    }

    /** Relative illumination of pixel {@code p}: 1 at the centre, {@code 1 - edgeFalloff} at the edges. */
    private double illumination(int p) {
        int n = model.sensor().pixels();
        double u = n > 1 ? 2.0 * p / (n - 1) - 1 : 0;
        return 1 - model.edgeFalloff() * u * u;
    }

    /**
     * One element's counts.
     *
     * @param gain signal (DN) of reflectance 1 in the most responsive band at this pixel; 0 with the shutter closed
     */
    private double elementDn(int p, int b, double[] r, double gain, double darkCurrent, SplittableRandom rng) {
        int e = p * model.sensor().bands() + b;
        if (defects[e] == 1) {
            return 0;
        }
        double dark = darkPattern[e] + darkCurrent + (defects[e] == 2 ? HOT_EXTRA_DN : 0);
        double signal = r == null ? 0 : gain * response[b] * r[b];
        double noise = Math.sqrt(model.shotNoiseDnPerDn() * Math.max(0, signal + dark - model.darkLevelDn())
                + model.readNoiseDn() * model.readNoiseDn());
        double dn = dark + signal + noise * rng.nextGaussian();
        return Math.max(0, Math.min(RawFrame.MAX_COUNT, Math.rint(dn)));
    }

    private double[] reflectanceAt(int p, double yMm, SplittableRandom rng, PixelScratch scratch) {
        BeltScene.Hit hit = scene.surfaceAt(model.xMm(p), yMm);
        if (hit.kind() != SurfaceKind.SAMPLE) {
            scratch.truth = switch (hit.kind()) {
                case BELT -> PixelTruth.BELT;
                case WHITE_REFERENCE -> PixelTruth.WHITE_REFERENCE;
                case TRAY -> PixelTruth.TRAY;
                case WALL -> PixelTruth.WALL;
                case SAMPLE -> throw new IllegalStateException("unreachable");
            };
            return fixedSurfaces.get(hit.kind());
        }
        SampleMaterial m = materials.get(hit.slot().index());
        double[] local = scratch.local(m.components());
        m.pixelReflectance(rng, local, scratch.reflectance);
        double factor = (1 + TEXTURE_SIGMA * rng.nextGaussian()) * (hit.shadowed() ? SHADOW_FACTOR : 1.0);
        boolean glint = rng.nextDouble() < scene.settings().glintProbability();
        scratch.truth = glint ? PixelTruth.SAMPLE_GLINT : hit.shadowed() ? PixelTruth.SAMPLE_SHADOW : PixelTruth.SAMPLE;
        for (int b = 0; b < scratch.reflectance.length; b++) {
            scratch.reflectance[b] = scratch.reflectance[b] * factor + (glint ? GLINT_REFLECTANCE : 0);
        }
        return scratch.reflectance;
    }

    private CameraSettings checkedSettings() {
        CameraSettings s = settings.get();
        Sensor full = model.sensor();
        if (s.roiFirstPixel() + s.roiPixels() > full.pixels()) {
            throw new DeviceException("camera " + full.id() + ": ROI " + s.roiFirstPixel() + "+" + s.roiPixels()
                    + " exceeds the sensor's " + full.pixels() + " pixels");
        }
        if (full.bands() % s.spectralBinning() != 0) {
            throw new DeviceException("camera " + full.id() + ": " + full.bands() + " bands do not divide by spectral binning "
                    + s.spectralBinning());
        }
        return s;
    }

    /** Per-trigger buffers, so pixels reuse arrays instead of allocating. */
    private static final class PixelScratch {
        final double[] reflectance;
        private double[] local;
        /** What the last pixel given to {@link #reflectanceAt} saw. */
        PixelTruth truth;

        PixelScratch(int bands, int components) {
            reflectance = new double[bands];
            local = new double[components];
        }

        double[] local(int n) {
            if (local.length != n) {
                local = new double[n];
            }
            return local;
        }
    }
}
