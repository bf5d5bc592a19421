package io.hyclus.analysis.embed;

/**
 * A fitted t-SNE map: the reference points, their 2-D positions (interleaved x, y, float32), provenance, and a
 * neighbour index and repulsion field over the reference (built on first use, not stored). New points are added
 * with {@link #transform}, which leaves the reference positions unchanged.
 */
public final class TsneMap {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TsneMap.class);
    private final Points reference;
    private final float[] positions;
    private final EmbeddingProvenance provenance;
    private NeighbourIndex index;
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

    /** A map read back from a file; its neighbour index is built on first use. */
    static TsneMap restored(Points reference, float[] positions, EmbeddingProvenance provenance) {
        return new TsneMap(reference, positions, provenance, null);
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
            synchronized (this) {
                if (index == null) {
                    long t0 = System.nanoTime();
                    index = NeighbourIndex.build(reference, provenance.settings().exactNeighbourLimit());
                    LOG.info("t-SNE map: neighbour index over {} reference points ({}) built in {} ms", reference.n(),
                            index.method(), (System.nanoTime() - t0) / 1_000_000);
                }
                if (field == null) {
                    long t0 = System.nanoTime();
                    field = Transform.Field.of(this, parallel);
                    LOG.info("t-SNE map: repulsion field of {} reference points computed in {} ms", reference.n(),
                            (System.nanoTime() - t0) / 1_000_000);
                }
            }
            long t0 = System.nanoTime();
            float[] y = new Transform(this, index, field, settings, parallel).run(points);
            LOG.info("t-SNE map: {} points placed onto {} in {} ms", points.n(), reference.n(),
                    (System.nanoTime() - t0) / 1_000_000);
            return y;
        }
    }
}
