package io.hyclus.analysis.livemap;

/**
 * When the live map is re-fitted: once the points added onto it by {@code transform} since its fit exceed
 * {@code share} of its reference points. Added points are placed against a fixed reference and never move each
 * other, so the more of them there are, the less the map reflects the data; the share bounds that. With the default
 * 0.5, a map fitted on 1,000 points is re-fitted when the 501st added point arrives.
 *
 * @param share re-fit when added / reference exceeds it, finite and above 0
 */
public record DriftCriterion(double share) {
    public DriftCriterion {
        if (!(share > 0) || !Double.isFinite(share)) {
            throw new IllegalArgumentException("re-fit share must be a finite number > 0: " + share);
        }
    }

    /** Whether a map fitted on {@code referencePoints} with {@code addedSinceFit} points added since is due a re-fit. */
    public boolean refitDue(long addedSinceFit, int referencePoints) {
        if (referencePoints < 1 || addedSinceFit < 0) {
            throw new IllegalArgumentException("need reference points >= 1 and added points >= 0: " + referencePoints
                    + ", " + addedSinceFit);
        }
        return addedSinceFit > share * referencePoints;
    }
}
