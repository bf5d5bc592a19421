package io.hyclus.core.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

import java.time.Instant;

/**
 * Streaming has written one sample's HDF5 container for one camera of a scan.
 *
 * @param file   absolute path of the container
 * @param pixels spectra in the container
 * @param bands  bands per spectrum
 */
public record SampleContainerWritten(String scanId, String sampleId, SensorKind camera, String file, long pixels,
                                     int bands, Instant writtenAt) {
    public SampleContainerWritten {
        Checks.identifier("scan id", scanId);
        Checks.identifier("sample id", sampleId);
        Checks.notNull("camera", camera);
        Checks.notBlank("container file", file);
        Checks.nonNegative("pixels", pixels);
        Checks.positive("bands", bands);
        Checks.notNull("write time", writtenAt);
    }
}
