package io.hyclus.dashboard.feed;

import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;

/**
 * Turns a scanline into one small waterfall row: three bands as red, green and blue, averaged across-track into
 * {@code columns} bins, square-root stretched from reflectance 0-1 to 0-255. VNIR uses ~640/550/460 nm (close to
 * natural colour); SWIR ~2200/1650/1250 nm (clay and carbonate features at 2200 nm show as a red deficit).
 */
public final class FalseColour {
    /** Red, green, blue band centres wanted per camera kind, nm. */
    static double[] wantedNm(SensorKind kind) {
        return kind == SensorKind.VNIR ? new double[] {640, 550, 460} : new double[] {2200, 1650, 1250};
    }

    private final CameraSetup camera;
    private final int[] bands = new int[3];
    private final int columns;

    public FalseColour(CameraSetup camera, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("waterfall columns must be positive, got " + columns);
        }
        this.camera = camera;
        this.columns = Math.min(columns, camera.sensor().pixels());
        double[] want = wantedNm(camera.sensor().kind());
        for (int c = 0; c < 3; c++) {
            bands[c] = nearestBand(camera.sensor().grid(), want[c]);
        }
    }

    static int nearestBand(WavelengthGrid grid, double nm) {
        int best = 0;
        for (int b = 1; b < grid.bands(); b++) {
            if (Math.abs(grid.centreNm(b) - nm) < Math.abs(grid.centreNm(best) - nm)) {
                best = b;
            }
        }
        return best;
    }

    /** The band centres used as red, green, blue, nm. */
    public double[] bandsNm() {
        WavelengthGrid g = camera.sensor().grid();
        return new double[] {g.centreNm(bands[0]), g.centreNm(bands[1]), g.centreNm(bands[2])};
    }

    public int columns() {
        return columns;
    }

    /** Across-track width of one column, mm. */
    public double columnMm() {
        return camera.geometry().pixelPitchMm() * camera.sensor().pixels() / columns;
    }

    /** Left edge of column 0 on the tray, mm. */
    public double x0Mm() {
        return camera.geometry().xMm(0) - camera.geometry().pixelPitchMm() / 2;
    }

    /**
     * The row of {@code line}: {@code 3 * columns()} bytes, r g b per column.
     *
     * @throws IllegalArgumentException if the line's shape is not the camera's
     */
    public byte[] row(Scanline line) {
        if (line.pixels() != camera.sensor().pixels() || line.bands() != camera.sensor().bands()) {
            throw new IllegalArgumentException("scanline " + line.scanId() + "/" + line.camera() + " line "
                    + line.lineIndex() + " is " + line.pixels() + " px x " + line.bands() + " bands; its scan started with "
                    + camera.sensor().pixels() + " x " + camera.sensor().bands());
        }
        int pixels = line.pixels();
        byte[] out = new byte[3 * columns];
        for (int col = 0; col < columns; col++) {
            int p0 = (int) ((long) col * pixels / columns);
            int p1 = (int) ((long) (col + 1) * pixels / columns);
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                for (int p = p0; p < p1; p++) {
                    sum += line.value(p, bands[c]);
                }
                out[3 * col + c] = (byte) stretch(sum / (p1 - p0));
            }
        }
        return out;
    }

    /** Reflectance to 0-255, square-root stretched (dark ore stays visible), clipped. */
    static int stretch(double reflectance) {
        double r = Math.max(0, Math.min(1, reflectance));
        return (int) Math.round(255 * Math.sqrt(r));
    }
}
