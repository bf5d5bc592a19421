package io.hyclus.analysis.livemap;

import io.hyclus.core.Checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded uniform sample of at most {@code capacity} of all points offered (Vitter's algorithm R): the first
 * {@code capacity} points fill it; the i-th point after (0-based count i) replaces slot j when j, drawn uniformly from
 * 0..i by a generator seeded with the seed and i alone, is below the capacity. No generator state is carried, so a
 * reservoir read back from a file goes on exactly as the original would. Each slot keeps the point's sample, its row
 * among the sample's spectra, and its code.
 */
final class Reservoir {
    private final int capacity;
    private final int d;
    private final long seed;
    private final List<MapSample> samples = new ArrayList<>();
    private final java.util.Map<MapSample, Integer> index = new java.util.HashMap<>();
    private final int[] sampleOf;
    private final int[] rowOf;
    private final float[] codes;
    private long seen;
    private int size;

    Reservoir(int capacity, int d, long seed) {
        this.capacity = Checks.positive("reservoir capacity", capacity);
        this.d = Checks.positive("code size", d);
        this.seed = seed;
        this.sampleOf = new int[capacity];
        this.rowOf = new int[capacity];
        this.codes = new float[Math.multiplyExact(capacity, d)];
    }

    int capacity() {
        return capacity;
    }

    int d() {
        return d;
    }

    long seed() {
        return seed;
    }

    /** Points offered since the reservoir was made. */
    long seen() {
        return seen;
    }

    int size() {
        return size;
    }

    /** Offers every point of a sample: {@code rows.length} points, {@code codes} row-major with {@link #d} per point. */
    void offer(MapSample sample, int[] rows, float[] codes) {
        if (codes.length != rows.length * d) {
            throw new IllegalArgumentException("sample " + sample + ": " + rows.length + " points of " + d
                    + " need " + rows.length * d + " values, got " + codes.length);
        }
        int s = indexOf(sample);
        for (int i = 0; i < rows.length; i++) {
            int slot;
            if (seen < capacity) {
                slot = size++;
            } else {
                long j = new SplittableRandom(Seeds.mix(seed + seen)).nextLong(seen + 1);
                slot = j < capacity ? (int) j : -1;
            }
            seen++;
            if (slot >= 0) {
                sampleOf[slot] = s;
                rowOf[slot] = rows[i];
                System.arraycopy(codes, i * d, this.codes, slot * d, d);
            }
        }
        compact();
    }

    private int indexOf(MapSample sample) {
        return index.computeIfAbsent(sample, k -> {
            samples.add(k);
            return samples.size() - 1;
        });
    }

    /** The codes of the points held, row-major, slot order (a copy). */
    float[] codes() {
        return Arrays.copyOf(codes, size * d);
    }

    MapSample sample(int slot) {
        return samples.get(sampleOf[check(slot)]);
    }

    int row(int slot) {
        return rowOf[check(slot)];
    }

    private int check(int slot) {
        if (slot < 0 || slot >= size) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + size);
        }
        return slot;
    }

    /** Restores a reservoir as {@link LiveMapStateFile} read it. */
    static Reservoir restored(int capacity, int d, long seed, long seen, List<MapSample> sampleList, int[] sampleOf,
                              int[] rowOf, float[] codes) {
        Reservoir r = new Reservoir(capacity, d, seed);
        int n = sampleOf.length;
        if (n > capacity || rowOf.length != n || codes.length != n * d || seen < n || (seen < capacity && seen != n)) {
            throw new IllegalArgumentException("inconsistent reservoir: " + n + " points of " + d + " (capacity "
                    + capacity + ", seen " + seen + "), " + rowOf.length + " rows, " + codes.length + " values");
        }
        r.samples.addAll(sampleList);
        for (int s = 0; s < sampleList.size(); s++) {
            r.index.put(sampleList.get(s), s);
        }
        for (int i = 0; i < n; i++) {
            if (sampleOf[i] < 0 || sampleOf[i] >= sampleList.size()) {
                throw new IllegalArgumentException("reservoir slot " + i + " names sample " + sampleOf[i] + " of "
                        + sampleList.size());
            }
        }
        System.arraycopy(sampleOf, 0, r.sampleOf, 0, n);
        System.arraycopy(rowOf, 0, r.rowOf, 0, n);
        System.arraycopy(codes, 0, r.codes, 0, codes.length);
        r.size = n;
        r.seen = seen;
        return r;
    }

    /** Samples with at least one point held, each once, in first-seen order (what {@link LiveMapStateFile} stores). */
    List<MapSample> heldSamples() {
        compact();
        return List.copyOf(samples);
    }

    /** Per slot, the index of its sample in {@link #heldSamples()}. */
    int[] heldSampleIndices() {
        compact();
        return Arrays.copyOf(sampleOf, size);
    }

    /** Forgets samples none of whose points are held any more (keeps the others' order). */
    void compact() {
        boolean[] held = new boolean[samples.size()];
        for (int i = 0; i < size; i++) {
            held[sampleOf[i]] = true;
        }
        int[] remap = new int[samples.size()];
        List<MapSample> kept = new ArrayList<>();
        for (int s = 0; s < held.length; s++) {
            remap[s] = held[s] ? kept.size() : -1;
            if (held[s]) {
                kept.add(samples.get(s));
            }
        }
        for (int i = 0; i < size; i++) {
            sampleOf[i] = remap[sampleOf[i]];
        }
        samples.clear();
        samples.addAll(kept);
        index.clear();
        for (int s = 0; s < kept.size(); s++) {
            index.put(kept.get(s), s);
        }
    }

    int[] rows() {
        return Arrays.copyOf(rowOf, size);
    }
}
