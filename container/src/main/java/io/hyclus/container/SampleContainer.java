package io.hyclus.container;

import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.tray.TraySlot;

import java.util.List;

/**
 * Everything one sample's container holds: where the sample was (scan, tray, slot with its metadata and region),
 * one cube per camera of the scan (possibly empty) and the provenance of the whole.
 */
public record SampleContainer(String scanId, String trayId, TraySlot slot, List<SampleCube> cubes,
                              Provenance provenance) {
    public SampleContainer {
        cubes = List.copyOf(cubes);
        if (provenance == null) {
            throw new IllegalArgumentException("container of scan " + scanId + " has no provenance");
        }
        long kinds = cubes.stream().map(c -> c.camera().sensor().kind()).distinct().count();
        if (kinds != cubes.size()) {
            throw new IllegalArgumentException("container of scan " + scanId + " has two cubes of one camera kind: "
                    + cubes.stream().map(c -> c.camera().sensor().id()).toList());
        }
    }
}
