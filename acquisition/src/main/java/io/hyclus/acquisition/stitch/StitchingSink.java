package io.hyclus.acquisition.stitch;

import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.core.spectral.SensorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stitching stage of the scan path, between calibration and publishing: passes every event on and adds the
 * {@link SensorKind#STITCHED} stream. A scan's start gains the stitched camera ({@link LineStitcher#setup()}) and the
 * stitch settings' provenance; the completion is preceded by the lines still waiting and counts the stitched lines,
 * with a degradation naming any VNIR line dropped for want of SWIR coverage. A scan without both cameras, or one
 * already stitched, passes through untouched. The live scanner and the capture replay both publish through it, so
 * both stitch the same way.
 *
 * <p>When the stitched lines begin with the VNIR's bands copied ({@link LineStitcher#sharedBands()}, the native grid),
 * each VNIR line is held until it is stitched and then passed on with its stitched line as one {@link StitchedPair},
 * so the shared values are encoded and sent once; a VNIR line that gets no stitched line is passed on alone, in its
 * place. Otherwise (a resampled grid) each VNIR or SWIR line is passed on at once, followed by the stitched lines it
 * releases. SWIR lines are always passed on at once.
 */
public final class StitchingSink implements ScanEventSink {
    private static final Logger LOG = LoggerFactory.getLogger(StitchingSink.class);
    /** Every degradation stitching records starts so. */
    static final String DEGRADATION_PREFIX = "stitching ";

    private final ScanEventSink delegate;
    private final StitchSettings settings;
    private LineStitcher stitcher;
    private String scanId;
    /** Passes each settled VNIR line on, with its stitched line as a pair when the two share bands. */
    private final LineStitcher.Settled pairs = new LineStitcher.Settled() {
        @Override
        public void stitched(Scanline vnir, Scanline stitched) {
            delegate.publish(new StitchedPair(vnir, stitched, stitcher.sharedBands()));
        }

        @Override
        public void factored(StitchedPair pair) { // as it is: its stitched line is built only if a consumer asks
            delegate.publish(pair);
        }

        @Override
        public void alone(Scanline vnir) {
            delegate.publish(vnir);
        }
    };
    /** Passes each stitched line on; the VNIR lines went on when they came. */
    private final LineStitcher.Settled separately;

    /** @param delegate where the scan's events, and the stitched lines, go on to */
    public StitchingSink(ScanEventSink delegate, StitchSettings settings) {
        this.delegate = delegate;
        this.settings = settings;
        this.separately = LineStitcher.only(delegate::publish);
    }

    /** {@code delegate} wrapped in stitching when {@code settings} is present, else {@code delegate} itself. */
    public static ScanEventSink around(ScanEventSink delegate, Optional<StitchSettings> settings) {
        return settings.<ScanEventSink>map(s -> new StitchingSink(delegate, s)).orElse(delegate);
    }

    @Override
    public void publish(ScanEvent event) {
        if (event instanceof ScanStarted s) {
            delegate.publish(start(s));
        } else if (event instanceof Scanline line) {
            if (stitcher == null || !line.scanId().equals(scanId)) {
                delegate.publish(line);
                return;
            }
            boolean paired = stitcher.sharedBands() > 0;
            if (!paired || line.camera() != SensorKind.VNIR) {
                delegate.publish(line);
            }
            stitcher.accept(line, paired ? pairs : separately);
        } else if (event instanceof ScanCompleted c && stitcher != null && c.scanId().equals(scanId)) {
            stitcher.finish(stitcher.sharedBands() > 0 ? pairs : separately);
            delegate.publish(complete(c));
            stitcher = null;
            scanId = null;
        } else {
            delegate.publish(event);
        }
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    private ScanStarted start(ScanStarted s) {
        stitcher = null;
        scanId = null;
        Optional<CameraSetup> v = s.camera(SensorKind.VNIR);
        Optional<CameraSetup> w = s.camera(SensorKind.SWIR);
        if (v.isEmpty() || w.isEmpty() || s.camera(SensorKind.STITCHED).isPresent()) {
            LOG.info("Scan {}: not stitched (cameras {})", s.scanId(),
                    s.cameras().stream().map(c -> c.sensor().kind()).toList());
            return s;
        }
        stitcher = new LineStitcher(v.get(), w.get(), settings);
        scanId = s.scanId();
        List<CameraSetup> cameras = new ArrayList<>(s.cameras());
        cameras.add(stitcher.setup());
        Map<String, String> provenance = new LinkedHashMap<>(s.provenance());
        provenance.putAll(settings.provenance().asMap());
        LOG.info("Scan {}: stitching VNIR and SWIR onto {} ({})", s.scanId(), stitcher.setup().sensor().grid(),
                settings.gridName());
        return new ScanStarted(s.scanId(), s.tray(), cameras, s.startedAt(), provenance);
    }

    /**
     * The start as the cameras recorded it: without the stitched camera and the stitch provenance, for a replay that
     * recalibrates the cameras' raw frames and stitches again.
     */
    public static ScanStarted camerasOnly(ScanStarted s) {
        if (s.camera(SensorKind.STITCHED).isEmpty()) {
            return s;
        }
        Map<String, String> provenance = new LinkedHashMap<>(s.provenance());
        provenance.keySet().removeIf(k -> k.startsWith(StitchSettings.PROVENANCE.name() + "."));
        return new ScanStarted(s.scanId(), s.tray(), s.cameras().stream()
                .filter(c -> c.sensor().kind() != SensorKind.STITCHED).toList(), s.startedAt(), provenance);
    }

    /** The completion as the cameras recorded it: without the stitched line count and the stitching degradations. */
    public static ScanCompleted camerasOnly(ScanCompleted c) {
        if (!c.linesPublished().containsKey(SensorKind.STITCHED)) {
            return c;
        }
        Map<SensorKind, Long> lines = new EnumMap<>(c.linesPublished());
        lines.remove(SensorKind.STITCHED);
        return new ScanCompleted(c.scanId(), lines, c.completedAt(),
                c.degradations().stream().filter(d -> !d.startsWith(DEGRADATION_PREFIX)).toList());
    }

    private ScanCompleted complete(ScanCompleted c) {
        Map<SensorKind, Long> lines = new EnumMap<>(SensorKind.class);
        lines.putAll(c.linesPublished());
        lines.put(SensorKind.STITCHED, stitcher.emitted());
        List<String> degradations = new ArrayList<>(c.degradations());
        if (stitcher.dropped() > 0) {
            degradations.add(DEGRADATION_PREFIX + "dropped " + stitcher.dropped() + " VNIR lines with no SWIR line within "
                    + settings.edgeToleranceMicrons() + " um");
        }
        if (stitcher.outOfOrder() > 0) {
            degradations.add(DEGRADATION_PREFIX + "ignored " + stitcher.outOfOrder() + " lines whose encoder position went back");
        }
        return new ScanCompleted(c.scanId(), lines, c.completedAt(), degradations);
    }
}
