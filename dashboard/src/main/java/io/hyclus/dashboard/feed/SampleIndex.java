package io.hyclus.dashboard.feed;

import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.SampleMetadata;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the dashboard knows of each sample by its key {@code scanId/sampleId}: the container segmentation wrote (from
 * {@code hyclus.sample-containers}) and, per camera, a summary of its codes (model, size, per-dimension mean and spread,
 * accumulated over the chunks on {@code hyclus.sample-codes}). Browsers can only name a key; the file read is the one
 * the topic gave for it.
 */
public final class SampleIndex {
    /** One camera's codes of one sample, summed as they arrive. */
    static final class CodesSummary {
        final String model;
        final int codeSize;
        final long totalRows;
        final double[] sum;
        final double[] sumSq;
        long rows;

        CodesSummary(SampleCodes c) {
            model = c.modelRef();
            codeSize = c.codeSize();
            totalRows = c.totalRows();
            sum = new double[codeSize];
            sumSq = new double[codeSize];
        }

        void add(SampleCodes c) {
            for (int r = 0; r < c.rows(); r++) {
                for (int k = 0; k < codeSize; k++) {
                    double v = c.code(r, k);
                    sum[k] += v;
                    sumSq[k] += v * v;
                }
            }
            rows += c.rows();
        }

        Map<String, Object> describe() {
            double[] mean = new double[codeSize];
            double[] sd = new double[codeSize];
            for (int k = 0; k < codeSize; k++) {
                mean[k] = rows == 0 ? Double.NaN : sum[k] / rows;
                sd[k] = rows == 0 ? Double.NaN : Math.sqrt(Math.max(0, sumSq[k] / rows - mean[k] * mean[k]));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("codeSize", codeSize);
            m.put("rows", rows);
            m.put("totalRows", totalRows);
            m.put("mean", mean);
            m.put("sd", sd);
            return m;
        }
    }

    private final Map<String, SampleContainerWritten> containers = new ConcurrentHashMap<>();
    private final Map<String, SampleMetadata> metadata = new ConcurrentHashMap<>();
    private final Map<String, Map<SensorKind, CodesSummary>> codes = new ConcurrentHashMap<>();

    static String key(String scanId, String sampleId) {
        return scanId + "/" + sampleId;
    }

    void written(SampleContainerWritten w) {
        containers.put(key(w.scanId(), w.sampleId()), w);
    }

    /** Adds a chunk; true when it completed the sample's codes of its camera. */
    synchronized boolean codes(SampleCodes c) {
        metadata.put(c.key(), c.metadata());
        Map<SensorKind, CodesSummary> per = codes.computeIfAbsent(c.key(), k -> new EnumMap<>(SensorKind.class));
        CodesSummary s = per.get(c.camera());
        if (s == null || c.chunkIndex() == 0) {
            s = new CodesSummary(c);
            per.put(c.camera(), s);
        }
        s.add(c);
        return c.last();
    }

    void metadata(String key, SampleMetadata m) {
        metadata.put(key, m);
    }

    public Optional<Path> containerFile(String scanId, String sampleId) {
        return Optional.ofNullable(containers.get(key(scanId, sampleId))).map(w -> Path.of(w.file()));
    }

    public Optional<SampleMetadata> metadata(String scanId, String sampleId) {
        return Optional.ofNullable(metadata.get(key(scanId, sampleId)));
    }

    /** Per camera, the codes summary of a sample (empty if none arrived). */
    public synchronized Map<String, Object> codes(String scanId, String sampleId) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<SensorKind, CodesSummary> per = codes.get(key(scanId, sampleId));
        if (per != null) {
            per.forEach((k, s) -> out.put(k.name(), s.describe()));
        }
        return out;
    }

    public int containers() {
        return containers.size();
    }
}
