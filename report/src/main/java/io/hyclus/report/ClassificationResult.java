package io.hyclus.report;

import java.util.List;

/**
 * One classification of one camera's codes: a representation, a category, a split; tables over the test spectra and
 * over the test samples (each sample's test spectra voting, ties to the alphabetically first class).
 *
 * @param testRows         the camera's rows tested on, ascending
 * @param predicted        prediction of each test row
 * @param testSamples      keys of the samples with test rows, sorted
 * @param samplePredicted  the vote of each test sample
 */
public record ClassificationResult(String camera, String representation, Category category, SplitKind split,
                                   ClassTable spectra, ClassTable samples, int[] testRows, List<String> predicted,
                                   List<String> testSamples, List<String> sampleTruth, List<String> samplePredicted) {
}
