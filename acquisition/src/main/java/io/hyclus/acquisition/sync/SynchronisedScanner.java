package io.hyclus.acquisition.sync;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.acquisition.calibration.RadiometricCalibration;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.hardware.conveyor.Conveyor;
import io.hyclus.hardware.conveyor.PositionEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Scans a tray with every camera in step: references over the white strip, then the belt runs at the set
 * speed and each camera is triggered whenever the encoder reaches the next line (pitch = speed / frame rate).
 * Frames are checked by sequence number and encoder position, counted for saturation, calibrated and published
 * between a start and a completion event whose degradations record what went wrong (repaired elements, late lines,
 * dropped or duplicated frames, saturated values). On any fault the belt is stopped, the completion records the
 * abort so the lines already published still reach their containers, and a {@link ScanAbortedException} says what
 * failed. The one scanner of HyClus: the demo runs it over an in-process rig, the campaign over the serial one.
 */
public final class SynchronisedScanner {
    private static final Logger LOG = LoggerFactory.getLogger(SynchronisedScanner.class);

    private final SyncScanSettings settings;
    private final Conveyor conveyor;
    private final PositionEncoder encoder;
    private final List<RigCamera> cameras;
    private final InstantSource clock;
    private final RawFrameTap tap;

    public SynchronisedScanner(SyncScanSettings settings, Conveyor conveyor, PositionEncoder encoder,
                               List<RigCamera> cameras, InstantSource clock) {
        this(settings, conveyor, encoder, cameras, clock, RawFrameTap.NONE);
    }

