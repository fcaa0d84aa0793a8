package dev.ofastudio.engine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.latency.LutLatencyModel;
import dev.ofastudio.engine.predict.OfficialAccuracyPredictor;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.search.Budget;
import dev.ofastudio.engine.search.Candidate;
import dev.ofastudio.engine.search.EvolutionConfig;
import dev.ofastudio.engine.search.EvolutionSearch;
import dev.ofastudio.engine.search.SearchResult;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.Golden;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvolutionBudgetSearchTest {
    static final SearchSpace W12 = SearchSpace.mobileNetV3(1.2).withResolutions(List.of(160, 176, 192, 208, 224));
    static final EvolutionConfig SHORT = EvolutionConfig.defaults().withPopulation(40, 30);

    @Test
    void listsEachDistinctCandidateOnceInTheOrderEvaluatedThenTheWinner() throws Exception {
        OfficialAccuracyPredictor predictor = OfficialAccuracyPredictor.load(Golden.officialPredictor());
        LutLatencyModel note10 = LutLatencyModel.load(Golden.note10Lut());
        List<BudgetSearch.Candidate> got = new EvolutionBudgetSearch(SHORT).search(W12, predictor, note10, 25, 7,
                ProgressListener.NONE, Cancellation.NEVER);

        // The same search run directly, its history de-duplicated the plain way.
        SearchResult r = new EvolutionSearch(W12, predictor, note10, Budget.latency(25), SHORT.withSeed(7))
                .run(ProgressListener.NONE, Cancellation.NEVER);
        Map<SubnetConfig, Candidate> first = new LinkedHashMap<>();
        for (Candidate c : r.history()) {
            first.putIfAbsent(c.config(), c);
        }
        List<BudgetSearch.Candidate> expected = new ArrayList<>();
        for (Candidate c : first.values()) {
            expected.add(new BudgetSearch.Candidate(c.config(), c.accuracy(), c.latencyMs(), false));
        }
        expected.add(new BudgetSearch.Candidate(r.best().config(), r.best().accuracy(), r.best().latencyMs(), true));

        assertTrue(first.size() < r.history().size(), "the history has repeats to drop");
        assertEquals(expected, got);
    }
}
