package io.hyclus.core.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Streaming has written one sample's HDF5 container for a scan.
 *
 * @param file    absolute path of the container
 * @param spectra per camera, how many spectra the container holds
 */
public record SampleContainerWritten(String scanId, String sampleId, String file, Map<SensorKind, Long> spectra,
                                     Instant writtenAt) {
    public SampleContainerWritten {
        Checks.identifier("scan id", scanId);
        Checks.identifier("sample id", sampleId);
        Checks.notBlank("container file", file);
        Checks.notNull("spectra counts", spectra);
        spectra.forEach((k, v) -> Checks.nonNegative("spectra of " + k + " in sample " + sampleId, v));
        spectra = spectra.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(spectra));
        Checks.notNull("write time", writtenAt);
    }
}
