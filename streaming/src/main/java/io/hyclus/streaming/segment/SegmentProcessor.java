package io.hyclus.streaming.segment;

import io.hyclus.container.ContainerException;
import io.hyclus.container.SampleContainer;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleContainerWriter;
import io.hyclus.container.SampleCube;
import io.hyclus.core.codec.CodecException;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.TraySlot;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts scans into samples. A scan's start is kept in a store; each line's pixels are split by slot into
 * fragments kept in another store; at the scan's completion every slot's fragments become one HDF5
 * container and a {@link SampleContainerWritten} record, the scan's state is removed and the scan is remembered as
 * completed. Records that cannot be decoded or do not fit their scan go to the dead-letter sink; processing
 * continues.
 *
 * <p>Completion is idempotent. Under exactly-once the removal of the fragments commits together with the input
 * offset, so a completion processed again after a crash finds its fragments and writes the same content again; any
 * event of a scan that completed (a start and completion sent twice) is dead-lettered and its containers stand; and a
 * container on disk is never replaced by one holding fewer spectra.
 *
 * <p>Refused and dead-lettered: undecodable records (a layout with overlapping slots fails to decode), a tray larger
 * than the belt ({@link SegmentationSettings#MAX_TRAY_WIDTH_MM}, {@link SegmentationSettings#MAX_TRAY_LENGTH_MM}),
 * events of a scan not started, and a line (camera, line index) of a scan received a second time. A container that
 * cannot be written (disk full) is not bad input: {@link ContainerWriteException} stops processing with the completion
 * not consumed.
 */
final class SegmentProcessor implements Processor<byte[], byte[], Object, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentProcessor.class);

    private final SegmentationSettings settings;
    private final InstantSource clock;
    private final SampleContainerWriter writer;
    private ProcessorContext<Object, Object> ctx;
    private ScanState state;

    SegmentProcessor(SegmentationSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        this.writer = new SampleContainerWriter(settings.outputDir());
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.ctx = context;
        this.state = new ScanState(context.getStateStore(SegmentationTopology.STARTS_STORE),
                context.getStateStore(SegmentationTopology.FRAGMENTS_STORE),
                context.getStateStore(SegmentationTopology.PROGRESS_STORE),
                context.getStateStore(SegmentationTopology.COMPLETED_STORE),
                context.getStateStore(SegmentationTopology.LINES_SEEN_STORE),
                context.getStateStore(SegmentationTopology.ACTIVITY_STORE));
        context.schedule(settings.abandonCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::closeAbandoned);
    }

    /**
     * Closes every open scan whose last event is {@link SegmentationSettings#abandonAfter()} old: its containers are
     * written from the lines that arrived, with the abandonment in their provenance, and its state is removed. A scan
     * with no recorded activity (kept from before this check existed) starts its clock now. Also forgets the scans
     * completed more than {@link SegmentationSettings#completedRetention()} ago, so the completed-scan markers do not
     * grow for ever.
     */
    void closeAbandoned(long nowMs) {
        int purged = state.purgeCompleted(nowMs, settings.completedRetention().toMillis());
        if (purged > 0) {
            LOG.info("Forgot {} scans completed more than {} ago (a repeat of their events now finds their containers, "
                    + "which are never shrunk)", purged, settings.completedRetention());
        }
        for (String scanId : state.openScans()) {
            Long last = state.lastActivity(scanId);
            if (last == null) {
                state.touch(scanId, nowMs);
                continue;
            }
            if (nowMs - last < settings.abandonAfter().toMillis()) {
                continue;
            }
            ScanStarted start = state.started(scanId);
            Instant lastEvent = Instant.ofEpochMilli(last);
            String why = "abandoned: no event for " + settings.abandonAfter().toSeconds() + " s after the last one at "
                    + lastEvent + " and no ScanCompleted; containers written from the lines that arrived";
            String where = "abandoned by segmentation at " + Instant.ofEpochMilli(nowMs);
            LOG.warn("Scan {}: {}", scanId, why);
            ScanCompleted closing = new ScanCompleted(scanId, Map.of(), Instant.ofEpochMilli(nowMs), List.of(why));
            String problem = onCompleted(start, closing, where);
            if (problem != null) {
                LOG.error("Scan {}: {}", scanId, problem);
            }
        }
    }

    @Override
    public void process(Record<byte[], byte[]> rec) {
        String where = DeadLetters.where(ctx);
        ScanEvent event;
        try {
            event = ScanEventCodec.decode(rec.value(), where);
        } catch (CodecException e) {
            String keyText = rec.key() == null ? null : new String(rec.key(), StandardCharsets.UTF_8);
            DeadLetters.send(ctx, rec, keyText == null ? e.getMessage() : "record of scan '" + keyText + "' (its key) at "
                    + e.getMessage(), SegmentationTopology.DEAD_LETTER_SINK);
            return;
        }
        String key = rec.key() == null ? null : new String(rec.key(), StandardCharsets.UTF_8);
        String problem = !event.scanId().equals(key)
                ? "record key '" + key + "' does not match scan id '" + event.scanId() + "' at " + where
                : handle(event, where);
        if (problem != null) {
            DeadLetters.send(ctx, rec, problem, SegmentationTopology.DEAD_LETTER_SINK);
        }
    }

    /** Returns why the event cannot be used, or null when it was used. */
    private String handle(ScanEvent event, String where) {
        String completedAt = state.completedAt(event.scanId());
        if (completedAt != null) {
            return event.getClass().getSimpleName() + " at " + where + ": scan " + event.scanId()
                    + " already completed at " + completedAt + "; its containers stand";
        }
        if (event instanceof ScanStarted s) {
            String tooLarge = largerThanBelt(s, where);
            if (tooLarge != null) {
                return tooLarge;
            }
            try {
                SegmentationProvenance.ofScan(s);
            } catch (IllegalArgumentException e) {
                return "start of scan " + s.scanId() + " at " + where + " carries bad provenance: " + e.getMessage();
            }
            state.start(s, where);
            state.touch(s.scanId(), ctx.currentSystemTimeMs());
            LOG.info("Scan {} started: tray {} with {} slots", s.scanId(), s.tray().trayId(), s.tray().slots().size());
            return null;
        }
        ScanStarted start = state.started(event.scanId());
        if (start == null) {
            return event.getClass().getSimpleName() + " of scan " + event.scanId() + " at " + where
                    + " arrived without a ScanStarted for that scan";
        }
        if (event instanceof Scanline line) {
            state.touch(line.scanId(), ctx.currentSystemTimeMs());
            return onLine(start, line, where);
        }
        if (event instanceof StitchedPair pair) { // its two lines, each as if it had come alone
            state.touch(pair.scanId(), ctx.currentSystemTimeMs());
            String vnir = onLine(start, pair.vnir(), where);
            String stitched = onLine(start, pair.stitched(), where);
            return vnir == null ? stitched : stitched == null ? vnir : vnir + "; " + stitched;
        }
        return onCompleted(start, (ScanCompleted) event, where);
    }

    /** Why the start's tray does not fit on the belt, or null. */
    private static String largerThanBelt(ScanStarted s, String where) {
        if (s.tray().widthMm() > SegmentationSettings.MAX_TRAY_WIDTH_MM
                || s.tray().lengthMm() > SegmentationSettings.MAX_TRAY_LENGTH_MM) {
            return "start of scan " + s.scanId() + " at " + where + ": tray " + s.tray().trayId() + " is "
                    + s.tray().widthMm() + " x " + s.tray().lengthMm() + " mm, larger than the belt's "
                    + SegmentationSettings.MAX_TRAY_WIDTH_MM + " x " + SegmentationSettings.MAX_TRAY_LENGTH_MM + " mm";
        }
        return null;
    }

    private String onLine(ScanStarted start, Scanline line, String where) {
        CameraSetup cam = start.camera(line.camera()).orElse(null);
        if (cam == null) {
            return "line " + line.lineIndex() + " of scan " + line.scanId() + " comes from camera " + line.camera()
                    + " which the scan's start does not list " + start.cameras().stream().map(c -> c.sensor().kind()).toList();
        }
        if (line.pixels() != cam.sensor().pixels() || line.bands() != cam.sensor().bands()) {
            return "line " + line.lineIndex() + " of scan " + line.scanId() + " is " + line.pixels() + " x "
                    + line.bands() + " but camera " + cam.sensor().id() + " was announced as " + cam.sensor().pixels()
                    + " x " + cam.sensor().bands();
        }
        String seenAt = state.lineReceivedAt(line.scanId(), line.camera(), line.lineIndex());
        if (seenAt != null) {
            return "line " + line.lineIndex() + " of camera " + line.camera() + " of scan " + line.scanId()
                    + " already received at " + seenAt + "; this copy at " + where + " is not used";
        }
        Map<Integer, int[]> bySlot = PixelAssigner.assign(start.tray(), cam.geometry(), line.pixels(),
                line.encoderMicrons(), settings.edgeMarginMm());
        bySlot.forEach((slot, pixels) -> state.putFragment(line.scanId(), line.camera(), slot, LineFragment.of(line, pixels)));
        state.countLine(line.scanId(), line.camera());
        state.lineReceived(line.scanId(), line.camera(), line.lineIndex(), where);
        return null;
    }

    /** Writes the scan's containers; returns why it cannot, the scan's state then being dropped. */
    private String onCompleted(ScanStarted start, ScanCompleted done, String where) {
        Provenance prov;
        try {
            prov = provenance(start, done, where);
        } catch (IllegalArgumentException e) {
            discard(start);
            LOG.error("Scan {}: no container written, its provenance cannot be recorded: {}", start.scanId(), e.getMessage());
            return "completion of scan " + start.scanId() + " at " + where + ": its provenance cannot be recorded, "
                    + "no container written: " + e.getMessage();
        }
        String shrinks = wouldShrink(start);
        if (shrinks != null) {
            discard(start);
            state.markCompleted(start.scanId(), where, ctx.currentSystemTimeMs());
            LOG.error("Scan {}: containers kept as they are, nothing rewritten: {}", start.scanId(), shrinks);
            return "completion of scan " + start.scanId() + " at " + where + ": " + shrinks + "; its containers stand";
        }
        for (TraySlot slot : start.tray().slots()) { // one sample in heap at a time
            write(start, slot, start.cameras().stream()
                    .map(cam -> ContainerAssembler.assemble(cam, slot.region(), settings.materialRule(),
                            state.fragments(start.scanId(), cam.sensor().kind(), slot.index())))
                    .toList(), prov, where);
        }
        // Only now, all written: under exactly-once these deletions commit with the completion's offset, so a crash
        // before the commit finds the fragments again.
        discard(start);
        state.markCompleted(start.scanId(), where, ctx.currentSystemTimeMs());
        return null;
    }

    /**
     * Writes one container. A failure (disk full, folder not writable) throws {@link ContainerWriteException}: the
     * completion is not consumed and no fragment is deleted, see there.
     */
    private void write(ScanStarted start, TraySlot slot, List<SampleCube> cubes, Provenance prov, String where) {
        Path file;
        try {
            file = writer.write(new SampleContainer(start.scanId(), start.tray().trayId(), slot, cubes, prov));
        } catch (ContainerException e) {
            throw ContainerWriteException.of(start.scanId(), slot.sample().sampleId(),
                    writer.fileFor(start.scanId(), slot.sample().sampleId()), where, e);
        }
        Map<SensorKind, Long> counts = counts(cubes);
        SampleContainerWritten written = new SampleContainerWritten(start.scanId(), slot.sample().sampleId(),
                file.toString(), counts, clock.instant());
        ctx.forward(new Record<Object, Object>(start.scanId() + "/" + slot.sample().sampleId(), written,
                ctx.currentSystemTimeMs()), SegmentationTopology.SAMPLES_SINK);
        LOG.info("Scan {}: wrote {} ({} spectra)", start.scanId(), file, counts);
    }

    /** Why writing the scan's fragments would replace a container on disk with one holding fewer spectra, or null. */
    private String wouldShrink(ScanStarted start) {
        for (TraySlot slot : start.tray().slots()) {
            Path existing = writer.fileFor(start.scanId(), slot.sample().sampleId());
            if (!Files.exists(existing)) {
                continue;
            }
            Map<SensorKind, Long> onDisk = SampleContainerReader.spectraCounts(existing);
            for (var c : onDisk.entrySet()) {
                long now = state.spectraCount(start.scanId(), c.getKey(), slot.index());
                if (c.getValue() > now) {
                    return existing + " holds " + c.getValue() + " " + c.getKey() + " spectra, the fragments in store only "
                            + now;
                }
            }
        }
        return null;
    }

    private static Map<SensorKind, Long> counts(List<SampleCube> cubes) {
        Map<SensorKind, Long> counts = new EnumMap<>(SensorKind.class);
        cubes.forEach(c -> counts.put(c.camera().sensor().kind(), (long) c.size()));
        return counts;
    }

    /** Removes the scan's fragments and state. */
    private void discard(ScanStarted start) {
        for (TraySlot slot : start.tray().slots()) {
            start.cameras().forEach(cam -> state.deleteFragments(start.scanId(), cam.sensor().kind(), slot.index()));
        }
        state.finish(start);
    }

    private Provenance provenance(ScanStarted start, ScanCompleted done, String where) {
        return SegmentationProvenance.of(start, done, settings, state.startedWhere(start.scanId()), where, clock.instant(),
                k -> state.linesReceived(start.scanId(), k));
    }
}
