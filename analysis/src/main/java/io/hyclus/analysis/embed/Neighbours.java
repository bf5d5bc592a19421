package io.hyclus.analysis.embed;

/**
 * The {@code k} nearest reference points of each of {@code n} query points, nearest first: row {@code i} is
 * {@code index[i*k .. i*k+k)} with squared Euclidean distances {@code distanceSq} at the same positions. Arrays are
 * owned by this record (hot path: no copies).
 */
public record Neighbours(int n, int k, int[] index, double[] distanceSq) {
    public Neighbours {
        if (n < 1 || k < 1) {
            throw new IllegalArgumentException("neighbours need n >= 1 and k >= 1: n = " + n + ", k = " + k);
        }
        if (index.length != (long) n * k || distanceSq.length != (long) n * k) {
            throw new IllegalArgumentException("expected n x k = " + (long) n * k + " entries, found "
                    + index.length + " indices and " + distanceSq.length + " distances");
        }
    }
}
