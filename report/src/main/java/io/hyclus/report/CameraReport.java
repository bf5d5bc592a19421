package io.hyclus.report;

import java.util.List;
import java.util.Map;

/**
 * Everything reported for one camera.
 *
 * @param mapRows    the seeded subsample of rows mapped by t-SNE and clustered (k-means, SOM), ascending
 * @param tsne       per representation title, the map positions of {@code mapRows} (x, y interleaved)
 * @param elbows     per representation title
 * @param wards      per representation title: Ward on the sample means of the codes (samples in {@link CameraData#samples()} order)
 * @param soms       per representation title, over {@code mapRows}
 * @param notes      what could not be done for this camera and why
 */
public record CameraReport(CameraData data, List<Representation> representations, List<ClassificationResult> results,
                           int[] mapRows, Map<String, float[]> tsne, String tsneSettings, Map<String, Elbow> elbows,
                           Map<String, Ward> wards, Map<String, Som> soms, List<Figure> figures, List<String> notes) {
}
