package io.hyclus.report;

import io.hyclus.analysis.model.SpectraBlock;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;

/**
 * The k-means elbow: Tribuo's {@link KMeansTrainer} (k-means++ initialisation, at most {@value #ITERATIONS}
 * iterations, Euclidean distance, seeded) for k = 1…{@value #MAX_K} on the codes as they are (not standardised).
 * SSE is the within-cluster sum of squared distances of the points to the mean of their cluster, for the clusters
 * the model assigns.
 *
 * @param assignments [k - 1][point] cluster of each point
 * @param sse         [k - 1] within-cluster sum of squares
 */
public record Elbow(int[][] assignments, double[] sse) {
    public static final int MAX_K = 9;
    static final int ITERATIONS = 100;

    static Elbow of(SpectraBlock points, long seed, int threads) {
        int d = points.bands();
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = String.format("c%02d", j);
        }
        ClusteringFactory f = new ClusteringFactory();
        MutableDataset<ClusterID> ds = new MutableDataset<>(new SimpleDataSourceProvenance("hyclus report codes", f), f);
        List<Example<ClusterID>> examples = new ArrayList<>();
        for (int r = 0; r < points.rows(); r++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = points.get(r, j);
            }
            Example<ClusterID> e = new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, x);
            examples.add(e);
            ds.add(e);
        }
        int[][] assign = new int[MAX_K][points.rows()];
        double[] sse = new double[MAX_K];
        for (int k = 1; k <= MAX_K; k++) {
            KMeansTrainer t = new KMeansTrainer(k, ITERATIONS, new L2Distance(), KMeansTrainer.Initialisation.PLUSPLUS,
                    threads, seed);
            KMeansModel m = t.train(ds);
            List<Prediction<ClusterID>> p = m.predict(examples);
            for (int r = 0; r < p.size(); r++) {
                assign[k - 1][r] = p.get(r).getOutput().getID();
            }
            sse[k - 1] = sse(points, assign[k - 1]);
        }
        return new Elbow(assign, sse);
    }

    /** Sum over points of the squared distance to the mean of the points with the same cluster. */
    static double sse(SpectraBlock points, int[] cluster) {
        int d = points.bands();
        java.util.Map<Integer, double[]> sums = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int r = 0; r < points.rows(); r++) {
            double[] s = sums.computeIfAbsent(cluster[r], c -> new double[d]);
            for (int j = 0; j < d; j++) {
                s[j] += points.get(r, j);
            }
            counts.merge(cluster[r], 1, Integer::sum);
        }
        double total = 0;
        for (int r = 0; r < points.rows(); r++) {
            double[] s = sums.get(cluster[r]);
            int n = counts.get(cluster[r]);
            for (int j = 0; j < d; j++) {
                double x = points.get(r, j) - s[j] / n;
                total += x * x;
            }
        }
        return total;
    }
}
