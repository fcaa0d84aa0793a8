package dev.ofastudio.engine.study;

import java.util.Arrays;

/** The accuracy-vs-latency Pareto front: the points no other point beats on both axes. */
public final class ParetoFront {
    private ParetoFront() {
    }

    /**
     * Indices of the non-dominated points among {@code candidates} (lower latency and higher
     * accuracy are better), sorted by latency ascending. NaN latencies are skipped.
     */
    public static int[] of(double[] latency, double[] accuracy, int[] candidates) {
        // Sort by (latency ascending, accuracy descending) without boxing: 50k rows take a few ms.
        int[] rows = new int[candidates.length];
        int n = 0;
        for (int i : candidates) {
            if (!Double.isNaN(latency[i])) {
                rows[n++] = i;
            }
        }
        int[] order = sortByLatencyThenAccuracy(Arrays.copyOf(rows, n), latency, accuracy);
        int[] front = new int[order.length];
        int m = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int i : order) {
            if (accuracy[i] > best) {
                front[m++] = i;
                best = accuracy[i];
            }
        }
        return Arrays.copyOf(front, m);
    }

    public static int[] of(double[] latency, double[] accuracy) {
        int[] all = new int[latency.length];
        Arrays.setAll(all, i -> i);
        return of(latency, accuracy, all);
    }

    /** The front of board {@code b}: rows of the random cloud ({@code origin < 0}) and of b's own searches. */
    public static int[] ofBoard(double[] latency, double[] accuracy, int[] origin, int b) {
        return extend(new int[0], 0, accuracy.length, latency, accuracy, origin, b);
    }

    /**
     * Board {@code b}'s front over rows {@code [0, to)} from its front over {@code [0, from)}: a point
     * off the old front stays off it, so only the old front and the new rows compete.
     */
    static int[] extend(int[] front, int from, int to, double[] latency, double[] accuracy, int[] origin, int b) {
        int[] candidates = new int[front.length + (to - from)];
        System.arraycopy(front, 0, candidates, 0, front.length);
        int n = front.length;
        for (int i = from; i < to; i++) {
            if (origin[i] < 0 || origin[i] == b) {
                candidates[n++] = i;
            }
        }
        return of(latency, accuracy, Arrays.copyOf(candidates, n));
    }

    private static int[] sortByLatencyThenAccuracy(int[] rows, double[] latency, double[] accuracy) {
        // Primitive merge sort on indices.
        int[] a = rows.clone();
        int[] tmp = new int[a.length];
        for (int width = 1; width < a.length; width *= 2) {
            for (int lo = 0; lo < a.length - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, a.length);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    tmp[k++] = before(a[j], a[i], latency, accuracy) ? a[j++] : a[i++];
                }
                while (i < mid) {
                    tmp[k++] = a[i++];
                }
                while (j < hi) {
                    tmp[k++] = a[j++];
                }
                System.arraycopy(tmp, lo, a, lo, hi - lo);
            }
        }
        return a;
    }

    /** Strictly before: lower latency, or equal latency and higher accuracy. */
    private static boolean before(int x, int y, double[] latency, double[] accuracy) {
        return latency[x] < latency[y] || (latency[x] == latency[y] && accuracy[x] > accuracy[y]);
    }
}
