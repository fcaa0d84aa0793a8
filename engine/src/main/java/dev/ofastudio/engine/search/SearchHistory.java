package dev.ofastudio.engine.search;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Every candidate a search evaluated, in order, stored column-wise (genes as bytes): ~75 bytes a
 * candidate instead of a config with three arrays and a record, which a sweep of twelve 50,000-candidate
 * searches kept alive at a cost of seconds of garbage collection. {@link #get} builds the
 * {@link Candidate} on demand. Read-only once the search has returned.
 */
public final class SearchHistory extends AbstractList<Candidate> implements RandomAccess {
    private static final int L = GenomeLayout.LENGTH;

    private final GenomeLayout layout;
    private byte[] genes;
    private double[] accuracy;
    private double[] latencyMs;
    private long[] macs;
    private int[] generation;
    private int size;

    SearchHistory(GenomeLayout layout, int expected) {
        int n = Math.max(1, expected);
        this.layout = layout;
        this.genes = new byte[n * L];
        this.accuracy = new double[n];
        this.latencyMs = new double[n];
        this.macs = new long[n];
        this.generation = new int[n];
    }

    void append(int[] genome, double acc, double lat, long mac, int gen) {
        if (size == accuracy.length) {
            int n = 2 * size;
            genes = Arrays.copyOf(genes, n * L);
            accuracy = Arrays.copyOf(accuracy, n);
            latencyMs = Arrays.copyOf(latencyMs, n);
            macs = Arrays.copyOf(macs, n);
            generation = Arrays.copyOf(generation, n);
        }
        for (int i = 0; i < L; i++) {
            genes[size * L + i] = (byte) genome[i];
        }
        accuracy[size] = acc;
        latencyMs[size] = lat;
        macs[size] = mac;
        generation[size] = gen;
        size++;
    }

    @Override
    public Candidate get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("candidate " + i + " of " + size);
        }
        return new Candidate(layout.toConfig(genes, i * L), accuracy[i], latencyMs[i], macs[i], generation[i]);
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * Indices of the first evaluation of each distinct config, in order (a config evaluated again,
     * e.g. a mutant that drew no change, is listed once).
     */
    public int[] firstEvaluations() {
        GenomeIndex seen = new GenomeIndex(size);
        int[] out = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (seen.add(genes, i * L) == n) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
