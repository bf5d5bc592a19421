package io.hyclus.dashboard.web;

import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.dashboard.feed.SampleIndex;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A sample's details for the page: per camera the mean and standard deviation of its spectra, band by band, read from
 * the container segmentation announced for it (never a path a browser gives), and its codes summary. The last few are
 * kept, a container is read at most once while kept.
 */
final class SampleDetails {
    private static final int CACHE = 16;

    private final SampleIndex index;
    private final Map<String, Map<String, Object>> cache = new LinkedHashMap<>(CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > CACHE;
        }
    };

    SampleDetails(SampleIndex index) {
        this.index = index;
    }

    /** The sample's details, or empty if no container was announced for it. */
    Optional<Map<String, Object>> of(String scanId, String sampleId) {
        Optional<Path> file = index.containerFile(scanId, sampleId);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> spectra;
        synchronized (cache) {
            spectra = cache.get(scanId + "/" + sampleId);
        }
        if (spectra == null) {
            spectra = spectra(SampleContainerReader.read(file.get()));
            synchronized (cache) {
                cache.put(scanId + "/" + sampleId, spectra);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>(spectra);
        out.put("codes", index.codes(scanId, sampleId));
        return Optional.of(out);
    }

    private static Map<String, Object> spectra(SampleSpectra s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scanId", s.scanId());
        m.put("sampleId", s.metadata().sampleId());
        m.put("plant", s.metadata().plant());
        m.put("month", s.metadata().month().toString());
        m.put("fraction", s.metadata().fraction().toString());
        m.put("file", s.file().toString());
        Map<String, Object> cams = new LinkedHashMap<>();
        for (var kind : io.hyclus.core.spectral.SensorKind.values()) {
            s.camera(kind).filter(c -> c.size() > 0).ifPresent(c -> cams.put(kind.name(), meanAndSpread(c)));
        }
        m.put("cameras", cams);
        return m;
    }

    /** Band by band mean and standard deviation of a camera's spectra. */
    static Map<String, Object> meanAndSpread(CameraSpectra c) {
        int bands = c.wavelengthNm().length;
        double[] sum = new double[bands];
        double[] sumSq = new double[bands];
        for (float[] s : c.spectra()) {
            for (int b = 0; b < bands; b++) {
                sum[b] += s[b];
                sumSq[b] += (double) s[b] * s[b];
            }
        }
        int n = c.size();
        double[] mean = new double[bands];
        double[] sd = new double[bands];
        for (int b = 0; b < bands; b++) {
            mean[b] = round(sum[b] / n);
            sd[b] = round(Math.sqrt(Math.max(0, sumSq[b] / n - (sum[b] / n) * (sum[b] / n))));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spectra", n);
        m.put("wavelengthNm", c.wavelengthNm());
        m.put("mean", mean);
        m.put("sd", sd);
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }
}
