package io.hyclus.app.mask;

import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.acquisition.sync.SynchronisedScanner;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.app.rig.InProcessRig;
import io.hyclus.app.rig.RigSettings;
import io.hyclus.app.rig.SimulatedCampaign;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.MaterialClass;
import io.hyclus.core.spectral.MaterialRule;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.TraySlot;
import io.hyclus.simulator.camera.LineTruth;
import io.hyclus.simulator.camera.PixelTruth;
import io.hyclus.simulator.campaign.TrayPlanner;
import io.hyclus.simulator.campaign.TrayPlanner.SimulatedTray;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.scene.SimulatedSample;
import io.hyclus.streaming.segment.PixelAssigner;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures the material mask against the simulator's ground truth: scans one simulated tray in process with the
 * truth listener on, cuts every line into samples as the segmentation does ({@link PixelAssigner}, with a given edge
 * margin; a negative margin grows the regions over the walls and the tray floor), classifies each sample's spectra
 * with the rule and counts truth x class. A spectrum is truly the sample's material when its pixel saw lit sample
 * powder without a glint ({@link PixelTruth#SAMPLE}) and did not saturate.
 */
final class MaterialMaskEvaluation {
    /** Counts of one camera: [truth][class], plus truly-material saturated pixels counted in their own truth. */
    static final class Tally {
        final long[][] counts = new long[PixelTruth.values().length + 1][MaterialClass.values().length];
        static final int SATURATED_ROW = PixelTruth.values().length;

        void add(PixelTruth truth, boolean saturated, byte cls) {
            counts[saturated ? SATURATED_ROW : truth.ordinal()][cls]++;
        }

        long truePositive() {
            return counts[PixelTruth.SAMPLE.ordinal()][0];
        }

        long predictedPositive() {
            long k = 0;
            for (long[] row : counts) {
                k += row[0];
            }
            return k;
        }

        long actualPositive() {
            long k = 0;
            for (long c : counts[PixelTruth.SAMPLE.ordinal()]) {
                k += c;
            }
            return k;
        }

        double precision() {
            return (double) truePositive() / predictedPositive();
        }

        double recall() {
            return (double) truePositive() / actualPositive();
        }

        long truth(int row) {
            long k = 0;
            for (long c : counts[row]) {
                k += c;
            }
            return k;
        }

        String table() {
            StringBuilder b = new StringBuilder("| truth | spectra |");
            for (MaterialClass c : MaterialClass.values()) {
                b.append(' ').append(c.name().toLowerCase(Locale.ROOT)).append(" |");
            }
            b.append('\n').append("|---|---:|").append("---:|".repeat(MaterialClass.values().length)).append('\n');
            for (int r = 0; r < counts.length; r++) {
                if (truth(r) == 0) {
                    continue;
                }
                String name = r == SATURATED_ROW ? "saturated (any surface)" : PixelTruth.values()[r].name()
                        .toLowerCase(Locale.ROOT);
                b.append("| ").append(name).append(" | ").append(truth(r)).append(" |");
                for (long c : counts[r]) {
                    b.append(' ').append(c).append(" |");
                }
                b.append('\n');
            }
            return b.toString();
        }
    }

    record Result(Map<SensorKind, Tally> byCamera, long lines) {
    }

    /** As the segmentation takes the mask's references: from spectra this far inside the region. */
    static final double INTERIOR_MM = 6;

    private MaterialMaskEvaluation() {
    }

    /**
     * @param firstSample index of the tray's first sample in the campaign (the tray takes {@code samples} in order)
     */
    static Result run(long seed, int firstSample, int samples, int vnirPixels, double edgeMarginMm, MaterialRule rule) {
        RigSettings rigSettings = RigSettings.atFrameRate(vnirPixels, RigSettings.REFERENCE_VNIR_BANDS,
                RigSettings.REFERENCE_SWIR_PIXELS, RigSettings.REFERENCE_SWIR_BANDS, 50, seed);
        Clock wall = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        SimulatedCampaign campaign = SimulatedCampaign.open(Optional.empty(), rigSettings, wall);
        List<SimulatedSample> all = campaign.samples();
        SimulatedTray tray = TrayPlanner.plan(all.subList(firstSample, firstSample + samples), samples, "mask").get(0);
        BeltScene scene = campaign.scene(tray);
        SyncScanSettings scan = SyncScanSettings.defaults(50);
        Map<String, Map<Long, LineTruth>> truths = new ConcurrentHashMap<>();
        List<ScanEvent> events = new ArrayList<>();
        try (InProcessRig rig = InProcessRig.start(rigSettings, scene, scan.trayOriginMicrons(), campaign.spectra(),
                wall.instant())) {
            rig.truthListener(t -> truths.computeIfAbsent(t.cameraId(), k -> new ConcurrentHashMap<>())
                    .put(t.encoderMicrons(), t));
            SynchronisedScanner scanner = new SynchronisedScanner(scan, rig.conveyor(), rig.encoder(), rig.cameras(),
                    rig.clock());
            scanner.scan("mask-" + seed, tray.layout(), scene.whiteReferenceCentreMm(), campaign.provenance(tray),
                    new ScanEventSink() {
                        @Override
                        public void publish(ScanEvent event) {
                            events.add(event);
                        }

                        @Override
                        public void flush() {
                        }
                    });
        }
        ScanStarted start = (ScanStarted) events.get(0);
        Map<SensorKind, Tally> tallies = new EnumMap<>(SensorKind.class);
        long lines = 0;
        for (CameraSetup cam : start.cameras()) {
            // slot -> spectra, flags and truth of its pixels, over all lines
            Map<Integer, List<float[]>> spectra = new HashMap<>();
            Map<Integer, List<Byte>> flags = new HashMap<>();
            Map<Integer, List<PixelTruth>> truth = new HashMap<>();
            Map<Integer, List<Boolean>> saturated = new HashMap<>();
            Map<Integer, List<Boolean>> interior = new HashMap<>();
            for (ScanEvent e : events) {
                if (!(e instanceof Scanline line) || line.camera() != cam.sensor().kind()) {
                    continue;
                }
                lines++;
                LineTruth t = truths.get(cam.sensor().id()).get(line.encoderMicrons());
                Map<Integer, int[]> bySlot = PixelAssigner.assign(start.tray(), cam.geometry(), line.pixels(),
                        line.encoderMicrons(), edgeMarginMm);
                Map<Integer, int[]> inner = PixelAssigner.assign(start.tray(), cam.geometry(), line.pixels(),
                        line.encoderMicrons(), INTERIOR_MM);
                bySlot.forEach((slot, pixels) -> {
                    int[] in = inner.getOrDefault(slot, new int[0]);
                    for (int p : pixels) {
                        interior.computeIfAbsent(slot, k -> new ArrayList<>()).add(java.util.Arrays.binarySearch(in, p) >= 0);
                        float[] s = new float[line.bands()];
                        line.copyPixel(p, s, 0);
                        spectra.computeIfAbsent(slot, k -> new ArrayList<>()).add(s);
                        flags.computeIfAbsent(slot, k -> new ArrayList<>()).add(line.flags(p));
                        truth.computeIfAbsent(slot, k -> new ArrayList<>()).add(t.truth()[p]);
                        saturated.computeIfAbsent(slot, k -> new ArrayList<>()).add(t.saturated()[p]);
                    }
                });
            }
            Tally tally = new Tally();
            for (TraySlot slot : start.tray().slots()) {
                List<float[]> s = spectra.getOrDefault(slot.index(), List.of());
                byte[] f = new byte[s.size()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = flags.get(slot.index()).get(i);
                }
                boolean[] hint = new boolean[s.size()];
                for (int i = 0; i < hint.length; i++) {
                    hint[i] = interior.get(slot.index()).get(i);
                }
                byte[] cls = rule.score(s.toArray(new float[0][]), f, hint).codes();

                for (int i = 0; i < cls.length; i++) {
                    tally.add(truth.get(slot.index()).get(i), saturated.get(slot.index()).get(i), cls[i]);
                }
            }
            tallies.put(cam.sensor().kind(), tally);
        }
        return new Result(tallies, lines);
    }
}
