package io.hyclus.report;

import java.awt.Color;

/** Class colours: a fixed qualitative list, the same class always the same colour within a figure. */
final class Palette {
    private static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
        new Color(0x393b79), new Color(0xad494a), new Color(0x637939), new Color(0x8ca252)};

    private Palette() {
    }

    static Color colour(int i) {
        return COLOURS[Math.floorMod(i, COLOURS.length)];
    }

    static Color translucent(int i, int alpha) {
        Color c = colour(i);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
