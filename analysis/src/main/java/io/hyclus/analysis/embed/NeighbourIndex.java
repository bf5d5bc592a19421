package io.hyclus.analysis.embed;

/** Nearest-neighbour search over a fixed set of reference points (Euclidean distance). */
public interface NeighbourIndex {
    /** The {@code k} nearest other reference points of every reference point (a point is never its own neighbour). */
    Neighbours referenceNeighbours(int k, Parallel parallel);

    /** The {@code k} nearest reference points of each query point. */
    Neighbours query(Points queries, int k, Parallel parallel);

    /** What this index is, for provenance: {@code exact} or {@code hnsw(M=16,ef=...)}. */
    String method();

    /** Exact search up to {@code exactLimit} reference points, HNSW above. */
    static NeighbourIndex build(Points reference, int exactLimit) {
        return reference.n() <= exactLimit ? new ExactNeighbourIndex(reference) : HnswNeighbourIndex.build(reference);
    }
}
