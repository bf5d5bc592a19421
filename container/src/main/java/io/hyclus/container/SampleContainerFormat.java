package io.hyclus.container;

import io.hyclus.core.spectral.MaterialClass;
import io.hyclus.core.spectral.SensorKind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every name and version of the sample container, the one home the writer, the reader and
 * {@code docs/container-format.md} take them from.
 *
 * <pre>
 * /                        root attributes: format, sample_id, plant, month, grain_size_fraction, scan_id, tray_id,
 *                          slot_index (int32), sample_region_mm (float64 [4]: x0, y0, x1, y1)
 * /provenance              one text attribute per provenance entry (key = attribute name)
 * /&lt;camera&gt;                 (vnir, swir, and stitched when acquisition stitched the scan, docs/stitching.md)
 *                          attributes sensor_id, sensor_kind, spectra (int64, N)
 * /&lt;camera&gt;/wavelength_nm   float64 [bands], band centres, units "nm"        (always, from /2)
 * /&lt;camera&gt;/fwhm_nm         float64 [bands], band widths, units "nm"         (always, from /2)
 * /&lt;camera&gt;/spectra         float32 [N x bands], reflectance, units "reflectance"   (only when N &gt; 0)
 * /&lt;camera&gt;/line_index      int64 [N], scan line of each spectrum             (only when N &gt; 0)
 * /&lt;camera&gt;/pixel_index     int32 [N], camera pixel of each spectrum          (only when N &gt; 0)
 * /&lt;camera&gt;/position_mm     float64 [N x 2], tray x, y of each spectrum, units "mm" (only when N &gt; 0)
 * /&lt;camera&gt;/hsi_data        float32 [H x W x bands], the spectra as an image (row = scan line, column = camera
 *                          pixel, NaN where no spectrum of the sample), units "reflectance", attributes
 *                          first_line_index (int64), first_pixel_index (int32)  (from /3, only when N &gt; 0)
 * /&lt;camera&gt;/hsi_mask        uint8 [H x W], 1 where hsi_data holds a spectrum of the sample, else 0 (from /3, N &gt; 0)
 * /&lt;camera&gt;/material        uint8 [N], the material mask's class of each spectrum: 0 material, 1 flagged, 2 dark,
 *                          3 bright, 4 off-spectrum (MaterialClass); attribute classes (text); the rule is in the
 *                          provenance (segmentation.material_rule)  (from /4, only when N &gt; 0)
 * </pre>
 * From /3 the per-spectrum datasets and the cube are chunked, shuffled and deflated ({@link ContainerStorage}); file
 * and directory names are {@link SafeFileNames} of the sample and scan ids.
 */
public final class SampleContainerFormat {
    /** Format /1: a camera with no spectra is a group with attributes only (which jhdf 0.13.0 may write unreadably). */
    public static final String FORMAT_V1 = "hyclus-sample-container/1";
    /** Format /2: as /1, but every camera group also holds wavelength_nm and fwhm_nm, even with no spectra. */
    public static final String FORMAT_V2 = "hyclus-sample-container/2";
    /**
     * Format /3: as /2, plus per camera with spectra the cube {@code hsi_data} and its mask {@code hsi_mask}; large
     * datasets chunked with shuffle + deflate; file and directory names made safe ({@link SafeFileNames}).
     */
    public static final String FORMAT_V3 = "hyclus-sample-container/3";
    /**
     * Format /4: as /3, plus per camera with spectra the material mask's class of every spectrum ({@code material});
     * spectra that are not the sample's material stay in the file, marked.
     */
    public static final String FORMAT_V4 = "hyclus-sample-container/4";
    /** What the writer writes. */
    public static final String CURRENT = FORMAT_V4;
    /** What the reader accepts, oldest first. */
    public static final List<String> READABLE = List.of(FORMAT_V1, FORMAT_V2, FORMAT_V3, FORMAT_V4);

    /** Whether a file of {@code format} holds {@link #HSI_DATA} and {@link #HSI_MASK} (from /3). */
    public static boolean hasCube(String format) {
        return FORMAT_V3.equals(format) || FORMAT_V4.equals(format);
    }

