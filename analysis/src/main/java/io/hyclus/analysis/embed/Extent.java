package io.hyclus.analysis.embed;

/**
 * The bounding box of 2-D positions stored interleaved ({@code y[2i], y[2i+1]}).
 *
 * @param minX smallest x
 * @param minY smallest y
 * @param maxX largest x
 * @param maxY largest y
 */
record Extent(double minX, double minY, double maxX, double maxY) {
    /** The box around the first {@code n} points of {@code y}. */
    static Extent of(double[] y, int n) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        return new Extent(minX, minY, maxX, maxY);
    }

    /** The side of the smallest square holding the box, at least {@code floor} (all points in one place). */
    double side(double floor) {
        return Math.max(Math.max(maxX - minX, maxY - minY), floor);
    }
}
