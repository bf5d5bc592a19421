package io.hyclus.core.spectral;

import io.hyclus.core.Checks;

/**
 * One line-scan camera as the data sees it: an identifier, its kind, its spectral axis and the number
 * of spatial pixels across the belt. Every band centre lies inside the kind's range.
 */
public record Sensor(String id, SensorKind kind, WavelengthGrid grid, int pixels) {

    public Sensor {
        Checks.identifier("sensor id", id);
        Checks.notNull("sensor kind", kind);
        Checks.notNull("wavelength grid", grid);
        Checks.positive("spatial pixels", pixels);
        if (!kind.covers(grid.firstNm()) || !kind.covers(grid.lastNm())) {
            throw new IllegalArgumentException(String.format(
                    "%s sensor '%s' must have band centres within %.0f-%.0f nm: found %.2f-%.2f nm",
                    kind, id, kind.minNm(), kind.maxNm(), grid.firstNm(), grid.lastNm()));
        }
    }

    public int bands() {
        return grid.bands();
    }
}
