package io.hyclus.analysis.live;

import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.core.HyclusVersion;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.spectral.SensorKind;

import java.util.Map;

/**
 * The live encoder's provenance keys, below the section {@value #SECTION}: per camera the model that encoded it and
 * the hash of that model's training data, the cameras skipped and why, the encoding batch, the container's format and
 * the Kafka record the sample came from. With {@link ProvenanceKeys#SOFTWARE_VERSION}.
 */
public final class EncoderProvenance {
    static final String SECTION = "encoder";
    public static final ProvenanceKey ENCODER = ProvenanceKey.of(SECTION);
    /** {@code encoder.model.VNIR = dense-ae-16-vnir@2}. */
    public static final ProvenanceKey MODEL = ENCODER.child("model");
    /** {@code encoder.model_training_data_sha256.VNIR}: which data the model learnt from. */
    public static final ProvenanceKey MODEL_TRAINING_DATA = ENCODER.child("model_training_data_sha256");
    /** {@code encoder.skipped.SWIR = no promoted model}. */
    public static final ProvenanceKey SKIPPED = ENCODER.child("skipped");
    public static final ProvenanceKey BATCH_ROWS = ENCODER.child("batch_rows");
    public static final ProvenanceKey CONTAINER_FORMAT = ENCODER.child("container_format");
    /** {@code hyclus.sample-containers/0@17}: the sample-container record that asked for the encoding. */
    public static final ProvenanceKey SOURCE = ENCODER.child("source");

    private EncoderProvenance() {
    }

    static Provenance of(Map<SensorKind, TrainedModel> models, Map<SensorKind, String> skipped, int batchRows,
                         String containerFormat, String source) {
        Provenance.Builder b = Provenance.builder()
                .put(ProvenanceKeys.SOFTWARE_VERSION, HyclusVersion.get())
                .put(BATCH_ROWS, batchRows)
                .put(CONTAINER_FORMAT, containerFormat)
                .put(SOURCE, source);
        models.forEach((k, m) -> b.put(MODEL.child(k.name()), m.ref().toString())
                .put(MODEL_TRAINING_DATA.child(k.name()), m.metadata().trainingDataSha256()));
        skipped.forEach((k, why) -> b.put(SKIPPED.child(k.name()), why));
        return b.build();
    }
}
