package dev.ofastudio.engine.data;

import java.util.Random;

/** Seeded permutations and splits of index ranges. */
public final class Splits {
    /** Seed of the holdout draw (OFA's {@code VALID_SEED}). */
    public static final long HOLDOUT_SEED = 2147483647L;
    /** Seed of the test share carved from sets that ship no test split. */
    public static final long TEST_SEED = 937162211L;

    private Splits() {
    }

    /** A Fisher–Yates permutation of {@code 0..n-1}. */
    public static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * {@code [train, holdout]} of a train split of {@code n} images: the trainer's draw, which the
     * accuracy dataset repeats so that it never evaluates on images the supernet trained on.
     */
    public static int[][] holdout(int n, int holdoutSize) {
        return split(n, holdoutSize, new Random(HOLDOUT_SEED));
    }

    /** {@code [rest, taken]}: {@code take} random indices of {@code 0..n-1} and the others, each sorted. */
    public static int[][] split(int n, int take, Random rng) {
        int[] p = permutation(n, rng);
        int[] taken = java.util.Arrays.copyOfRange(p, 0, take);
        int[] rest = java.util.Arrays.copyOfRange(p, take, n);
        java.util.Arrays.sort(taken);
        java.util.Arrays.sort(rest);
        return new int[][] {rest, taken};
    }
}
