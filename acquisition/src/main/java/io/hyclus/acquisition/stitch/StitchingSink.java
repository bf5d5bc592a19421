package io.hyclus.acquisition.stitch;

import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.SensorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The stitching stage of the scan path, between calibration and publishing: passes every event on unchanged and adds
 * the {@link SensorKind#STITCHED} stream. A scan's start gains the stitched camera ({@link LineStitcher#setup()}) and
 * the stitch settings' provenance; each calibrated VNIR or SWIR line is followed by the stitched lines it releases;
 * the completion is preceded by the lines still waiting and counts the stitched lines, with a degradation naming any
 * VNIR line dropped for want of SWIR coverage. A scan without both cameras, or one already stitched, passes through
 * untouched. The live scanner and the capture replay both publish through it, so both stitch the same way.
 */
public final class StitchingSink implements ScanEventSink {
    private static final Logger LOG = LoggerFactory.getLogger(StitchingSink.class);
    /** Every degradation stitching records starts so. */
    static final String DEGRADATION_PREFIX = "stitching ";

    private final ScanEventSink delegate;
    private final StitchSettings settings;
    private final Consumer<Scanline> publishLine;
    private LineStitcher stitcher;
    private String scanId;

    /** @param delegate where the scan's events, and the stitched lines, go on to */
    public StitchingSink(ScanEventSink delegate, StitchSettings settings) {
        this.delegate = delegate;
        this.settings = settings;
        this.publishLine = delegate::publish;
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
            delegate.publish(line);
            if (stitcher != null && line.scanId().equals(scanId)) {
                stitcher.accept(line, publishLine);
            }
        } else if (event instanceof ScanCompleted c && stitcher != null && c.scanId().equals(scanId)) {
            stitcher.finish(publishLine);
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
