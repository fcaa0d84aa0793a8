package dev.ofastudio.app.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The accuracy-vs-latency Pareto front: the points no other point beats on both axes. */
public final class ParetoFront {
    private ParetoFront() {
    }

    /**
     * Indices of the non-dominated points among {@code candidates} (lower latency and higher
     * accuracy are better), sorted by latency ascending. NaN latencies are skipped.
     */
    public static int[] of(double[] latency, double[] accuracy, int[] candidates) {
        Integer[] order = Arrays.stream(candidates).filter(i -> !Double.isNaN(latency[i])).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> latency[i])
                        .thenComparing(Comparator.<Integer>comparingDouble(i -> accuracy[i]).reversed()))
                .toArray(Integer[]::new);
        List<Integer> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (int i : order) {
            if (accuracy[i] > best) {
                front.add(i);
                best = accuracy[i];
            }
        }
        return front.stream().mapToInt(Integer::intValue).toArray();
    }

    public static int[] of(double[] latency, double[] accuracy) {
        return of(latency, accuracy, IntStream.range(0, latency.length).toArray());
    }
}
