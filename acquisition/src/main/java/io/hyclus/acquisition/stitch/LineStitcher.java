package io.hyclus.acquisition.stitch;

import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.PixelFlags;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchSource;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Stitches one scan's VNIR and SWIR lines into {@link SensorKind#STITCHED} lines, one 400-2500 nm spectrum per VNIR
 * pixel, on the VNIR's pixels, lines and geometry (docs/stitching.md). Lines are fed in the order acquisition
 * publishes them; each VNIR line waits until a SWIR line at or past its encoder position has arrived, then:
 * <ol>
 *   <li>along-track, the two SWIR lines bracketing its encoder position are interpolated linearly;</li>
 *   <li>across-track, the SWIR pixels overlapping each VNIR pixel's footprint are averaged by overlap length
 *       ({@link AcrossTrackWeights});</li>
 *   <li>spectrally, the SWIR spectrum is gain-matched to the VNIR in the overlap and the two joined onto the output grid
 *       ({@link SpectralJoin}).</li>
 * </ol>
 * A stitched pixel's flags are the OR of its VNIR pixel's and every contributing SWIR pixel's, plus
 * {@link PixelFlags#NOT_COVERED} when the SWIR camera sees less than half of it. A VNIR line before the first or after
 * the last SWIR line is stitched with that line if within {@link StitchSettings#edgeToleranceMicrons()} of it, else
 * dropped ({@link #dropped()}). At most {@value #MAX_BUFFERED} lines of either camera are held: beyond that the oldest
 * waiting VNIR line is settled as at the scan's end, and the oldest SWIR line is forgotten. Every weight and index is
 * computed once, in the constructor; nothing is allocated per pixel, and per line only a copy of each SWIR line's values
 * and the stitched line itself; when {@link #factored()} not the stitched line but its {@link StitchSource}'s tail values
 * and gains, in a {@link StitchedPair#factored} pair that builds the line if asked for. Not thread-safe: one per scan.
 */
public final class LineStitcher {
    /** The stitched line stream's sensor id. */
    public static final String SENSOR_ID = "stitched";
    /** 32 lines: a line waits for one or two lines of the other camera; 32 full-size VNIR lines hold ~29 MB. */
    static final int MAX_BUFFERED = 32;

    private final CameraSetup vnir;
    private final CameraSetup swir;
    private final CameraSetup stitched;
    private final StitchSettings settings;
    private final AcrossTrackWeights across;
    private final SpectralJoin join;
    private final int swirBands;
    private final ArrayDeque<SwirLine> swirLines = new ArrayDeque<>();
    private final ArrayDeque<Scanline> waiting = new ArrayDeque<>();
    private final float[] blend;
    private final float[] vLine;
    private final float[] sSpectrum;
    /** One SWIR pixel's spectrum, copied out for {@link #swirAt}. */
    private final float[] sPixel;
    private final int outValues;
    /** The SWIR band the stitched tail starts on when the tail is factored ({@link #factored()}), else -1. */
    private final int tailFrom;
    private final int tailBands;
    /** The across-track taps as a {@link StitchSource} holds them: the same arrays for every line of the scan. */
    private final int[] tapStart;
    private final int[] tapSource;
    private final float[] tapWeight;
    /**
     * The SWIR bands a pixel across two SWIR pixels needs weighted here: all of them when joined; when factored only
     * those the gain reads, as {@link StitchSource#tail} weights the tail's.
     */
    private final int weightFrom;
    private final int weightTo;
    private long lastVnirEncoder = Long.MIN_VALUE;
    private long emitted;
    private long dropped;
    private long outOfOrder;

    /** What becomes of each VNIR line the stitcher takes, told in the order the lines came. */
    public interface Settled {
        /** {@code vnir} was stitched: {@code stitched} is its stitched line. */
        void stitched(Scanline vnir, Scanline stitched);

        /**
         * {@code pair.vnir()} was stitched on a grid that lets the SWIR tail be factored ({@link #factored()}): the pair
         * holds the line's {@link StitchSource} and builds its stitched line only when asked for. By default the line
         * is built and handed to {@link #stitched}.
         */
        default void factored(StitchedPair pair) {
            stitched(pair.vnir(), pair.stitched());
        }

        /** {@code vnir} gets no stitched line: no SWIR line within the edge tolerance, or its position went back. */
        void alone(Scanline vnir);
    }

    /** One SWIR line as it arrived: values copied once, flags null when none is set. */
    private record SwirLine(long encoderMicrons, float[] values, byte[] flags) {
    }

    public LineStitcher(CameraSetup vnir, CameraSetup swir, StitchSettings settings) {
        this(vnir, swir, settings, true);
    }

    /** @param factor false: join every band as on a grid that cannot be factored (for tests comparing the two) */
    LineStitcher(CameraSetup vnir, CameraSetup swir, StitchSettings settings, boolean factor) {
        if (vnir.sensor().kind() != SensorKind.VNIR || swir.sensor().kind() != SensorKind.SWIR) {
            throw new IllegalArgumentException("stitching needs a VNIR and a SWIR camera, got " + vnir.sensor().kind()
                    + " and " + swir.sensor().kind());
        }
        this.vnir = vnir;
        this.swir = swir;
        this.settings = settings;
        this.across = AcrossTrackWeights.between(vnir.geometry(), vnir.sensor().pixels(), swir.geometry(),
                swir.sensor().pixels());
        this.join = new SpectralJoin(vnir.sensor().grid(), swir.sensor().grid(), settings);
        this.stitched = new CameraSetup(new Sensor(SENSOR_ID, SensorKind.STITCHED, join.output(), vnir.sensor().pixels()),
                vnir.geometry());
        this.swirBands = swir.sensor().bands();
        this.blend = new float[swir.sensor().pixels() * swirBands];
        this.vLine = new float[vnir.sensor().pixels() * vnir.sensor().bands()];
        this.sSpectrum = new float[swirBands];
        this.sPixel = new float[swirBands];
        this.outValues = vnir.sensor().pixels() * join.output().bands();
        this.tailFrom = factor && join.sharedVnirBands() == vnir.sensor().bands() ? join.swirTailFrom() : -1;
        this.tailBands = join.output().bands() - vnir.sensor().bands();
        this.weightFrom = tailFrom >= 0 ? join.swirMatchFrom() : 0;
        this.weightTo = tailFrom >= 0 ? join.swirMatchTo() : swirBands;
        int pixels = vnir.sensor().pixels();
        this.tapStart = new int[pixels + 1];
        for (int p = 0; p < pixels; p++) {
            tapStart[p + 1] = across.end(p);
        }
        this.tapSource = new int[tapStart[pixels]];
        this.tapWeight = new float[tapSource.length];
        for (int t = 0; t < tapSource.length; t++) {
            tapSource[t] = across.sourcePixel(t);
            tapWeight[t] = across.weight(t);
        }
    }

    /**
     * True when every stitched line is its VNIR line followed by SWIR bands scaled by a gain (the native grid, nothing
     * cross-faded): then each stitched line comes with its {@link StitchSource}, and its tail is what the source gives.
     */
    public boolean factored() {
        return tailFrom >= 0;
    }

    /** The stitched stream's camera: sensor {@value #SENSOR_ID} with the output grid, on the VNIR's geometry. */
    public CameraSetup setup() {
        return stitched;
    }

    public StitchSettings settings() {
        return settings;
    }

    /**
     * How many leading bands of a stitched line are its VNIR line's bands copied bit for bit: on the native grid every
     * VNIR band below the junction; on a uniform grid the bands it copies from VNIR band 0 on, 0 when its first band is
     * not VNIR band 0.
     */
    public int sharedBands() {
        return join.sharedVnirBands();
    }

    /** Takes one VNIR or SWIR line of the scan and hands every stitched line it releases to {@code sink}, in order. */
    public void accept(Scanline line, Consumer<Scanline> sink) {
        accept(line, only(sink));
    }

    /** Takes one VNIR or SWIR line of the scan and tells {@code settled} what became of every VNIR line it settles. */
    public void accept(Scanline line, Settled settled) {
        if (line.camera() == SensorKind.VNIR) {
            check(line, vnir);
            if (line.encoderMicrons() < lastVnirEncoder) {
                outOfOrder++;
                settled.alone(line);
                return;
            }
            lastVnirEncoder = line.encoderMicrons();
            waiting.addLast(line);
            if (waiting.size() > MAX_BUFFERED) {
                settle(waiting.pollFirst(), true, settled);
            }
        } else if (line.camera() == SensorKind.SWIR) {
            check(line, swir);
            if (!swirLines.isEmpty() && line.encoderMicrons() <= swirLines.peekLast().encoderMicrons()) {
                outOfOrder++;
                return;
            }
            swirLines.addLast(new SwirLine(line.encoderMicrons(), line.reflectance(),
                    line.flagged() ? line.pixelFlags() : null));
            if (swirLines.size() > MAX_BUFFERED) {
                swirLines.pollFirst();
            }
        } else {
            return;
        }
        release(false, settled);
    }

    /** The scan ended: settles every VNIR line still waiting (stitched with the last SWIR line, or dropped). */
    public void finish(Consumer<Scanline> sink) {
        finish(only(sink));
    }

    /** The scan ended: settles every VNIR line still waiting, telling {@code settled}. */
    public void finish(Settled settled) {
        release(true, settled);
    }

    /** Hands {@code sink} the stitched lines only. */
    static Settled only(Consumer<Scanline> sink) {
        return new Settled() {
            @Override
            public void stitched(Scanline vnir, Scanline stitched) {
                sink.accept(stitched);
            }

            @Override
            public void alone(Scanline vnir) {
            }
        };
    }

    /** Stitched lines handed on so far. */
    public long emitted() {
        return emitted;
    }

    /** VNIR lines dropped for want of a SWIR line within the edge tolerance. */
    public long dropped() {
        return dropped;
    }

    /** Lines ignored because their encoder position went backwards (a duplicate or out-of-order frame). */
    public long outOfOrder() {
        return outOfOrder;
    }

    private void release(boolean atEnd, Settled sink) {
        while (!waiting.isEmpty()) {
            if (!settle(waiting.peekFirst(), atEnd, sink)) {
                break;
            }
            waiting.pollFirst();
        }
        long keepFrom = waiting.isEmpty() ? lastVnirEncoder : waiting.peekFirst().encoderMicrons();
        while (swirLines.size() >= 2 && second().encoderMicrons() <= keepFrom) {
            swirLines.pollFirst();
        }
    }

    private SwirLine second() {
        Iterator<SwirLine> it = swirLines.iterator();
        it.next();
        return it.next();
    }

    /** Stitches {@code v} if its SWIR lines are known (or the scan is over); false while it must wait. */
    private boolean settle(Scanline v, boolean atEnd, Settled sink) {
        long e = v.encoderMicrons();
        SwirLine lower = null;
        SwirLine upper = null;
        for (SwirLine s : swirLines) {
            if (s.encoderMicrons() <= e) {
                lower = s;
            }
            if (s.encoderMicrons() >= e) {
                upper = s;
                break;
            }
        }
        if (upper == null && !atEnd) {
            return false;
        }
        if (lower != null && upper != null) {
            long span = upper.encoderMicrons() - lower.encoderMicrons();
            double alpha = span == 0 ? 0 : (double) (e - lower.encoderMicrons()) / span;
            stitch(v, lower, upper, (float) alpha, sink);
        } else {
            SwirLine only = lower != null ? lower : upper;
            if (only != null && Math.abs(only.encoderMicrons() - e) <= settings.edgeToleranceMicrons()) {
                stitch(v, only, only, 0f, sink);
            } else {
                dropped++;
                sink.alone(v);
            }
        }
        return true;
    }

    private void stitch(Scanline v, SwirLine lower, SwirLine upper, float alpha, Settled sink) {
        float[] swirValues = lower.values();
        if (alpha > 0) {
            float[] a = lower.values();
            float[] b = upper.values();
            for (int i = 0; i < blend.length; i++) {
                blend[i] = a[i] + alpha * (b[i] - a[i]);
            }
            swirValues = blend;
        }
        int outBands = join.output().bands();
        int vBands = v.bands();
        float[] gains = factored() ? new float[v.pixels()] : null;
        // factored: the stitched line is built only if asked for (StitchedPair.factored), so no values of its own here
        float[] out = gains == null ? new float[outValues] : null; // the line's own: it takes them uncopied
        byte[] flags = new byte[v.pixels()];
        for (int p = 0; p < flags.length; p++) {
            v.copyPixel(p, vLine, p * vBands);
        }
        for (int p = 0; p < flags.length; p++) {
            float[] s = sSpectrum;
            int sOffset = 0;
            if (across.end(p) - across.start(p) == 1) {
                s = swirValues; // inside one SWIR pixel: read its spectrum where it lies
                sOffset = across.sourcePixel(across.start(p)) * swirBands;
            } else {
                swirAt(p, swirValues, weightFrom, weightTo);
            }
            double vj = join.vnirAtJunction(vLine, p * vBands);
            double sj = join.swirAtJunction(s, sOffset);
            float g = gain(vj, sj);
            if (gains != null) { // the stitched values are the VNIR's and the source's tail
                gains[p] = g;
            } else {
                join.join(vLine, p * vBands, s, sOffset, g, out, p * outBands);
            }
            flags[p] = flagsOf(p, v, lower, alpha > 0 ? upper : null);
        }
        emitted++;
        if (gains != null) {
            int swirPixels = swirValues.length / swirBands;
            float[] tail = new float[swirPixels * tailBands]; // the source's own: lines are encoded on other threads
            for (int j = 0; j < swirPixels; j++) {
                System.arraycopy(swirValues, j * swirBands + tailFrom, tail, j * tailBands, tailBands);
            }
            sink.factored(StitchedPair.factored(v, flags,
                    new StitchSource(swirPixels, tailBands, tail, gains, tapStart, tapSource, tapWeight)));
            return;
        }
        sink.stitched(v, Scanline.owning(v.scanId(), SensorKind.STITCHED, v.lineIndex(), v.encoderMicrons(),
                v.acquiredAt(), flags.length, outBands, out, flags));
    }

    /**
     * The SWIR spectrum under VNIR pixel {@code p}, bands {@code [bFrom, bTo)}: its overlapping SWIR pixels weighted by
     * overlap.
     */
    private void swirAt(int p, float[] swirValues, int bFrom, int bTo) {
        int from = across.start(p);
        int to = across.end(p);
        // each SWIR pixel copied out first: with both arrays read at [b], C2 vectorises the loops (JDK 17 does not when
        // one float[] is read at an offset and another written)
        float[] src = sPixel;
        System.arraycopy(swirValues, across.sourcePixel(from) * swirBands + bFrom, src, bFrom, bTo - bFrom);
        float w = across.weight(from);
        for (int b = bFrom; b < bTo; b++) {
            sSpectrum[b] = w * src[b];
        }
        for (int t = from + 1; t < to; t++) {
            System.arraycopy(swirValues, across.sourcePixel(t) * swirBands + bFrom, src, bFrom, bTo - bFrom);
            w = across.weight(t);
            for (int b = bFrom; b < bTo; b++) {
                sSpectrum[b] += w * src[b];
            }
        }
    }

    /** SWIR-to-VNIR gain at the junction: their ratio, clamped; 1 when either is too dark or missing to judge. */
    float gain(double vnirAtJunction, double swirAtJunction) {
        double min = settings.minMatchReflectance();
        if (!(vnirAtJunction > min && swirAtJunction > min)) {
            return 1f;
        }
        return (float) Math.min(settings.maxGain(), Math.max(settings.minGain(), vnirAtJunction / swirAtJunction));
    }

    private byte flagsOf(int p, Scanline v, SwirLine lower, SwirLine upper) {
        int f = v.flags(p);
        for (int t = across.start(p); t < across.end(p); t++) {
            int j = across.sourcePixel(t);
            if (lower.flags() != null) {
                f |= lower.flags()[j];
            }
            if (upper != null && upper.flags() != null) {
                f |= upper.flags()[j];
            }
        }
        if (!across.covered(p)) {
            f |= PixelFlags.NOT_COVERED;
        }
        return (byte) f;
    }

    private static void check(Scanline line, CameraSetup camera) {
        if (line.pixels() != camera.sensor().pixels() || line.bands() != camera.sensor().bands()) {
            throw new IllegalArgumentException("line " + line.lineIndex() + " of scan " + line.scanId() + " from "
                    + line.camera() + " has " + line.pixels() + " pixels x " + line.bands() + " bands, but camera "
                    + camera.sensor().id() + " was announced with " + camera.sensor().pixels() + " x "
                    + camera.sensor().bands());
        }
    }
}
