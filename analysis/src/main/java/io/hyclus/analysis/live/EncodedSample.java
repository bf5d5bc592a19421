package io.hyclus.analysis.live;

import io.hyclus.core.Checks;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.SampleMetadata;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sample's codes, as the encoder made them and as a codes file holds them.
 *
 * @param container  the sample's container (the codes file is its sibling, {@link CodesFile#siblingOf})
 * @param encodedAt  when the sample was encoded
 * @param cameras    codes per camera that was encoded, in {@link SensorKind} order, at least one
 * @param provenance what encoded it: software version, model per camera, skipped cameras, settings, Kafka origin
 */
public record EncodedSample(String scanId, SampleMetadata metadata, Path container, Instant encodedAt,
                            List<CameraCodes> cameras, Provenance provenance) {
    public EncodedSample {
        Checks.identifier("scan id", scanId);
        Checks.notNull("sample metadata", metadata);
        Checks.notNull("container of sample " + metadata.sampleId(), container);
        Checks.notNull("encoding time of sample " + metadata.sampleId(), encodedAt);
        cameras = List.copyOf(cameras);
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("encoded sample " + metadata.sampleId() + " has no codes");
        }
        for (int i = 1; i < cameras.size(); i++) {
            if (cameras.get(i - 1).camera().compareTo(cameras.get(i).camera()) >= 0) {
                throw new IllegalArgumentException("encoded sample " + metadata.sampleId() + ": cameras must be distinct"
                        + " and in order, got " + cameras.stream().map(CameraCodes::camera).toList());
            }
        }
        Checks.notNull("provenance of sample " + metadata.sampleId(), provenance);
    }

    public Optional<CameraCodes> camera(SensorKind kind) {
        return cameras.stream().filter(c -> c.camera() == kind).findFirst();
    }
}
