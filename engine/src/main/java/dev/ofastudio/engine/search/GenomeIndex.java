package dev.ofastudio.engine.search;

import java.util.Arrays;

/**
 * A hash set of genomes stored as byte rows of {@link GenomeLayout#LENGTH}, numbering each distinct
 * row 0, 1, 2, ... in the order it was first added. The search adds ~50,000 genomes; a set of
 * Strings or boxed keys cost an object or three per genome and most of the collector's time.
 * Not thread-safe.
 */
final class GenomeIndex {
    private static final int L = GenomeLayout.LENGTH;

    private byte[] rows;
    /** Open addressing, linear probing: row id + 1, or 0 for an empty slot. */
    private int[] slots;
    private int size;

    GenomeIndex(int expected) {
        int n = Math.max(1, expected);
        rows = new byte[n * L];
        slots = new int[Math.max(16, Integer.highestOneBit(n) * 4)];
    }

    int size() {
        return size;
    }

    /** The id of the row {@code genes[offset .. offset + LENGTH)}, added with the next id if new. */
    int add(byte[] genes, int offset) {
        int mask = slots.length - 1;
        int slot = hash(genes, offset) & mask;
        for (int id; (id = slots[slot] - 1) >= 0; slot = (slot + 1) & mask) {
            if (Arrays.equals(rows, id * L, id * L + L, genes, offset, offset + L)) {
                return id;
            }
        }
        if ((size + 1) * L > rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        System.arraycopy(genes, offset, rows, size * L, L);
        slots[slot] = ++size;
        if (2 * size > slots.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hash(rows, id * L) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
    }

    private static int hash(byte[] genes, int offset) {
        int h = 1;
        for (int i = offset; i < offset + L; i++) {
            h = 31 * h + genes[i];
        }
        // Mix high bits into the low ones, which pick the slot.
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
