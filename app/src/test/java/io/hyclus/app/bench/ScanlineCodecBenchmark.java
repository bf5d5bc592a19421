package io.hyclus.app.bench;

import com.github.luben.zstd.Zstd;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.acquisition.sync.SynchronisedScanner;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.app.rig.InProcessRig;
import io.hyclus.app.rig.RigSettings;
import io.hyclus.app.rig.SimulatedCampaign;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.simulator.campaign.TrayPlanner;
import io.hyclus.simulator.campaign.TrayPlanner.SimulatedTray;
import io.hyclus.simulator.scene.BeltScene;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The compact scanline codec against plain zstd and lz4 on the same lines: full-size simulated VNIR (1024 x 224) and
 * SWIR (384 x 288) lines of one campaign tray, calibrated as a scan calibrates them. For each codec: the size against
 * the float32 record, and MB/s of reflectance (4 bytes per value) both ways, the median of the passes, single-threaded.
 * zstd and lz4 compress the float32 record (ScanEventCodec.encode) and must give it back exactly; the compact codec is
 * lossy within half its quantisation step. Not a test: prints one JSON line per camera and codec.
 *
 * <p>Usage: {@code bench/scanline-codec.sh [PASSES]}.
 */
public final class ScanlineCodecBenchmark {
    private ScanlineCodecBenchmark() {
    }

    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Scanline> lines = scanLines();
        for (SensorKind k : SensorKind.values()) {
            List<Scanline> cam = lines.stream().filter(l -> l.camera() == k).toList();
            if (cam.isEmpty()) {
                continue;
            }
            List<byte[]> plain = cam.stream().map(ScanEventCodec::encode).toList();
            long rawBytes = cam.stream().mapToLong(l -> 4L * l.pixels() * l.bands()).sum();
            long plainBytes = plain.stream().mapToLong(b -> b.length).sum();
            System.out.printf(Locale.ROOT, "# %s: %d lines of %d x %d, float32 records %.1f MB%n", k, cam.size(),
                    cam.get(0).pixels(), cam.get(0).bands(), plainBytes / 1e6);
            report(k, "compact", passes, rawBytes, plainBytes, () -> {
                List<byte[]> out = new ArrayList<>(cam.size());
                for (Scanline l : cam) {
                    out.add(ScanEventCodec.encodeCompact(l));
                }
                return out;
            }, enc -> {
                for (byte[] b : enc) {
                    ScanEventCodec.decode(b, "bench");
                }
            });
            for (int level : new int[] {1, 3}) {
                report(k, "zstd-" + level, passes, rawBytes, plainBytes, () -> {
                    List<byte[]> out = new ArrayList<>(plain.size());
                    for (byte[] p : plain) {
                        out.add(Zstd.compress(p, level));
                    }
                    return out;
                }, enc -> {
                    for (int i = 0; i < enc.size(); i++) {
                        check(Zstd.decompress(enc.get(i), plain.get(i).length), plain.get(i));
                    }
                });
            }
            LZ4Compressor lz4 = LZ4Factory.fastestInstance().fastCompressor();
            LZ4FastDecompressor unlz4 = LZ4Factory.fastestInstance().fastDecompressor();
            report(k, "lz4", passes, rawBytes, plainBytes, () -> {
                List<byte[]> out = new ArrayList<>(plain.size());
                for (byte[] p : plain) {
                    out.add(lz4.compress(p));
                }
                return out;
            }, enc -> {
                for (int i = 0; i < enc.size(); i++) {
                    check(unlz4.decompress(enc.get(i), plain.get(i).length), plain.get(i));
                }
            });
            double worst = 0;
            for (Scanline l : cam) {
                Scanline back = (Scanline) ScanEventCodec.decode(ScanEventCodec.encodeCompact(l), "bench");
                float[] a = l.reflectance();
                float[] b = back.reflectance();
                for (int i = 0; i < a.length; i++) {
                    worst = Math.max(worst, Math.abs(a[i] - b[i]));
                }
            }
            System.out.printf(Locale.ROOT, "# %s compact: largest error %.3g reflectance%n", k, worst);
        }
    }

    private interface Encode {
        List<byte[]> run();
    }

    private interface Decode {
        void run(List<byte[]> encoded);
    }

    private static void report(SensorKind k, String codec, int passes, long rawBytes, long plainBytes, Encode e,
                               Decode d) {
        double[] enc = new double[passes];
        double[] dec = new double[passes];
        long size = 0;
        for (int p = 0; p < passes; p++) {
            long t0 = System.nanoTime();
            List<byte[]> out = e.run();
            long t1 = System.nanoTime();
            d.run(out);
            long t2 = System.nanoTime();
            enc[p] = rawBytes / ((t1 - t0) / 1e9) / 1e6;
            dec[p] = rawBytes / ((t2 - t1) / 1e9) / 1e6;
            size = out.stream().mapToLong(b -> b.length).sum();
        }
        System.out.printf(Locale.ROOT, "{\"camera\":\"%s\",\"codec\":\"%s\",\"bytes\":%d,\"float32_record_bytes\":%d,"
                        + "\"ratio\":%.3f,\"encode_mb_s\":%.1f,\"decode_mb_s\":%.1f,\"passes\":%d}%n", k, codec, size,
                plainBytes, (double) plainBytes / size, median(enc), median(dec), passes);
    }

    private static void check(byte[] got, byte[] want) {
        if (!Arrays.equals(got, want)) {
            throw new IllegalStateException("lossless codec did not give the record back");
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** One campaign tray of four samples, both cameras full size, 1 mm line pitch, calibrated. */
    private static List<Scanline> scanLines() {
        RigSettings rig = RigSettings.reference(1);
        Clock wall = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        SimulatedCampaign campaign = SimulatedCampaign.open(Optional.empty(), rig, wall);
        SimulatedTray tray = TrayPlanner.plan(campaign.samples().subList(0, 4), 4, "bench").get(0);
        BeltScene scene = campaign.scene(tray);
        SyncScanSettings scan = SyncScanSettings.defaults(50);
        List<Scanline> lines = new ArrayList<>();
        try (InProcessRig r = InProcessRig.start(rig, scene, scan.trayOriginMicrons(), campaign.spectra(),
                wall.instant())) {
            new SynchronisedScanner(scan, r.conveyor(), r.encoder(), r.cameras(), r.clock()).scan("bench-1",
                    tray.layout(), scene.whiteReferenceCentreMm(), campaign.provenance(tray), new ScanEventSink() {
                        @Override
                        public void publish(ScanEvent event) {
                            if (event instanceof Scanline l) {
                                lines.add(l);
                            }
                        }

                        @Override
                        public void flush() {
                        }
                    });
        }
        return lines;
    }
}
