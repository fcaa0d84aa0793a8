package dev.ofastudio.engine.study;

import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.space.SearchSpace;
import java.util.List;
import java.util.Objects;

/**
 * What one sweep runs: the space, the predictor, the boards (each gets its own searches), how
 * many budgets per board across its feasible range, how many random nets in the cloud, and the seed.
 */
public record SweepRequest(SearchSpace space, AccuracyPredictor predictor, List<LatencySource> boards,
        int budgetCount, int cloudSize, long seed) {
    public SweepRequest {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(predictor, "predictor");
        boards = List.copyOf(boards);
        if (boards.isEmpty()) {
            throw new IllegalArgumentException("boards: expected at least one latency source");
        }
        if (budgetCount < 0 || budgetCount > 100) {
            throw new IllegalArgumentException("budgetCount must lie in 0..100, got " + budgetCount);
        }
        if (cloudSize < 0 || cloudSize > 1_000_000) {
            throw new IllegalArgumentException("cloudSize must lie in 0..1000000, got " + cloudSize);
        }
    }

    public List<String> boardLabels() {
        return boards.stream().map(LatencySource::label).toList();
    }
}
