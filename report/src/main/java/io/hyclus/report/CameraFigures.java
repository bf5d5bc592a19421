package io.hyclus.report;

import io.hyclus.analysis.model.SpectraBlock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds the figures of one camera from its data, representations, maps and clusterings. */
final class CameraFigures {
    private CameraFigures() {
    }

    /** The classes of a category among the camera's samples, sorted, each with its colour index. */
    static Map<String, Integer> colours(CameraData data, Category c) {
        Map<String, Integer> out = new HashMap<>();
        int i = 0;
        for (String s : classes(data, c)) {
            out.put(s, i++);
        }
        return out;
    }

    static List<String> classes(CameraData data, Category c) {
        TreeSet<String> s = new TreeSet<>();
        data.samples().forEach(x -> s.add(x.label(c)));
        return List.copyOf(s);
    }

    /** Mean reflectance per class of {@code c} against wavelength. */
    static Figure spectra(CameraData data, Category c) {
        double[] wl = data.wavelengthNm();
        Map<String, double[]> means = classMeans(data, data.spectra(), c);
        List<Charts.Line> lines = new ArrayList<>();
        means.forEach((k, v) -> lines.add(new Charts.Line(k, wl, v)));
        return Charts.lines(data.id() + "-spectra-" + c.id(), data.camera() + " mean spectrum of each " + c.title()
                        + " class (all spectra of the dataset).", data.camera() + " spectra by " + c.title(),
                "wavelength (nm)", "reflectance", lines, false);
    }

    /** Mean code per class of {@code c} against code index. */
    static Figure codes(CameraData data, Representation rep, Category c) {
        Map<String, double[]> means = classMeans(data, rep.codes(), c);
        double[] idx = new double[rep.codes().bands()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        List<Charts.Line> lines = new ArrayList<>();
        means.forEach((k, v) -> lines.add(new Charts.Line(k, idx, v)));
        return Charts.lines(data.id() + "-codes-" + rep.id() + "-" + c.id(), data.camera() + " " + rep.title()
                        + ": mean code of each " + c.title() + " class.", data.camera() + " " + rep.title() + " codes by "
                        + c.title(), "code dimension", "mean code value", lines, true);
    }

    static Map<String, double[]> classMeans(CameraData data, SpectraBlock block, Category c) {
        Map<String, double[]> sums = new TreeMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int r = 0; r < block.rows(); r++) {
            String k = data.label(r, c);
            double[] s = sums.computeIfAbsent(k, x -> new double[block.bands()]);
            for (int j = 0; j < block.bands(); j++) {
                s[j] += block.get(r, j);
            }
            counts.merge(k, 1, Integer::sum);
        }
        sums.forEach((k, v) -> {
            for (int j = 0; j < v.length; j++) {
                v[j] /= counts.get(k);
            }
        });
        return sums;
    }

    /** One spectrum (row {@code row}) and its reconstruction through each representation. */
    static Figure decoded(CameraData data, List<Representation> reps, int row) {
        double[] wl = data.wavelengthNm();
        SpectraBlock one = new SpectraBlock(data.spectra().row(row), 1, data.spectra().bands());
        List<Charts.Line> lines = new ArrayList<>();
        lines.add(new Charts.Line("input", wl, toDouble(one.row(0))));
        for (Representation rep : reps) {
            lines.add(new Charts.Line(rep.title() + " decoded", wl, toDouble(rep.model().reconstruct(one).row(0))));
        }
        String sample = data.samples().get(data.sampleOfRow()[row]).key();
        return Charts.lines(data.id() + "-decoded", data.camera() + " spectrum " + row + " of the dataset (sample "
                        + sample + ") and its reconstruction through each representation.",
                data.camera() + " input vs decoded spectrum", "wavelength (nm)", "reflectance", lines, false);
    }

    /** The t-SNE map of the map rows coloured by {@code c}, restricted to rows where {@code keep} is true. */
    static Figure map(String name, String caption, String title, CameraData data, int[] rows, float[] xy, Category c,
                      java.util.function.IntPredicate keep) {
        Map<String, List<double[]>> groups = new TreeMap<>();
        for (int i = 0; i < rows.length; i++) {
            if (keep.test(rows[i])) {
                groups.computeIfAbsent(data.label(rows[i], c), k -> new ArrayList<>())
                        .add(new double[] {xy[2 * i], xy[2 * i + 1]});
            }
        }
        List<Charts.Group> gs = new ArrayList<>();
        groups.forEach((k, pts) -> gs.add(new Charts.Group(k, pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray())));
        return Charts.scatter(name, caption, title, gs, 0, colours(data, c));
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
