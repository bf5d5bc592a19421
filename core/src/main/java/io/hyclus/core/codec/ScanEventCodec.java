package io.hyclus.core.codec;

import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchSource;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes {@link ScanEvent}s and {@link SampleContainerWritten} notifications.
 *
 * <p>Layout: magic {@code HYCL} (4 bytes), format version (1 byte), type tag (1 byte), then the
 * record's fields in declaration order; big-endian; strings as UTF-8 with an int length; scanline
 * reflectance as float32. A decoder refuses other magics, versions and tags, and trailing bytes. Type tags: 1 scan
 * started, 2 scanline, 3 scan completed, 4 sample container written, 5 sample codes ({@link SampleCodesCodec}, which
 * shares this envelope), 6 sample map ({@link SampleMapCodec}), 7 scanline with per-pixel flags (a type 2 line followed by
 * its {@link io.hyclus.core.scan.PixelFlags} as a byte array, one per pixel; lines with no flag set are written as type
 * 2, so older readers read them), 8 compact scanline ({@link #encodeCompact}: the line's fields, its pixel flags as a
 * byte array (empty when none), then its reflectance as a {@link CompactReflectance} payload in a byte array), 9 raw
 * camera frame ({@link RawFrameCodec}: a scan's dark, white and line frames as raw counts, with a CRC-32C), 10 compact
 * stitched pair ({@link #encodeCompact} of a {@link StitchedPair}: the stitched line's fields, the VNIR line's band
 * count and the bands the two share, the VNIR and the stitched pixel flags as byte arrays, the stitched reflectance as
 * a {@link CompactReflectance} payload, then a second payload holding the VNIR line's unshared bands, empty when it
 * has none), 11 compact factored stitched pair ({@link #encodeCompact} of a {@link StitchedPair} with a
 * {@link StitchSource}: the stitched line's fields, the VNIR line's band count (all of them shared), the VNIR and the
 * stitched pixel flags as byte arrays, the VNIR reflectance as a {@link CompactReflectance} payload, then the source:
 * SWIR pixels and tail bands (ints), the SWIR values as a {@link CompactReflectance} payload, the gains (float32
 * array), each stitched pixel's tap count (byte array), the taps' SWIR pixels (uint16 array) and weights (float32
 * array); the stitched line's tail is computed from the decoded source by {@link StitchSource#tail}).
 */
public final class ScanEventCodec {
    static final int MAGIC = 0x4859434C;
    static final int VERSION = 1;
    private static final int STARTED = 1;
    private static final int LINE = 2;
    private static final int COMPLETED = 3;
    private static final int SAMPLE_WRITTEN = 4;
    private static final int FLAGGED_LINE = 7;
    private static final int COMPACT_LINE = 8;
    private static final int COMPACT_PAIR = 10;
    private static final int COMPACT_FACTORED_PAIR = 11;

    private ScanEventCodec() {
    }

    public static byte[] encode(ScanEvent event) {
        if (event instanceof Scanline l) {
            return encodeLine(l);
        }
        if (event instanceof ScanStarted s) {
            return encodeStarted(s);
        }
        if (event instanceof StitchedPair p) {
            throw new IllegalArgumentException("the stitched pair of scan " + p.scanId() + " line " + p.vnir().lineIndex()
                    + " has no float32 form: publish its two lines, or encode it compact");
        }
        return encodeCompleted((ScanCompleted) event);
    }

    /**
     * Decodes one scan event.
     *
     * @param where names the bytes' origin for error messages (e.g. topic/partition/offset)
     */
    public static ScanEvent decode(byte[] bytes, String where) {
        Reader r = header(bytes, where);
        int type = r.i8();
        try {
            ScanEvent e = switch (type) {
                case STARTED -> decodeStarted(r);
                case LINE -> decodeLine(r, false);
                case FLAGGED_LINE -> decodeLine(r, true);
                case COMPACT_LINE -> decodeCompactLine(r);
                case COMPACT_PAIR -> decodeCompactPair(r);
                case COMPACT_FACTORED_PAIR -> decodeFactoredPair(r);
                case COMPLETED -> decodeCompleted(r);
                default -> throw new CodecException(where + ": unknown scan event type " + type
                        + " (expected 1 start, 2 line, 3 completed, 7 flagged line, 8 compact line, 10 compact stitched"
                        + " pair, 11 compact factored stitched pair)");
            };
            r.end();
            return e;
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException ex) {
            throw new CodecException(where + ": decoded an invalid record: " + ex.getMessage(), ex);
        }
    }

    public static byte[] encode(SampleContainerWritten s) {
        Writer w = start(256, SAMPLE_WRITTEN);
        w.str(s.scanId()).str(s.sampleId()).str(s.file()).i32(s.spectra().size());
        s.spectra().forEach((k, v) -> w.str(k.name()).i64(v));
        instant(w, s.writtenAt());
        return w.toBytes();
    }

    public static SampleContainerWritten decodeSampleWritten(byte[] bytes, String where) {
        Reader r = header(bytes, where);
        int type = r.i8();
        if (type != SAMPLE_WRITTEN) {
            throw new CodecException(where + ": expected a sample-written record (type 4), found type " + type);
        }
        try {
            String scanId = r.str();
            String sampleId = r.str();
            String file = r.str();
            int n = count(r, "camera spectra counts");
            Map<SensorKind, Long> spectra = new EnumMap<>(SensorKind.class);
            for (int i = 0; i < n; i++) {
                spectra.put(kind(r, "sample-written record of scan " + scanId), r.i64());
            }
            SampleContainerWritten s = new SampleContainerWritten(scanId, sampleId, file, spectra, instant(r));
            r.end();
            return s;
        } catch (IllegalArgumentException ex) {
            throw new CodecException(where + ": decoded an invalid record: " + ex.getMessage(), ex);
        }
    }

    static Writer start(int capacity, int type) {
        return new Writer(capacity).i32(MAGIC).i8(VERSION).i8(type);
    }

    static Reader header(byte[] bytes, String where) {
        if (bytes == null) {
            throw new CodecException(where + ": null record value");
        }
        Reader r = new Reader(bytes, where);
        int magic = r.i32();
        if (magic != MAGIC) {
            throw new CodecException(String.format("%s: not a HyClus record: magic 0x%08X, expected 0x%08X", where,
                    magic, MAGIC));
        }
        int version = r.i8();
        if (version != VERSION) {
            throw new CodecException(where + ": unsupported format version " + version + ", this build reads " + VERSION);
        }
        return r;
    }

    private static byte[] encodeLine(Scanline l) {
        boolean flagged = l.flagged();
        Writer w = start(64 + l.scanId().length() + 4 * l.pixels() * l.bands() + (flagged ? 4 + l.pixels() : 0),
                flagged ? FLAGGED_LINE : LINE);
        w.str(l.scanId()).str(l.camera().name()).i64(l.lineIndex()).i64(l.encoderMicrons());
        instant(w, l.acquiredAt());
        w.i32(l.pixels()).i32(l.bands()).f32s(l.reflectance());
        if (flagged) {
            w.bytes(l.pixelFlags());
        }
        return w.toBytes();
    }

    /**
     * Encodes a scanline in the compact form (type 8): reflectance quantised to {@link CompactReflectance#STEP},
     * predicted and entropy coded, about a quarter of the float32 record's size (docs/scanline-codec.md). Decoding gives
     * each value within {@code STEP / 2} of the input. Other events are encoded as {@link #encode} does.
     */
    public static byte[] encodeCompact(ScanEvent event) {
        if (event instanceof StitchedPair p) {
            return encodeCompactPair(p);
        }
        if (!(event instanceof Scanline l)) {
            return encode(event);
        }
        String what = "scanline " + l.scanId() + "/" + l.lineIndex();
        byte[] payload = l.readValues(r -> CompactReflectance.encode(r, l.pixels(), l.bands(), what));
        Writer w = start(96 + l.scanId().length() + payload.length + l.pixels(), COMPACT_LINE);
        head(w, l);
        w.bytes(l.pixelFlags()).bytes(payload);
        return w.toBytes();
    }

    /** A stitched pair (type 10): the stitched line whole, of the VNIR line its flags and the bands not shared. */
    private static byte[] encodeCompactPair(StitchedPair p) {
        if (p.source() != null) {
            return encodeFactoredPair(p);
        }
        Scanline v = p.vnir();
        Scanline s = p.stitched();
        int shared = p.sharedBands();
        int rest = v.bands() - shared;
        String what = "stitched pair " + s.scanId() + "/" + s.lineIndex();
        byte[] stitched = s.readValues(r -> CompactReflectance.encode(r, s.pixels(), s.bands(), what));
        byte[] vnirRest = rest == 0 ? new byte[0] : v.readValues(
                r -> CompactReflectance.encode(r, v.bands(), shared, v.pixels(), rest, what + " (VNIR)"));
        Writer w = start(128 + s.scanId().length() + stitched.length + vnirRest.length + 2 * s.pixels(), COMPACT_PAIR);
        head(w, s);
        w.i32(v.bands()).i32(shared).bytes(v.pixelFlags()).bytes(s.pixelFlags()).bytes(stitched).bytes(vnirRest);
        return w.toBytes();
    }

    /** A stitched pair with its stitch source (type 11): the VNIR line whole, then the source of the stitched tail. */
    private static byte[] encodeFactoredPair(StitchedPair p) {
        Scanline v = p.vnir(); // the stitched line shares its fields; its values are not needed (nor built)
        StitchSource src = p.source();
        if (src.swirPixels() > 0xFFFF) {
            throw new IllegalArgumentException("the stitch source of pair " + v.scanId() + "/" + v.lineIndex() + " has "
                    + src.swirPixels() + " SWIR pixels, more than a factored pair holds (65535)");
        }
        String what = "stitched pair " + v.scanId() + "/" + v.lineIndex();
        byte[] vnir = v.readValues(r -> CompactReflectance.encode(r, v.pixels(), v.bands(), what + " (VNIR)"));
        byte[] swir = CompactReflectance.encode(src.swir(), src.swirPixels(), src.bands(), what + " (SWIR source)");
        int[] start = src.tapStart();
        byte[] counts = new byte[src.pixels()];
        for (int i = 0; i < counts.length; i++) {
            int n = start[i + 1] - start[i];
            if (n > 255) {
                throw new IllegalArgumentException(what + ": stitched pixel " + i + " has " + n + " taps, more than a"
                        + " factored pair holds (255)");
            }
            counts[i] = (byte) n;
        }
        short[] taps = new short[src.sourcePixel().length];
        for (int t = 0; t < taps.length; t++) {
            taps[t] = (short) src.sourcePixel()[t];
        }
        Writer w = start(160 + v.scanId().length() + vnir.length + swir.length + 2 * v.pixels() + 5 * src.pixels()
                + 6 * taps.length, COMPACT_FACTORED_PAIR);
        head(w, v.scanId(), SensorKind.STITCHED, v.lineIndex(), v.encoderMicrons(), v.acquiredAt(), v.pixels(),
                p.stitchedBands());
        w.i32(v.bands()).bytes(v.pixelFlags()).bytes(p.stitchedFlags()).bytes(vnir);
        w.i32(src.swirPixels()).i32(src.bands()).bytes(swir).f32s(src.gains()).bytes(counts).u16s(taps)
                .f32s(src.weight());
        return w.toBytes();
    }

    private static void head(Writer w, Scanline l) {
        head(w, l.scanId(), l.camera(), l.lineIndex(), l.encoderMicrons(), l.acquiredAt(), l.pixels(), l.bands());
    }

    private static void head(Writer w, String scanId, SensorKind camera, long line, long encoder, Instant time,
                             int pixels, int bands) {
        w.str(scanId).str(camera.name()).i64(line).i64(encoder);
        instant(w, time);
        w.i32(pixels).i32(bands);
    }

    /** The fields every scanline type starts with, in their encoded order. */
    private record LineHead(String scanId, SensorKind camera, long line, long encoder, Instant time, int pixels,
                            int bands) {
        static LineHead read(Reader r) {
            String scanId = r.str();
            SensorKind camera = kind(r, "scanline of scan " + scanId);
            return new LineHead(scanId, camera, r.i64(), r.i64(), instant(r), r.i32(), r.i32());
        }

        /** The line of these fields, holding the decoded arrays themselves. */
        Scanline with(float[] reflectance, byte[] flags) {
            return Scanline.owning(scanId, camera, line, encoder, time, pixels, bands, reflectance, flags);
        }
    }

    private static Scanline decodeCompactLine(Reader r) {
        LineHead h = LineHead.read(r);
        if (h.pixels() <= 0 || h.bands() <= 0 || (long) h.pixels() * h.bands() > Integer.MAX_VALUE / 4) {
            throw new CodecException(r.where() + ": compact line of scan " + h.scanId() + " claims " + h.pixels()
                    + " pixels x " + h.bands() + " bands");
        }
        byte[] flags = r.bytes();
        return h.with(CompactReflectance.decode(r.bytes(), h.pixels(), h.bands(), r.where() + " (scan " + h.scanId()
                + " line " + h.line() + ")"), flags);
    }

    private static StitchedPair decodeCompactPair(Reader r) {
        LineHead h = LineHead.read(r);
        int vnirBands = r.i32();
        int shared = r.i32();
        String where = r.where() + " (stitched pair of scan " + h.scanId() + " line " + h.line() + ")";
        if (h.camera() != SensorKind.STITCHED || h.pixels() <= 0 || h.bands() <= 0 || vnirBands <= 0
                || shared < 1 || shared > Math.min(vnirBands, h.bands())
                || (long) h.pixels() * Math.max(h.bands(), vnirBands) > Integer.MAX_VALUE / 4) {
            throw new CodecException(where + ": claims a " + h.camera() + " line of " + h.pixels() + " pixels x "
                    + h.bands() + " bands with a VNIR line of " + vnirBands + " bands, " + shared + " of them shared");
        }
        byte[] vnirFlags = r.bytes();
        byte[] stitchedFlags = r.bytes();
        float[] stitched = CompactReflectance.decode(r.bytes(), h.pixels(), h.bands(), where);
        int rest = vnirBands - shared;
        byte[] restPayload = r.bytes();
        float[] restValues = rest == 0 ? new float[0] : CompactReflectance.decode(restPayload, h.pixels(), rest,
                where + " (VNIR bands " + shared + "-" + (vnirBands - 1) + ")");
        if (rest == 0 && restPayload.length != 0) {
            throw new CodecException(where + ": " + restPayload.length + " bytes of VNIR bands follow, but all "
                    + vnirBands + " are shared");
        }
        float[] vnir = new float[h.pixels() * vnirBands];
        for (int p = 0; p < h.pixels(); p++) {
            System.arraycopy(stitched, p * h.bands(), vnir, p * vnirBands, shared);
            System.arraycopy(restValues, p * rest, vnir, p * vnirBands + shared, rest);
        }
        Scanline v = Scanline.owning(h.scanId(), SensorKind.VNIR, h.line(), h.encoder(), h.time(), h.pixels(), vnirBands,
                vnir, vnirFlags);
        return new StitchedPair(v, h.with(stitched, stitchedFlags), shared);
    }

    private static StitchedPair decodeFactoredPair(Reader r) {
        LineHead h = LineHead.read(r);
        int vnirBands = r.i32();
        String where = r.where() + " (factored stitched pair of scan " + h.scanId() + " line " + h.line() + ")";
        if (h.camera() != SensorKind.STITCHED || h.pixels() <= 0 || vnirBands <= 0 || h.bands() <= vnirBands
                || (long) h.pixels() * h.bands() > Integer.MAX_VALUE / 4) {
            throw new CodecException(where + ": claims a " + h.camera() + " line of " + h.pixels() + " pixels x "
                    + h.bands() + " bands with a VNIR line of " + vnirBands + " bands");
        }
        byte[] vnirFlags = r.bytes();
        byte[] stitchedFlags = r.bytes();
        float[] vnir = CompactReflectance.decode(r.bytes(), h.pixels(), vnirBands, where + " (VNIR)");
        int swirPixels = r.i32();
        int tailBands = r.i32();
        if (swirPixels <= 0 || swirPixels > 0xFFFF || tailBands != h.bands() - vnirBands) {
            throw new CodecException(where + ": claims a stitch source of " + swirPixels + " SWIR pixels x " + tailBands
                    + " bands for the " + (h.bands() - vnirBands) + " bands after the VNIR's");
        }
        float[] swir = CompactReflectance.decode(r.bytes(), swirPixels, tailBands, where + " (SWIR source)");
        float[] gains = r.f32s();
        byte[] counts = r.bytes();
        short[] taps = r.u16s();
        float[] weights = r.f32s();
        if (gains.length != h.pixels() || counts.length != h.pixels()) {
            throw new CodecException(where + ": " + gains.length + " gains and " + counts.length + " tap counts for "
                    + h.pixels() + " pixels");
        }
        int[] start = new int[h.pixels() + 1];
        for (int i = 0; i < counts.length; i++) {
            start[i + 1] = start[i] + (counts[i] & 0xFF);
        }
        int[] sourcePixel = new int[taps.length];
        for (int t = 0; t < taps.length; t++) {
            sourcePixel[t] = taps[t] & 0xFFFF;
        }
        StitchSource source = new StitchSource(swirPixels, tailBands, swir, gains, start, sourcePixel, weights);
        Scanline v = Scanline.owning(h.scanId(), SensorKind.VNIR, h.line(), h.encoder(), h.time(), h.pixels(), vnirBands,
                vnir, vnirFlags);
        StitchedPair pair = StitchedPair.factored(v, stitchedFlags, source);
        pair.stitched(); // built here, so that a tail that is not finite (a corrupt gain) is refused as this record
        return pair;
    }

    private static Scanline decodeLine(Reader r, boolean flagged) {
        LineHead h = LineHead.read(r);
        float[] reflectance = r.f32s();
        return h.with(reflectance, flagged ? r.bytes() : new byte[0]);
    }

    private static byte[] encodeStarted(ScanStarted s) {
        Writer w = start(4096, STARTED);
        w.str(s.scanId());
        TrayLayout t = s.tray();
        w.str(t.trayId()).f64(t.widthMm()).f64(t.lengthMm()).i32(t.slots().size());
        for (TraySlot slot : t.slots()) {
            SampleMetadata m = slot.sample();
            w.i32(slot.index()).str(m.sampleId()).str(m.plant()).str(m.month().toString()).str(m.fraction().name());
            RegionMm g = slot.region();
            w.f64(g.x0()).f64(g.y0()).f64(g.x1()).f64(g.y1());
        }
        w.i32(s.cameras().size());
        for (CameraSetup c : s.cameras()) {
            Sensor sensor = c.sensor();
            w.str(sensor.id()).str(sensor.kind().name()).i32(sensor.pixels());
            w.f64s(sensor.grid().centresNm()).f64s(sensor.grid().fwhmNm());
            AcrossTrackGeometry geo = c.geometry();
            w.f64(geo.firstPixelCentreMm()).f64(geo.pixelPitchMm()).i64(geo.trayOriginEncoderMicrons());
        }
        instant(w, s.startedAt());
        strings(w, s.provenance());
        return w.toBytes();
    }

    private static ScanStarted decodeStarted(Reader r) {
        String scanId = r.str();
        String trayId = r.str();
        double width = r.f64();
        double length = r.f64();
        int nSlots = count(r, "slots");
        List<TraySlot> slots = new ArrayList<>(nSlots);
        for (int i = 0; i < nSlots; i++) {
            int index = r.i32();
            SampleMetadata m = new SampleMetadata(r.str(), r.str(), YearMonth.parse(r.str()),
                    GrainSizeFraction.valueOf(r.str()));
            slots.add(new TraySlot(index, m, new RegionMm(r.f64(), r.f64(), r.f64(), r.f64())));
        }
        int nCams = count(r, "cameras");
        List<CameraSetup> cams = new ArrayList<>(nCams);
        for (int i = 0; i < nCams; i++) {
            String id = r.str();
            SensorKind kind = kind(r, "camera " + id + " of scan " + scanId);
            int pixels = r.i32();
            WavelengthGrid grid = new WavelengthGrid(r.f64s(), r.f64s());
            cams.add(new CameraSetup(new Sensor(id, kind, grid, pixels),
                    new AcrossTrackGeometry(r.f64(), r.f64(), r.i64())));
        }
        Instant started = instant(r);
        return new ScanStarted(scanId, new TrayLayout(trayId, width, length, slots), cams, started, strings(r));
    }

    private static byte[] encodeCompleted(ScanCompleted c) {
        Writer w = start(256, COMPLETED);
        w.str(c.scanId()).i32(c.linesPublished().size());
        c.linesPublished().forEach((k, v) -> w.str(k.name()).i64(v));
        instant(w, c.completedAt());
        w.i32(c.degradations().size());
        c.degradations().forEach(w::str);
        return w.toBytes();
    }

    private static ScanCompleted decodeCompleted(Reader r) {
        String scanId = r.str();
        int n = count(r, "camera line counts");
        Map<SensorKind, Long> lines = new EnumMap<>(SensorKind.class);
        for (int i = 0; i < n; i++) {
            lines.put(kind(r, "line counts of scan " + scanId), r.i64());
        }
        Instant t = instant(r);
        int nd = count(r, "degradations");
        List<String> deg = new ArrayList<>(nd);
        for (int i = 0; i < nd; i++) {
            deg.add(r.str());
        }
        return new ScanCompleted(scanId, lines, t, deg);
    }

    private static void strings(Writer w, Map<String, String> map) {
        w.i32(map.size());
        map.forEach((k, v) -> w.str(k).str(v));
    }

    private static Map<String, String> strings(Reader r) {
        int n = count(r, "provenance entries");
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(r.str(), r.str());
        }
        return map;
    }

    static void instant(Writer w, Instant t) {
        w.i64(t.getEpochSecond()).i32(t.getNano());
    }

    static Instant instant(Reader r) {
        return Instant.ofEpochSecond(r.i64(), r.i32());
    }

    static int count(Reader r, String what) {
        int at = r.offset();
        int n = r.i32();
        if (n < 0 || n > 100_000) {
            throw new CodecException(r.where() + ": count of " + what + " at offset " + at + " is out of range: " + n);
        }
        return n;
    }

    /** Reads a camera kind; an unknown one names the record's origin, what it belongs to and its offset. */
    static SensorKind kind(Reader r, String of) {
        int at = r.offset();
        String name = r.str();
        try {
            return SensorKind.valueOf(name);
        } catch (IllegalArgumentException ex) {
            throw new CodecException(r.where() + ": unknown camera kind '" + name + "' in the " + of + " at offset " + at
                    + ", expected one of " + java.util.Arrays.toString(SensorKind.values()), ex);
        }
    }
}
