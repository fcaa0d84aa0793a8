package dev.ofastudio.engine.study;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.search.Budget;
import dev.ofastudio.engine.search.EvolutionConfig;
import dev.ofastudio.engine.search.EvolutionSearch;
import dev.ofastudio.engine.search.SearchResult;
import dev.ofastudio.engine.space.SearchSpace;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** The engine's evolutionary search (OFA's settings unless told otherwise) as a {@link BudgetSearch}. */
public final class EvolutionBudgetSearch implements BudgetSearch {
    private final EvolutionConfig config;

    public EvolutionBudgetSearch(EvolutionConfig config) {
        this.config = config;
    }

    public static EvolutionBudgetSearch ofaDefaults() {
        return new EvolutionBudgetSearch(EvolutionConfig.defaults());
    }

    @Override
    public List<Candidate> search(SearchSpace space, AccuracyPredictor predictor, LatencyModel latency,
            double budgetMs, long seed, ProgressListener progress, Cancellation cancellation)
            throws OfaException, Cancellation.CancelledException {
        SearchResult r = new EvolutionSearch(space, predictor, latency, Budget.latency(budgetMs),
                config.withSeed(seed)).run(progress, cancellation);
        return new DistinctCandidates(r);
    }

    /** The search's distinct candidates, then its winner, each built when read. */
    private static final class DistinctCandidates extends AbstractList<Candidate> implements RandomAccess {
        private final SearchResult result;
        private final int[] first;

        DistinctCandidates(SearchResult result) {
            this.result = result;
            this.first = result.history().firstEvaluations();
        }

        @Override
        public Candidate get(int i) {
            var c = i == first.length ? result.best() : result.history().get(first[i]);
            return new Candidate(c.config(), c.accuracy(), c.latencyMs(), i == first.length);
        }

        @Override
        public int size() {
            return first.length + 1;
        }
    }
}
