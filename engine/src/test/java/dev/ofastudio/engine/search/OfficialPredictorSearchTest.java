package dev.ofastudio.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.latency.LutLatencyModel;
import dev.ofastudio.engine.predict.OfficialAccuracyPredictor;
import dev.ofastudio.engine.predict.ParallelAccuracyPredictor;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's search (digest §5.3): official predictor, Note10 table, 25 ms, tutorial settings.
 * The tutorial found 0.8171 at 24.73 ms; a different random stream finds a different net, so only
 * sane properties are checked.
 */
class OfficialPredictorSearchTest {
    static final SearchSpace W12 = SearchSpace.mobileNetV3(1.2).withResolutions(List.of(160, 176, 192, 208, 224));

    @Test
    void findsAFeasibleNetComparableToTheTutorialsAndRepeatsItWithTheSameSeed() throws Exception {
        OfficialAccuracyPredictor predictor = OfficialAccuracyPredictor.load(Golden.officialPredictor());
        LutLatencyModel note10 = LutLatencyModel.load(Golden.note10Lut());
        EvolutionConfig config = EvolutionConfig.defaults().withSeed(2024);
        SearchResult a = new EvolutionSearch(W12, predictor, note10, Budget.latency(25), config)
                .run(ProgressListener.NONE, Cancellation.NEVER);

        Candidate best = a.best();
        assertTrue(best.latencyMs() <= 25, best.toString());
        assertTrue(a.history().stream().allMatch(c -> c.latencyMs() <= 25));
        double initialBest = a.history().stream().filter(c -> c.generation() == 0)
                .mapToDouble(Candidate::accuracy).max().orElseThrow();
        assertTrue(best.accuracy() >= initialBest);
        assertTrue(best.accuracy() > 0.80 && best.accuracy() < 0.85, "comparable to the tutorial's 0.8171: " + best);
        assertEquals(predictor.predict(best.config()), best.accuracy(), 1e-12);

        // Again, with the batches split over two threads as the CLI does: the same search.
        SearchResult b;
        try (ParallelAccuracyPredictor parallel = new ParallelAccuracyPredictor(predictor, 2)) {
            b = new EvolutionSearch(W12, parallel, note10, Budget.latency(25), config)
                    .run(ProgressListener.NONE, Cancellation.NEVER);
        }
        assertEquals(a.best(), b.best());
        assertEquals(a.history(), b.history());
    }
}
