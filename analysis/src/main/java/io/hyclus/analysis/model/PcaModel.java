package io.hyclus.analysis.model;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Principal components of the scaled spectra: the linear baseline with the autoencoders' code size. Fitting
 * accumulates the mean and the covariance in double and takes the top {@code k} eigenvectors of the covariance
 * (commons-math3 {@link EigenDecomposition}); each component's sign is fixed so that its largest-magnitude loading is
 * positive (the first such band on ties), so a fit is the same on every run. The seed is not used: PCA is
 * deterministic. Encode is {@code (x - mean) V}, decode {@code codes V^T + mean} clipped to [0, 1]. Stored as
 * {@link PcaFile#NAME} ({@link PcaFile}).
 */
public final class PcaModel implements SpectralModel {
    private final ModelSpec spec;
    private final int bands;
    /** Band means of the training spectra, or null before fitting. */
    private double[] mean;
    /** Components, bands x k row-major: {@code components[b * k + j]} is band b's loading on component j. */
    private double[] components;

    private PcaModel(ModelSpec spec, int bands, double[] mean, double[] components) {
        if (spec.architecture() != Architecture.PCA) {
            throw new IllegalArgumentException("PcaModel cannot be a " + spec);
        }
        if (spec.codeSize() > bands) {
            throw new IllegalArgumentException("PCA code size " + spec.codeSize() + " exceeds the " + bands + " bands");
        }
        this.spec = spec;
        this.bands = bands;
        this.mean = mean;
        this.components = components;
    }

    /** An unfitted PCA of {@code codeSize} components for spectra of {@code bands} bands; {@code seed} is unused. */
    public static SpectralModel untrained(int bands, int codeSize, long seed) {
        return new PcaModel(new ModelSpec(Architecture.PCA, codeSize), bands, null, null);
    }

    /** Reads {@link PcaFile#NAME} from {@code dir}; a missing, truncated, corrupt or mis-sized file fails naming it. */
    public static SpectralModel load(Path dir, ModelSpec spec, int bands) {
        PcaFile.Content c = PcaFile.read(dir.resolve(PcaFile.NAME), bands, spec.codeSize());
        return new PcaModel(spec, bands, c.mean(), c.loadings());
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public int bands() {
        return bands;
    }

    @Override
    public List<EpochRecord> fit(SpectraBlock train, SpectraBlock validation, TrainingSettings settings,
                                 EpochListener listener) {
        checkBands(train, "training spectra");
        checkBands(validation, "validation spectra");
        if (train.rows() < 2) {
            throw new ModelException("PCA needs at least 2 training spectra, got " + train.rows());
        }
        long start = System.nanoTime();
        double[] m = means(train);
        double[] cov = covariance(train, m);
        double[] v = topComponents(cov, spec.codeSize());
        mean = m;
        components = v;
        double seconds = (System.nanoTime() - start) / 1e9;
        double trainLoss = Losses.binaryCrossEntropy(train, decode(encode(train)));
        double valLoss = validation.rows() == 0 ? Double.NaN
                : Losses.binaryCrossEntropy(validation, decode(encode(validation)));
        EpochRecord r = new EpochRecord(1, trainLoss, valLoss, 0.0, seconds, train.rows() / Math.max(seconds, 1e-9));
        listener.epochDone(r, 1);
        return List.of(r);
    }

    private static double[] means(SpectraBlock s) {
        int d = s.bands();
        double[] m = new double[d];
        float[] v = s.values();
        for (int r = 0; r < s.rows(); r++) {
            for (int b = 0, o = r * d; b < d; b++) {
                m[b] += v[o + b];
            }
        }
        for (int b = 0; b < d; b++) {
            m[b] /= s.rows();
        }
        return m;
    }

    /** Sample covariance (divided by n - 1), d x d row-major; the upper triangle is accumulated and mirrored. */
    private static double[] covariance(SpectraBlock s, double[] mean) {
        int d = s.bands();
        double[] c = new double[d * d];
        double[] x = new double[d];
        float[] v = s.values();
        for (int r = 0; r < s.rows(); r++) {
            for (int b = 0, o = r * d; b < d; b++) {
                x[b] = v[o + b] - mean[b];
            }
            for (int i = 0; i < d; i++) {
                double xi = x[i];
                int row = i * d;
                for (int j = i; j < d; j++) {
                    c[row + j] += xi * x[j];
                }
            }
        }
        double n1 = s.rows() - 1.0;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i * d + j] /= n1;
                c[j * d + i] = c[i * d + j];
            }
        }
        return c;
    }

    /** The eigenvectors of the {@code k} largest eigenvalues, bands x k, signs fixed (largest loading positive). */
    private static double[] topComponents(double[] cov, int k) {
        int d = (int) Math.round(Math.sqrt(cov.length));
        double[][] rows = new double[d][];
        for (int i = 0; i < d; i++) {
            rows[i] = Arrays.copyOfRange(cov, i * d, (i + 1) * d);
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(rows, false));
        double[] values = eig.getRealEigenvalues();
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double[] out = new double[d * k];
        for (int j = 0; j < k; j++) {
            RealVector vec = eig.getEigenvector(order[j]);
            int arg = 0;
            for (int b = 1; b < d; b++) {
                if (Math.abs(vec.getEntry(b)) > Math.abs(vec.getEntry(arg))) {
                    arg = b;
                }
            }
            double sign = vec.getEntry(arg) < 0 ? -1 : 1;
            for (int b = 0; b < d; b++) {
                out[b * k + j] = sign * vec.getEntry(b);
            }
        }
        return out;
    }

    @Override
    public SpectraBlock encode(SpectraBlock scaled) {
        fitted();
        checkBands(scaled, "spectra to encode");
        int k = spec.codeSize();
        float[] in = scaled.values();
        float[] out = new float[scaled.rows() * k];
        double[] acc = new double[k];
        for (int r = 0; r < scaled.rows(); r++) {
            Arrays.fill(acc, 0);
            for (int b = 0, o = r * bands; b < bands; b++) {
                double x = in[o + b] - mean[b];
                for (int j = 0, c = b * k; j < k; j++) {
                    acc[j] += x * components[c + j];
                }
            }
            for (int j = 0; j < k; j++) {
                out[r * k + j] = (float) acc[j];
            }
        }
        return new SpectraBlock(out, scaled.rows(), k);
    }

    @Override
    public SpectraBlock decode(SpectraBlock codes) {
        fitted();
        int k = spec.codeSize();
        if (codes.bands() != k) {
            throw new ModelException(spec.name() + " decodes codes of " + k + " numbers, given " + codes.bands());
        }
        float[] in = codes.values();
        float[] out = new float[codes.rows() * bands];
        for (int r = 0; r < codes.rows(); r++) {
            for (int b = 0; b < bands; b++) {
                double x = mean[b];
                for (int j = 0, c = b * k; j < k; j++) {
                    x += in[r * k + j] * components[c + j];
                }
                out[r * bands + b] = (float) (x < 0 ? 0 : (x > 1 ? 1 : x));
            }
        }
        return new SpectraBlock(out, codes.rows(), bands);
    }

    @Override
    public void save(Path dir) {
        fitted();
        PcaFile.write(dir.resolve(PcaFile.NAME), new PcaFile.Content(bands, spec.codeSize(), mean, components));
    }

    /** Band means (a copy). */
    public double[] mean() {
        fitted();
        return mean.clone();
    }

    /** Components, bands x k row-major (a copy). */
    public double[] components() {
        fitted();
        return components.clone();
    }

    private void fitted() {
        if (mean == null) {
            throw new ModelException(spec.name() + " is not fitted");
        }
    }

    private void checkBands(SpectraBlock s, String what) {
        if (s.bands() != bands) {
            throw new ModelException(spec.name() + " takes " + bands + " bands, " + what + " have " + s.bands());
        }
    }
}
