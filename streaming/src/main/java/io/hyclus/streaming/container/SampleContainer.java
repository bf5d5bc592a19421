package io.hyclus.streaming.container;

import io.hyclus.core.tray.TraySlot;

import java.util.List;
import java.util.Map;

/** Everything one sample's HDF5 container holds. */
public record SampleContainer(String scanId, String trayId, TraySlot slot, List<SampleCube> cubes,
                              Map<String, String> provenance) {
    public SampleContainer {
        cubes = List.copyOf(cubes);
        provenance = Map.copyOf(provenance);
    }
}
