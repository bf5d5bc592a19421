package io.hyclus.container;

/**
 * One camera's spectra of one sample as an image: {@code data[row][column][band]}, rows being the scan lines
 * {@code firstLine .. firstLine + rows - 1} and columns the camera pixels {@code firstPixel .. firstPixel + columns - 1},
 * the bounding box of the sample's spectra (the layout of HIDSAG's {@code hsi_data}). A cell holding no spectrum of the
 * sample (outside its region, left out by the edge margin, or its line lost) has {@code mask} 0 and NaN in every band;
 * a cell with a spectrum has {@code mask} 1. The arrays are the cube's own and are not copied: do not modify them.
 *
 * @param firstLine  scan line of row 0
 * @param firstPixel camera pixel of column 0
 * @param data       [row][column][band] reflectance, NaN where {@code mask} is 0
 * @param mask       [row][column] 1 where the cell holds a spectrum of the sample, else 0
 */
public record HsiCube(long firstLine, int firstPixel, float[][][] data, byte[][] mask) {
    public HsiCube {
        if (data.length != mask.length) {
            throw new IllegalArgumentException("cube has " + data.length + " rows, its mask " + mask.length);
        }
        for (int r = 0; r < data.length; r++) {
            if (data[r].length != mask[r].length || data[r].length != data[0].length) {
                throw new IllegalArgumentException("cube row " + r + " has " + data[r].length + " columns, its mask "
                        + mask[r].length + ", row 0 " + data[0].length);
            }
        }
    }

    /**
     * The cube of {@code spectra}, spectrum {@code i} being at scan line {@code lineIndex[i]} and camera pixel
     * {@code pixelIndex[i]}; empty (0 x 0) when there is no spectrum. Two spectra at one line and pixel are refused. The
     * cube shares the rows of {@code spectra} (not copied), which nobody modifies.
     *
     * @throws IllegalArgumentException for a duplicated cell, or a cube over {@link Integer#MAX_VALUE} bytes
     */
    public static HsiCube of(float[][] spectra, long[] lineIndex, int[] pixelIndex, int bands) {
        int n = spectra.length;
        if (n == 0) {
            return new HsiCube(0, 0, new float[0][0][bands], new byte[0][0]);
        }
        long l0 = Long.MAX_VALUE, l1 = Long.MIN_VALUE;
        int p0 = Integer.MAX_VALUE, p1 = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            l0 = Math.min(l0, lineIndex[i]);
            l1 = Math.max(l1, lineIndex[i]);
            p0 = Math.min(p0, pixelIndex[i]);
            p1 = Math.max(p1, pixelIndex[i]);
        }
        long rows = l1 - l0 + 1;
        long cols = (long) p1 - p0 + 1;
        if (rows * cols * bands * Float.BYTES > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cube of lines " + l0 + ".." + l1 + " x pixels " + p0 + ".." + p1 + " x "
                    + bands + " bands is over " + Integer.MAX_VALUE + " bytes, the most one HDF5 dataset jhdf writes");
        }
        float[][][] data = new float[(int) rows][(int) cols][];
        byte[][] mask = new byte[(int) rows][(int) cols];
        for (int i = 0; i < n; i++) {
            int r = (int) (lineIndex[i] - l0);
            int c = pixelIndex[i] - p0;
            if (mask[r][c] != 0) {
                throw new IllegalArgumentException("two spectra at line " + lineIndex[i] + ", pixel " + pixelIndex[i]
                        + " (spectra " + indexOf(lineIndex, pixelIndex, lineIndex[i], pixelIndex[i]) + " and " + i + ")");
            }
            data[r][c] = spectra[i];
            mask[r][c] = 1;
        }
        float[] hole = new float[bands];
        java.util.Arrays.fill(hole, Float.NaN);
        for (float[][] row : data) {
            for (int c = 0; c < row.length; c++) {
                if (row[c] == null) {
                    row[c] = hole.clone();
                }
            }
        }
        return new HsiCube(l0, p0, data, mask);
    }

    private static int indexOf(long[] lines, int[] pixels, long line, int pixel) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] == line && pixels[i] == pixel) {
                return i;
            }
        }
        return -1;
    }

    public int rows() {
        return data.length;
    }

    public int columns() {
        return data.length == 0 ? 0 : data[0].length;
    }

    public int bands() {
        return data.length == 0 || data[0].length == 0 ? 0 : data[0][0].length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    /** Number of cells holding a spectrum (mask 1). */
    public long filled() {
        long k = 0;
        for (byte[] row : mask) {
            for (byte b : row) {
                k += b;
            }
        }
        return k;
    }
}
