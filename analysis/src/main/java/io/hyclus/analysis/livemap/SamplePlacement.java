package io.hyclus.analysis.livemap;

import io.hyclus.core.scan.MapUpdate;

/**
 * How the live map service handled one sample: its points published (the version it was first published in, how many
 * points, their centre) or refused (why).
 *
 * @param placed          whether its points were published
 * @param version         map version its points were first published under (0 when refused)
 * @param update          {@link MapUpdate#FITTED} if it was in a fit, {@link MapUpdate#ADDED} if added by transform
 * @param points          points published (0 when refused)
 * @param centreX         mean x of its points (embedding units)
 * @param centreY         mean y of its points
 * @param transformMillis time spent placing its points by transform in the step that published it
 * @param fitMillis       time spent fitting in that step (the first fit, or a re-fit after the sample was added)
 * @param reason          why it was refused, empty when placed
 */
public record SamplePlacement(boolean placed, int version, MapUpdate update, int points, double centreX, double centreY,
                              long transformMillis, long fitMillis, String reason) {
    static SamplePlacement refused(String reason) {
        return new SamplePlacement(false, 0, null, 0, Double.NaN, Double.NaN, 0, 0, reason);
    }

    static SamplePlacement of(LiveMap.Published p, long transformMillis, long fitMillis) {
        double sx = 0;
        double sy = 0;
        int n = p.rows().length;
        for (int i = 0; i < n; i++) {
            sx += p.xy()[2 * i];
            sy += p.xy()[2 * i + 1];
        }
        return new SamplePlacement(true, p.version(), p.update(), n, sx / n, sy / n, transformMillis, fitMillis, "");
    }
}
