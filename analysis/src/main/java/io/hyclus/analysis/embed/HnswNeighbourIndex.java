package io.hyclus.analysis.embed;

import com.github.jelmerk.knn.DistanceFunctions;
import com.github.jelmerk.knn.Item;
import com.github.jelmerk.knn.SearchResult;
import com.github.jelmerk.knn.hnsw.HnswIndex;

import java.util.Arrays;
import java.util.List;

/**
 * Approximate k-nearest-neighbour search with an HNSW graph (hnswlib-core). Points are inserted on one thread in
 * index order, and the library draws each node's level from a hash of its id, so the graph — and every answer — is
 * the same on every run; queries run in parallel. Distances of the returned points are recomputed exactly in double.
 */
public final class HnswNeighbourIndex implements NeighbourIndex {
    /** Links per node. */
    public static final int M = 16;
    /** Candidate list size while building. */
    public static final int EF_CONSTRUCTION = 100;
    /** Smallest candidate list size while searching; at least 2k is used for k neighbours. */
    public static final int MIN_EF = 64;

    private final Points reference;
    private final HnswIndex<Integer, float[], Row, Float> index;

    private HnswNeighbourIndex(Points reference, HnswIndex<Integer, float[], Row, Float> index) {
        this.reference = reference;
        this.index = index;
    }

    /** Builds the graph over {@code reference} (single-threaded, in index order: repeatable). */
    public static HnswNeighbourIndex build(Points reference) {
        HnswIndex<Integer, float[], Row, Float> index = HnswIndex
                .newBuilder(reference.d(), DistanceFunctions.FLOAT_EUCLIDEAN_DISTANCE, reference.n())
                .withM(M).withEfConstruction(EF_CONSTRUCTION).withEf(MIN_EF).<Integer, Row>build();
        for (int i = 0; i < reference.n(); i++) {
            index.add(new Row(i, Arrays.copyOfRange(reference.values(), i * reference.d(), (i + 1) * reference.d())));
        }
        return new HnswNeighbourIndex(reference, index);
    }

    @Override
    public Neighbours referenceNeighbours(int k, Parallel parallel) {
        return search(reference, k, true, parallel);
    }

    @Override
    public Neighbours query(Points queries, int k, Parallel parallel) {
        return search(queries, k, false, parallel);
    }

    @Override
    public String method() {
        return "hnsw(M=" + M + ",efConstruction=" + EF_CONSTRUCTION + ",ef=max(" + MIN_EF + ",2k))";
    }

    private Neighbours search(Points queries, int k, boolean self, Parallel parallel) {
        int available = reference.n() - (self ? 1 : 0);
        if (k > available) {
            throw new EmbeddingInputException("asked for " + k + " neighbours among " + available + " reference points");
        }
        synchronized (index) {
            index.setEf(Math.max(MIN_EF, 2 * k));
        }
        int m = queries.n();
        int d = queries.d();
        int[] outIdx = new int[m * k];
        double[] outDist = new double[m * k];
        parallel.forRange(m, (part, from, to) -> {
            ExactNeighbourIndex.TopK top = new ExactNeighbourIndex.TopK(k);
            for (int q = from; q < to; q++) {
                float[] v = Arrays.copyOfRange(queries.values(), q * d, (q + 1) * d);
                List<SearchResult<Row, Float>> found = index.findNearest(v, k + 1);
                top.clear();
                for (SearchResult<Row, Float> r : found) {
                    int j = r.item().id();
                    if (!self || j != q) {
                        top.offer(j, ExactNeighbourIndex.distanceSq(queries.values(), q, reference.values(), j, d));
                    }
                }
                top.drainSorted(outIdx, outDist, q * k);
            }
        });
        return new Neighbours(m, k, outIdx, outDist);
    }

    /** One indexed reference row. */
    record Row(Integer id, float[] vector) implements Item<Integer, float[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }
}