    /**
     * A container's file name is {@code SafeFileNames.of(sampleId)}{@value}, in the directory
     * {@code <outputDir>/SafeFileNames.of(scanId)}.
     */
    public static final String FILE_SUFFIX = ".h5";
    /** Suffix of the temporary file written before the atomic move into place. */
    public static final String PARTIAL_SUFFIX = ".h5.partial";
    /**
     * Suffix of the live encoder's codes file beside a container ({@code <sample>.codes.h5}, analysis.live.CodesFile):
     * it ends in {@value #FILE_SUFFIX} too but is not a container.
     */
    public static final String CODES_SUFFIX = ".codes.h5";

    /** True for a sample container's file name ({@value #FILE_SUFFIX}), false for its siblings ({@value #CODES_SUFFIX}). */
    public static boolean isContainerFile(java.nio.file.Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(FILE_SUFFIX) && !name.endsWith(CODES_SUFFIX);
    }

    // Root attributes.
    public static final String FORMAT = "format";
    public static final String SAMPLE_ID = "sample_id";
    public static final String PLANT = "plant";
    /** Month the composite sample covers, {@code YYYY-MM}. */
    public static final String MONTH = "month";
    /** Grain-size fraction label as printed on sample bags ({@code Minus 100}). */
    public static final String GRAIN_SIZE_FRACTION = "grain_size_fraction";
    public static final String SCAN_ID = "scan_id";
    public static final String TRAY_ID = "tray_id";
    public static final String SLOT_INDEX = "slot_index";
    /** Sample surface on the tray, mm: {@code [x0, y0, x1, y1]}. */
    public static final String SAMPLE_REGION_MM = "sample_region_mm";

    /** Group holding one text attribute per provenance entry. */
    public static final String PROVENANCE = "provenance";

    // Camera group attributes.
    public static final String SENSOR_ID = "sensor_id";
    /** {@link SensorKind} name: {@code VNIR}, {@code SWIR}, {@code STITCHED}. */
    public static final String SENSOR_KIND = "sensor_kind";
    /** Number of spectra N (attribute of the camera group; also the name of the spectra dataset). */
    public static final String SPECTRA_COUNT = "spectra";

    // Camera datasets.
    public static final String SPECTRA = "spectra";
    public static final String WAVELENGTH_NM = "wavelength_nm";
    public static final String FWHM_NM = "fwhm_nm";
    public static final String LINE_INDEX = "line_index";
    public static final String PIXEL_INDEX = "pixel_index";
    public static final String POSITION_MM = "position_mm";
    /** The spectra as an H x W x bands image (from /3). */
    public static final String HSI_DATA = "hsi_data";
    /** uint8 H x W, 1 where {@link #HSI_DATA} holds a spectrum of the sample (from /3). */
    public static final String HSI_MASK = "hsi_mask";
    /** uint8 [N], the material mask's class code of each spectrum (from /4). */
    public static final String MATERIAL = "material";
    /** Attribute of {@link #MATERIAL}: the class codes, {@code 0 material, 1 saturated, ...}. */
    public static final String MATERIAL_CLASSES = "classes";

    /** The text of {@link #MATERIAL_CLASSES}: every {@link MaterialClass} code and name. */
    public static String materialClasses() {
        StringBuilder b = new StringBuilder();
        for (MaterialClass c : MaterialClass.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(c.code()).append(' ')
                    .append(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return b.toString();
    }
    /** Attribute of {@link #HSI_DATA}: scan line of row 0 (int64). */
    public static final String FIRST_LINE_INDEX = "first_line_index";
    /** Attribute of {@link #HSI_DATA}: camera pixel of column 0 (int32). */
    public static final String FIRST_PIXEL_INDEX = "first_pixel_index";

    // Dataset attribute for units and its values.
    public static final String UNITS = "units";
    public static final String UNITS_REFLECTANCE = "reflectance";
    public static final String UNITS_NM = "nm";
    public static final String UNITS_MM = "mm";

    private SampleContainerFormat() {
    }

    /** The group name of a camera: its kind in lower case ({@code vnir}). */
    public static String cameraGroup(SensorKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose group is {@code name}, if any. */
    public static Optional<SensorKind> cameraOfGroup(String name) {
        for (SensorKind k : SensorKind.values()) {
            if (cameraGroup(k).equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
