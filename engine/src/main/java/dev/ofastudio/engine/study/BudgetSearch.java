package dev.ofastudio.engine.study;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;

/**
 * One constrained search: the most accurate sub-network under a latency budget on one board.
 * The studio's implementation wraps the engine's evolutionary search; tests pass a small fake.
 */
@FunctionalInterface
public interface BudgetSearch {
    /** One evaluated sub-network; {@code best} marks the winner. */
    record Candidate(SubnetConfig config, double accuracy, double latencyMs, boolean best) {
    }

    /**
     * Each distinct config the search evaluated, once, in the order first evaluated, then the
     * winner (one of them) again, the only one with {@code best} set. The list may build its
     * elements when they are read (a sweep reads about a thousand of a search's ~45,000).
     */
    List<Candidate> search(SearchSpace space, AccuracyPredictor predictor, LatencyModel latency, double budgetMs,
            long seed, ProgressListener progress, Cancellation cancellation)
            throws OfaException, Cancellation.CancelledException;
}
