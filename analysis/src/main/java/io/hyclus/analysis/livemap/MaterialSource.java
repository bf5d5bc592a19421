package io.hyclus.analysis.livemap;

import io.hyclus.container.ContainerException;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.core.spectral.SensorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Which of a sample's spectra the live map may place: the material mask's verdict per spectrum
 * ({@link io.hyclus.core.spectral.MaterialClass}; 0 = the sample's material), so belt, tray, walls, shadows, glints and
 * flagged pixels stay off the map as they stay out of training.
 */
@FunctionalInterface
interface MaterialSource {
    Logger LOG = LoggerFactory.getLogger(MaterialSource.class);

    /** One class code per code row of {@code codes}, or null when unknown (then every row counts as material). */
    byte[] classes(AssembledCodes codes, SensorKind camera);

    /**
     * Reads the camera's {@code material} dataset from the container the encoder named (spectra are not read). A
     * container that cannot be read, or whose mask does not match the codes, is logged and every row counts: a sample
     * is never dropped from the map for want of its mask.
     */
    MaterialSource CONTAINER = (codes, camera) -> {
        if (codes.containerFile() == null) {
            return null;
        }
        try {
            byte[] m = SampleContainerReader.readMaterial(Path.of(codes.containerFile()), camera);
            if (m == null || m.length != codes.rows()) {
                LOG.warn("live map: {} {}: the container {} has {} material classes for {} codes; placing from all of"
                        + " them", codes.sample(), camera, codes.containerFile(), m == null ? "no" : m.length,
                        codes.rows());
                return null;
            }
            return m;
        } catch (ContainerException | java.nio.file.InvalidPathException e) {
            LOG.warn("live map: {} {}: no material mask ({}); placing from all its spectra", codes.sample(), camera,
                    e.getMessage());
            return null;
        }
    };
}
