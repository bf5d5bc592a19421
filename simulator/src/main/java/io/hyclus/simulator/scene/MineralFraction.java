package io.hyclus.simulator.scene;

import io.hyclus.core.Checks;

/** One mineral of a mixture and its share by area of the sample surface (0-1). */
public record MineralFraction(String mineral, double fraction) {
    public MineralFraction {
        Checks.notBlank("mineral", mineral);
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction of " + mineral + " must be in (0, 1]: " + fraction);
        }
    }
}
