package io.hyclus.core.tray;

/**
 * An axis-aligned rectangle on the tray in millimetres: x across the belt, y along it (y = 0 is the
 * tray's leading edge). Half-open: contains x0 &lt;= x &lt; x1 and y0 &lt;= y &lt; y1.
 */
public record RegionMm(double x0, double y0, double x1, double y1) {

    public RegionMm {
        if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(x1) || !Double.isFinite(y1)) {
            throw new IllegalArgumentException("region corners must be finite: " + x0 + ", " + y0 + ", " + x1 + ", " + y1);
        }
        if (!(x1 > x0)) {
            throw new IllegalArgumentException("region must have positive width: x " + x0 + " to " + x1 + " mm");
        }
        if (!(y1 > y0)) {
            throw new IllegalArgumentException("region must have positive length: y " + y0 + " to " + y1 + " mm");
        }
    }

    public boolean contains(double x, double y) {
        return x >= x0 && x < x1 && y >= y0 && y < y1;
    }

    public boolean overlaps(RegionMm o) {
        return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }

    public boolean within(double widthMm, double lengthMm) {
        return x0 >= 0 && y0 >= 0 && x1 <= widthMm && y1 <= lengthMm;
    }

    public double widthMm() {
        return x1 - x0;
    }

    public double lengthMm() {
        return y1 - y0;
    }

    /** The same region shrunk by {@code marginMm} on every side. */
    public RegionMm inset(double marginMm) {
        return new RegionMm(x0 + marginMm, y0 + marginMm, x1 - marginMm, y1 - marginMm);
    }
}
