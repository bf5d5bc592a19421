package io.hyclus.analysis.embed;

/**
 * A fitted t-SNE map: the reference points, their 2-D positions (interleaved x, y, float32), provenance, and a
 * neighbour index and repulsion field over the reference (built on first use, not stored; see
 * {@link #EXACT_QUERY_LIMIT}). New points are added
 * with {@link #transform}, which leaves the reference positions unchanged.
 */
public final class TsneMap {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TsneMap.class);
    private final Points reference;
    private final float[] positions;
    private final EmbeddingProvenance provenance;
    /**
     * Up to this many reference points, new points find their neighbours by exact search (about N × D flops each:
     * 1,000 points onto 250,000 take well under a second on 2 cores, and there is no index to build after loading);
     * above it, by an HNSW graph over the reference (the fit's, or built on first use after loading).
     */
    public static final int EXACT_QUERY_LIMIT = 250_000;

    private NeighbourIndex index;
    private ExactNeighbourIndex exact;
    private Transform.Field field;

    TsneMap(Points reference, float[] positions, EmbeddingProvenance provenance, NeighbourIndex index) {
        if (positions.length != 2 * reference.n()) {
            throw new IllegalArgumentException("expected " + 2 * reference.n() + " coordinates, found "
                    + positions.length);
        }
        this.reference = reference;
        this.positions = positions;
        this.provenance = provenance;
        this.index = index;
    }

    /**
     * A map read back from a file, with its saved repulsion potentials or {@code null} (format version 1: computed on
     * first use); its neighbour index, if it needs one, is built on first use.
     */
    static TsneMap restored(Points reference, float[] positions, EmbeddingProvenance provenance,
            KernelPotentials potentials) {
        TsneMap map = new TsneMap(reference, positions, provenance, null);
        if (potentials != null) {
            map.field = Transform.Field.restored(positions, potentials);
        }
        return map;
    }

    /** The repulsion field of the reference for transforms, computed once (this is what a saved map stores). */
    synchronized Transform.Field field(Parallel parallel) {
        if (field == null) {
            long t0 = System.nanoTime();
            field = Transform.Field.of(this, parallel);
            LOG.info("t-SNE map: repulsion field of {} reference points computed in {} ms", reference.n(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        return field;
    }

    public Points reference() {
        return reference;
    }

    /** A copy of the reference positions, interleaved (x, y). */
    public float[] positions() {
        return positions.clone();
    }

    float[] positionsView() {
        return positions;
    }

    public EmbeddingProvenance provenance() {
        return provenance;
    }

    /**
     * Positions (interleaved x, y) for {@code points}, optimised against the fixed reference; each new point is
     * placed independently of the others. Fails before any work if the dimension differs from the map's.
     */
    public float[] transform(Points points, TransformSettings settings) {
        if (points.d() != reference.d()) {
            throw new EmbeddingInputException("the map was fitted on D = " + reference.d()
                    + " dimensions but the new points have D = " + points.d());
        }
        try (Parallel parallel = new Parallel(settings.threads())) {
            NeighbourIndex queries;
            synchronized (this) {
                if (reference.n() <= EXACT_QUERY_LIMIT) {
                    // exact search needs no index to build or load; same answers for a fitted or a reloaded map
                    if (exact == null) {
                        exact = index instanceof ExactNeighbourIndex e ? e : new ExactNeighbourIndex(reference);
                    }
                    queries = exact;
                } else {
                    if (index == null || index instanceof ExactNeighbourIndex) {
                        long t0 = System.nanoTime();
                        index = HnswNeighbourIndex.build(reference);
                        LOG.info("t-SNE map: neighbour index over {} reference points ({}) built in {} ms",
                                reference.n(), index.method(), (System.nanoTime() - t0) / 1_000_000);
                    }
                    queries = index;
                }
            }
            Transform.Field f = field(parallel);
            long t0 = System.nanoTime();
            float[] y = new Transform(this, queries, f, settings, parallel).run(points);
            LOG.info("t-SNE map: {} points placed onto {} in {} ms", points.n(), reference.n(),
                    (System.nanoTime() - t0) / 1_000_000);
            return y;
        }
    }
}
