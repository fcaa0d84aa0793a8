package dev.ofastudio.app.pareto;

import dev.ofastudio.engine.study.ResultTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds boards whose latencies live on another scale than the chosen board's (a phone lookup
 * table at 10–80 ms next to DPUs at 2–7 ms): drawn on one axis they squash the others, so the
 * chart starts with them hidden and says so; their checkbox brings them back.
 */
public final class LatencyScales {
    /** Median front latencies further apart than this are another scale. */
    static final double RATIO = 4;

    private LatencyScales() {
    }

    /** Boards of {@code t} on another scale than board {@code chosen}, by index. */
    public static List<Integer> otherScale(ResultTable t, int chosen) {
        List<Integer> out = new ArrayList<>();
        if (chosen < 0 || chosen >= t.boards().size()) {
            return out;
        }
        double ref = medianFrontLatency(t, chosen);
        for (int b = 0; b < t.boards().size(); b++) {
            double m = medianFrontLatency(t, b);
            if (b != chosen && ref > 0 && m > 0 && (m / ref > RATIO || ref / m > RATIO)) {
                out.add(b);
            }
        }
        return out;
    }

    private static double medianFrontLatency(ResultTable t, int b) {
        double[] lat = Arrays.stream(t.front(b)).mapToDouble(i -> t.latency(b, i)).sorted().toArray();
        return lat.length == 0 ? Double.NaN : lat[lat.length / 2];
    }
}
