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
import java.util.ArrayList;
import java.util.List;

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
        List<Candidate> out = new ArrayList<>(r.history().size() + 1);
        for (var c : r.history()) {
            out.add(new Candidate(c.config(), c.accuracy(), c.latencyMs(), false));
        }
        out.add(new Candidate(r.best().config(), r.best().accuracy(), r.best().latencyMs(), true));
        return out;
    }
}