    /** @param tap also sees every camera's reference frames and every raw frame that is published (to keep them) */
    public SynchronisedScanner(SyncScanSettings settings, Conveyor conveyor, PositionEncoder encoder,
                               List<RigCamera> cameras, InstantSource clock, RawFrameTap tap) {
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("a scan needs at least one camera");
        }
        this.settings = settings;
        this.conveyor = conveyor;
        this.encoder = encoder;
        this.cameras = List.copyOf(cameras);
        this.clock = clock;
        this.tap = tap;
    }

    /** The line pitch the cameras' common frame rate and the belt speed give, micrometres. */
    public long linePitchMicrons() {
        double rate = cameras.get(0).settings().frameRateHz();
        for (RigCamera c : cameras) {
            if (c.settings().frameRateHz() != rate) {
                throw new AcquisitionException("cameras must share one frame rate to stay in step: "
                        + cameras.get(0).sensor().id() + " " + rate + " Hz, " + c.sensor().id() + " "
                        + c.settings().frameRateHz() + " Hz");
            }
        }
        return settings.linePitchMicrons(rate);
    }

    /**
     * Scans the tray whose leading edge is under the line at {@link SyncScanSettings#trayOriginMicrons()}.
     *
     * @param whiteReferenceYmm tray y of the white strip's middle (negative: ahead of the tray)
     * @param provenance        what produced the tray's data besides this scan (software version, simulator...);
     *                          the scan adds its {@link ScanKeys} and each camera's calibration
     */
    public ScanReport scan(String scanId, TrayLayout tray, double whiteReferenceYmm, Provenance provenance,
                           ScanEventSink sink) {
        long origin = settings.trayOriginMicrons();
        long pitch = linePitchMicrons();
        long lines = (long) Math.floor(tray.lengthMm() * 1000.0 / pitch);
        ScanRun run = new ScanRun(scanId, sink, cameras);
        try (Exposures exposures = new Exposures(cameras)) {
            prepare(origin + Math.round(whiteReferenceYmm * 1000));
            Map<String, RadiometricCalibration> cal = References.take(cameras, encoder.positionMicrons(),
                    settings.calibration(), run.monitors, tap);
            cal.values().forEach(c -> run.calibrationNotes.addAll(c.degradations()));
            sink.publish(new ScanStarted(scanId, tray, cameras.stream().map(RigCamera::setup).toList(), clock.instant(),
                    startProvenance(provenance, cal, pitch).asMap()));
            run.started = true;
            runLines(run, exposures, origin, pitch, lines, cal);
            conveyor.stop();
            stopAcquisition(null);
        } catch (RuntimeException e) {
            throw abort(run, e);
        }
        List<String> degradations = degradations(run);
        sink.publish(new ScanCompleted(scanId, run.published, clock.instant(), degradations));
        sink.flush();
        LOG.info("Scan {}: {} lines at {} um pitch from {} cameras", scanId, lines, pitch, cameras.size());
        return new ScanReport(scanId, lines, degradations);
    }

    private void prepare(long whiteAtMicrons) {
        for (RigCamera c : cameras) {
            c.control().apply(c.settings().withAcquiring(false));
        }
        conveyor.moveAbsoluteMm(whiteAtMicrons / 1000.0);
        conveyor.awaitIdle(settings.moveTimeout());
        cameras.forEach(c -> c.control().startAcquisition());
    }

    private void runLines(ScanRun run, Exposures exposures, long origin, long pitch, long lines,
                          Map<String, RadiometricCalibration> cal) {
        conveyor.moveAbsoluteMm((origin + pitch / 2 - settings.runUpMm() * 1000) / 1000.0);
        conveyor.awaitIdle(settings.moveTimeout());
        conveyor.moveAtVelocity(settings.beltSpeedMmPerSecond());
        for (long i = 0; i < lines; i++) {
            long target = origin + pitch / 2 + i * pitch;
            boolean late = awaitEncoder(target, i) - target > pitch;
            if (late) {
                run.late++;
            }
            List<RawFrame> frames = exposures.trigger(target);
            for (int k = 0; k < cameras.size(); k++) {
                RigCamera c = cameras.get(k);
                RawFrame f = frames.get(k);
                if (run.monitors.get(c.sensor().id()).check(f, target, i) == FrameSequenceMonitor.Verdict.USE) {
                    run.saturation.get(c.sensor().id()).add(f);
                    tap.frame(c, i, f);
                    run.sink.publish(cal.get(c.sensor().id()).apply(f, run.scanId, i));
                    run.published.merge(c.sensor().kind(), 1L, Long::sum);
                }
            }
            run.lines = i + 1;
            tap.lineDone(i, lines, late);
            if ((i + 1) % settings.monitorEveryLines() == 0) {
                monitor(run);
            }
        }
    }

    /** Reads every camera's temperature and the belt's state: a lost link or a warning flag surfaces here. */
    private void monitor(ScanRun run) {
        for (RigCamera c : cameras) {
            double celsius = c.control().temperatureCelsius();
            LOG.debug("Scan {}: {} at {} C after {} lines", run.scanId, c.sensor().id(), celsius, run.lines);
            tap.temperature(c, celsius);
        }
        conveyor.isBusy();
    }

    /** Waits until the encoder reaches {@code target} and returns the position read then. */
    private long awaitEncoder(long target, long line) {
        long deadline = System.nanoTime() + settings.lineTimeout().toNanos();
        long pos;
        while ((pos = encoder.positionMicrons()) < target) {
            if (System.nanoTime() > deadline) {
                conveyor.isBusy(); // a controller that latched a fault (stall, limit) says so, naming the flag
                throw new AcquisitionException("belt did not reach line " + line + " at " + target + " um within "
                        + settings.lineTimeout().toMillis() + " ms: encoder reads " + pos + " um (stalled or stopped)");
            }
            LockSupport.parkNanos(100_000);
        }
        return pos;
    }

    private ScanAbortedException abort(ScanRun run, RuntimeException cause) {
        try {
            conveyor.stop();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        stopAcquisition(cause);
        String what = "scan " + run.scanId + " aborted after " + run.lines + " lines: " + cause.getMessage();
        LOG.error("{}; belt stopped", what);
        if (run.started) {
            try {
                List<String> deg = new ArrayList<>(degradations(run));
                deg.add(0, what);
                run.sink.publish(new ScanCompleted(run.scanId, run.published, clock.instant(), deg));
                run.sink.flush();
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
        return new ScanAbortedException(what, run.lines, cause);
    }

    private void stopAcquisition(RuntimeException collector) {
        for (RigCamera c : cameras) {
            try {
                c.control().stopAcquisition();
            } catch (RuntimeException e) {
                if (collector == null) {
                    throw e;
                }
                collector.addSuppressed(e);
            }
        }
    }

    private Provenance startProvenance(Provenance provenance, Map<String, RadiometricCalibration> cal, long pitch) {
        Provenance.Builder b = Provenance.builder().putAll(provenance);
        cal.forEach((id, c) -> b.putAll(ProvenanceKeys.CALIBRATION.child(id), c.provenance()));
        b.put(ScanKeys.LINE_PITCH_UM, pitch);
        b.put(ScanKeys.BELT_SPEED_MM_S, settings.beltSpeedMmPerSecond());
        for (RigCamera c : cameras) {
            b.put(ScanKeys.CAMERA.child(c.sensor().id()), c.control().identity() + ", " + c.settings());
        }
        return b.build();
    }

    private static List<String> degradations(ScanRun run) {
        List<String> out = new ArrayList<>(run.calibrationNotes);
        if (run.late > 0) {
            out.add(run.late + " of " + run.lines + " lines were triggered more than one line pitch after the belt passed"
                    + " them (frames took longer than the line period)");
        }
        run.monitors.values().forEach(m -> out.addAll(m.degradations()));
        run.saturation.values().forEach(s -> out.addAll(s.degradations()));
        return out;
    }

    /** Mutable progress of one scan. */
    private static final class ScanRun {
        final String scanId;
        final ScanEventSink sink;
        final Map<SensorKind, Long> published = new EnumMap<>(SensorKind.class);
        final List<String> calibrationNotes = new ArrayList<>();
        final Map<String, FrameSequenceMonitor> monitors = new LinkedHashMap<>();
        final Map<String, SaturationCount> saturation = new LinkedHashMap<>();
        boolean started;
        long lines;
        long late;

        ScanRun(String scanId, ScanEventSink sink, List<RigCamera> cameras) {
            this.scanId = scanId;
            this.sink = sink;
            for (RigCamera c : cameras) {
                monitors.put(c.sensor().id(), new FrameSequenceMonitor(c.sensor().id()));
                saturation.put(c.sensor().id(), new SaturationCount(c.sensor().id()));
            }
        }
    }
}
