package io.hyclus.analysis.live;

import io.hyclus.analysis.model.ModelException;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.container.CameraSpectra;
import io.hyclus.container.ContainerException;
import io.hyclus.container.SampleContainerFormat;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes one sample: reads its container, and for each camera with spectra and a promoted model checks the
 * wavelength grid and that every value is finite, then encodes the spectra in batches of {@code batchRows}. Kafka and
 * files are not its business ({@link LiveEncoder}, {@link CodesFile}).
 */
final class SampleEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(SampleEncoder.class);

    private final PromotedModels models;
    private final int batchRows;

    SampleEncoder(PromotedModels models, int batchRows) {
        this.models = models;
        this.batchRows = batchRows;
    }

    /**
     * @param source the record's origin, {@code topic/partition@offset}, kept in the codes' provenance
     * @return the codes, or empty when no camera of the sample has a promoted model (nothing to encode)
     * @throws BadSampleException naming the file, camera, spectrum and band concerned
     */
    Optional<EncodedSample> encode(SampleContainerWritten record, String source, Instant encodedAt) {
        Path file;
        try {
            file = Path.of(record.file());
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadSampleException("sample " + record.sampleId() + " (scan " + record.scanId() + "): container path '"
                    + record.file() + "' is not a path: " + e.getReason(), e);
        }
        SampleSpectra s = read(file, record);
        long total = s.cameras().values().stream().mapToLong(CameraSpectra::size).sum();
        if (total == 0) {
            throw new BadSampleException("sample " + record.sampleId() + " (scan " + record.scanId() + "): container "
                    + file + " holds no spectra (cameras " + new java.util.TreeSet<>(s.cameras().keySet()) + ")");
        }
        List<CameraCodes> codes = new ArrayList<>();
        Map<SensorKind, TrainedModel> used = new EnumMap<>(SensorKind.class);
        Map<SensorKind, String> skipped = new EnumMap<>(SensorKind.class);
        for (SensorKind kind : SensorKind.values()) {
            CameraSpectra cam = s.cameras().get(kind);
            if (cam == null) {
                continue;
            }
            if (cam.size() == 0) {
                skipped.put(kind, "no spectra");
                continue;
            }
            Optional<TrainedModel> model = model(kind, file);
            if (model.isEmpty()) {
                skipped.put(kind, "no promoted model");
                continue;
            }
            String where = file + " /" + SampleContainerFormat.cameraGroup(kind);
            codes.add(encode(model.get(), cam, where));
            used.put(kind, model.get());
        }
        if (codes.isEmpty()) {
            LOG.warn("sample {} (scan {}) not encoded: {}", record.sampleId(), record.scanId(), skipped);
            return Optional.empty();
        }
        for (CameraCodes c : codes) {
            LOG.info("encoded {} {} {} spectra with {}", record.sampleId(), c.camera(), c.rows(), c.modelRef());
        }
        return Optional.of(new EncodedSample(s.scanId(), s.metadata(), file, encodedAt, codes,
                EncoderProvenance.of(used, skipped, batchRows, s.format(), source)));
    }

    private static SampleSpectra read(Path file, SampleContainerWritten record) {
        SampleSpectra s;
        try {
            s = SampleContainerReader.read(file);
        } catch (ContainerException e) {
            throw new BadSampleException("sample " + record.sampleId() + " (scan " + record.scanId() + "): "
                    + e.getMessage(), e);
        }
        if (!s.scanId().equals(record.scanId()) || !s.metadata().sampleId().equals(record.sampleId())) {
            throw new BadSampleException("container " + file + " holds sample " + s.metadata().sampleId() + " of scan "
                    + s.scanId() + ", the record names sample " + record.sampleId() + " of scan " + record.scanId());
        }
        return s;
    }

    private Optional<TrainedModel> model(SensorKind kind, Path file) {
        try {
            return models.forCamera(kind);
        } catch (ModelException e) {
            throw new BadSampleException(file + ": the promoted " + kind + " model cannot be loaded: " + e.getMessage(), e);
        }
    }

    private CameraCodes encode(TrainedModel model, CameraSpectra cam, String where) {
        try {
            model.checkGrid(cam.wavelengthNm(), where);
        } catch (ModelException e) {
            throw new BadSampleException(e.getMessage(), e);
        }
        requireFinite(cam, where);
        float[][] spectra = cam.spectra();
        int bands = cam.wavelengthNm().length;
        int n = spectra.length;
        float[] out = null;
        int codeSize = 0;
        for (int first = 0; first < n; first += batchRows) {
            int rows = Math.min(batchRows, n - first);
            float[] batch = new float[rows * bands];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(spectra[first + r], 0, batch, r * bands, bands);
            }
            SpectraBlock codes = encodeBatch(model, new SpectraBlock(batch, rows, bands), where, first);
            if (out == null) {
                codeSize = codes.bands();
                out = new float[n * codeSize];
            }
            System.arraycopy(codes.values(), 0, out, first * codeSize, rows * codeSize);
        }
        return new CameraCodes(cam.kind(), model.ref().toString(), codeSize, out);
    }

    private static SpectraBlock encodeBatch(TrainedModel model, SpectraBlock batch, String where, int first) {
        SpectraBlock codes;
        try {
            codes = model.encode(batch);
        } catch (RuntimeException e) {
            throw new BadSampleException(where + ": model " + model.ref() + " failed on spectra " + first + ".."
                    + (first + batch.rows() - 1) + ": " + e.getMessage(), e);
        }
        if (codes.rows() != batch.rows() || codes.bands() != model.metadata().spec().codeSize()) {
            throw new BadSampleException(where + ": model " + model.ref() + " returned " + codes.rows() + " x "
                    + codes.bands() + " codes for " + batch.rows() + " spectra, expected " + batch.rows() + " x "
                    + model.metadata().spec().codeSize());
        }
        for (float v : codes.values()) {
            if (!Float.isFinite(v)) {
                throw new BadSampleException(where + ": model " + model.ref() + " returned a code of " + v
                        + " for spectra " + first + ".." + (first + batch.rows() - 1));
            }
        }
        return codes;
    }

    /** The first NaN or infinite value, by spectrum, band and wavelength. */
    private static void requireFinite(CameraSpectra cam, String where) {
        float[][] spectra = cam.spectra();
        for (int i = 0; i < spectra.length; i++) {
            float[] row = spectra[i];
            for (int b = 0; b < row.length; b++) {
                if (!Float.isFinite(row[b])) {
                    throw new BadSampleException(String.format(Locale.ROOT, "%s: spectrum %d band %d (%.1f nm) is %s;"
                            + " spectra must be finite", where, i, b, cam.wavelengthNm()[b], row[b]));
                }
            }
        }
    }
}
