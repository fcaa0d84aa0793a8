package dev.ofastudio.engine.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ofastudio.engine.predict.OfficialAccuracyPredictor;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.search.EvolutionConfig;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The studio sweeps on one core fewer than the CLI; the searches are seeded per job, so the results agree. */
class SweepThreadsTest {
    @Test
    void oneSearchThreadGivesTheSameTableAsSeveral() throws Exception {
        var predictor = OfficialAccuracyPredictor.load(Golden.officialPredictor());
        var req = new SweepRequest(SearchSpace.mobileNetV3(1.2), predictor,
                List.of(LatencySources.shipped("zcu102"), LatencySources.shipped("kv260")), 2, 300, 5);
        var search = new EvolutionBudgetSearch(EvolutionConfig.defaults().withPopulation(16, 5));
        ResultTable one = new Sweep(search, 1).run(req, ProgressListener.NONE, Cancellation.NEVER);
        ResultTable two = new Sweep(search, 3).run(req, ProgressListener.NONE, Cancellation.NEVER);
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.config(i), two.config(i), "row " + i);
            assertEquals(one.accuracy(i), two.accuracy(i), "row " + i);
            assertEquals(one.latency(0, i), two.latency(0, i), "row " + i);
            assertEquals(one.latency(1, i), two.latency(1, i), "row " + i);
        }
        assertArrayEquals(one.front(0), two.front(0));
        assertThrows(IllegalArgumentException.class, () -> new Sweep(search, 0));
    }
}
