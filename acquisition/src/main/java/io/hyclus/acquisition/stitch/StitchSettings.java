package io.hyclus.acquisition.stitch;

import io.hyclus.core.Checks;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.provenance.ProvenanceKeys;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How VNIR and SWIR lines are stitched (docs/stitching.md). {@link #defaults()} is the one home of the defaults.
 *
 * @param grid                 the output's spectral axis: the cameras' own bands, or a uniform step
 * @param stepNm               band spacing of a {@link OutputGrid#UNIFORM} grid, nm (ignored by {@link OutputGrid#NATIVE})
 * @param overlap              how the two cameras' spectra are joined across their overlap
 * @param matchMarginNm        the gain is matched over the overlap widened by this much on each side, nm (the
 *                             cameras of a rig often overlap by a band or two only)
 * @param minGain              smallest SWIR-to-VNIR gain applied; a matched gain below it is clamped
 * @param maxGain              largest gain applied; a matched gain above it is clamped
 * @param minMatchReflectance  below this mean reflectance (either camera, over the match window) the gain is 1: a
 *                             dark or shadowed pixel's ratio is noise
 * @param edgeToleranceMicrons a VNIR line before the first or after the last SWIR line is stitched with that SWIR line
 *                             if it lies within this belt travel of it, µm; otherwise it is dropped
 */
public record StitchSettings(OutputGrid grid, double stepNm, OverlapRule overlap, double matchMarginNm, double minGain,
                             double maxGain, double minMatchReflectance, long edgeToleranceMicrons) {

    /** Provenance of the stitching, below the scan section. */
    public static final ProvenanceKey PROVENANCE = ProvenanceKeys.SCAN.child("stitch");

    /** The output's spectral axis. */
    public enum OutputGrid {
        /** VNIR bands below the cut, SWIR bands above it, each with its own centre and FWHM. */
        NATIVE,
        /** Bands every {@code stepNm} from the first multiple of the step at or above the VNIR's first band. */
        UNIFORM
    }

    /** How the overlap is joined. */
    public enum OverlapRule {
        /** VNIR weight falls linearly from 1 to 0 across the overlap, the gain-matched SWIR's rises from 0 to 1. */
        CROSS_FADE,
        /** VNIR up to the middle of the overlap, gain-matched SWIR above it. */
        CUT
    }

    public StitchSettings {
        Checks.notNull("stitch output grid", grid);
        Checks.notNull("stitch overlap rule", overlap);
        if (grid == OutputGrid.UNIFORM && !(stepNm >= 0.1 && stepNm <= 100)) {
            throw new IllegalArgumentException("stitched grid step must be 0.1-100 nm: " + stepNm + " nm");
        }
        if (!(matchMarginNm >= 0 && matchMarginNm <= 200)) {
            throw new IllegalArgumentException("gain match margin must be 0-200 nm: " + matchMarginNm + " nm");
        }
        if (!(minGain > 0 && minGain <= 1 && maxGain >= 1 && Double.isFinite(maxGain))) {
            throw new IllegalArgumentException("gain clamp must satisfy 0 < min <= 1 <= max: " + minGain + " to " + maxGain);
        }
        if (!(minMatchReflectance >= 0 && minMatchReflectance < 1)) {
            throw new IllegalArgumentException("minimum match reflectance must be in [0, 1): " + minMatchReflectance);
        }
        if (edgeToleranceMicrons < 0) {
            throw new IllegalArgumentException("edge tolerance must not be negative: " + edgeToleranceMicrons + " um");
        }
    }

    /**
     * Native grid, cross-fade, gain matched over the overlap widened by 25 nm each side, clamped to 0.5-2, gain 1 below
     * a mean reflectance of 0.02, VNIR lines within 2 mm of the SWIR lines' ends kept.
     */
    public static StitchSettings defaults() {
        return new StitchSettings(OutputGrid.NATIVE, 0, OverlapRule.CROSS_FADE, 25, 0.5, 2.0, 0.02, 2000);
    }

    /** These settings with a uniform grid of {@code stepNm}. */
    public StitchSettings withUniformStep(double stepNm) {
        return new StitchSettings(OutputGrid.UNIFORM, stepNm, overlap, matchMarginNm, minGain, maxGain,
                minMatchReflectance, edgeToleranceMicrons);
    }

    /** These settings with another overlap rule. */
    public StitchSettings withOverlap(OverlapRule rule) {
        return new StitchSettings(grid, stepNm, rule, matchMarginNm, minGain, maxGain, minMatchReflectance,
                edgeToleranceMicrons);
    }

    /** The grid as an option value: {@code native} or the step in nm ({@code 5}). */
    public String gridName() {
        return grid == OutputGrid.NATIVE ? "native" : String.format(Locale.ROOT, "%s nm", stepNm);
    }

    /**
     * The settings a scan was stitched with, read back from its provenance ({@link #provenance()}), or empty when the
     * scan was not stitched; a replay stitches with them again.
     */
    public static Optional<StitchSettings> fromProvenance(Map<String, String> provenance) {
        String grid = provenance.get(PROVENANCE.child("grid").name());
        if (grid == null) {
            return Optional.empty();
        }
        try {
            String[] clamp = value(provenance, "gain_clamp").split("-");
            StitchSettings s = new StitchSettings(OutputGrid.NATIVE, 0,
                    OverlapRule.valueOf(value(provenance, "overlap_rule").toUpperCase(Locale.ROOT).replace('-', '_')),
                    Double.parseDouble(value(provenance, "match_margin_nm")), Double.parseDouble(clamp[0]),
                    Double.parseDouble(clamp[1]), Double.parseDouble(value(provenance, "min_match_reflectance")),
                    Long.parseLong(value(provenance, "edge_tolerance_um")));
            return Optional.of(grid.equals("native") ? s
                    : s.withUniformStep(Double.parseDouble(grid.replace("nm", "").strip())));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the scan's stitch provenance (" + PROVENANCE + ".*) cannot be read back: "
                    + e.getMessage(), e);
        }
    }

    private static String value(Map<String, String> provenance, String leaf) {
        String key = PROVENANCE.child(leaf).name();
        String v = provenance.get(key);
        if (v == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return v;
    }

    /** The settings as provenance entries below {@link #PROVENANCE}. */
    public Provenance provenance() {
        return Provenance.builder()
                .put(PROVENANCE.child("grid"), gridName())
                .put(PROVENANCE.child("overlap_rule"), overlap.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .put(PROVENANCE.child("match_margin_nm"), matchMarginNm)
                .put(PROVENANCE.child("gain_clamp"), minGain + "-" + maxGain)
                .put(PROVENANCE.child("min_match_reflectance"), minMatchReflectance)
                .put(PROVENANCE.child("edge_tolerance_um"), edgeToleranceMicrons)
                .build();
    }
}
