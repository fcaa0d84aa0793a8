package dev.ofastudio.app.pareto;

import dev.ofastudio.engine.study.Sweep;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.engine.study.SweepRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {
    private final SearchSpace space = SearchSpace.mobileNetV3(1.2);
    private final List<LatencySource> boards = List.of(
            new LatencySource("a", "A", LatencySource.Kind.SHIPPED, null, Fakes.latency("a", 100)),
            new LatencySource("b", "B", LatencySource.Kind.SHIPPED, null, Fakes.latency("b", 25)));

    @Test
    void sweepHoldsTheCloudAndEverySearchesHistory() throws Exception {
        var req = new SweepRequest(space, Fakes.predictor(), boards, 3, 700, 7);
        List<ResultTable> partials = new ArrayList<>();
        ResultTable t = new Sweep(Fakes.randomSearch(40)).run(req, ProgressListener.NONE, new Cancellation(),
                partials::add);
        long cloud = java.util.stream.IntStream.range(0, t.size()).filter(i -> t.origin(i) == ResultTable.CLOUD).count();
        assertEquals(700, cloud);
        for (int b = 0; b < 2; b++) {
            int bb = b;
            long fromSearch = java.util.stream.IntStream.range(0, t.size()).filter(i -> t.origin(i) == bb).count();
            assertTrue(fromSearch > 0, "board " + b + " has search history");
        }
        // Partial tables: after the cloud and after each of the 6 searches.
        assertEquals(7, partials.size());
        assertEquals(t.size(), partials.get(6).size());
    }

    @Test
    void everyRowCarriesItsMetricsAndTheLatencyOnEveryBoard() throws Exception {
        var req = new SweepRequest(space, Fakes.predictor(), boards, 1, 50, 3);
        ResultTable t = new Sweep(Fakes.randomSearch(10)).run(req, ProgressListener.NONE, new Cancellation());
        for (int i = 0; i < t.size(); i++) {
            var net = space.describe(t.config(i));
            assertEquals(net.macs(), t.macs(i));
            assertEquals(net.params(), t.params(i));
            assertEquals(net.macs() / 100e6, t.latency(0, i), 1e-9);
            assertEquals(net.macs() / 25e6, t.latency(1, i), 1e-9);
            assertEquals(100 * Fakes.predictor().predict(t.config(i)), t.accuracy(i), 1e-9);
        }
    }

    @Test
    void searchesStayWithinTheirBudget() throws Exception {
        var req = new SweepRequest(space, Fakes.predictor(), boards.subList(0, 1), 4, 0, 5);
        ResultTable t = new Sweep(Fakes.randomSearch(30)).run(req, ProgressListener.NONE, new Cancellation());
        for (int i = 0; i < t.size(); i++) {
            assertTrue(t.latency(0, i) <= t.budget(i) + 1e-12);
        }
    }

    @Test
    void budgetsSpanTheFeasibleRange() {
        double[] b = Sweep.budgets(1, 11, 5);
        assertEquals(1.5, b[0], 1e-12);
        assertEquals(11, b[4], 1e-12);
    }

    @Test
    void cancellationStopsTheSweep() {
        var req = new SweepRequest(space, Fakes.predictor(), boards, 3, 2000, 1);
        Cancellation c = new Cancellation();
        assertThrows(Cancellation.CancelledException.class, () -> new Sweep(Fakes.randomSearch(10)).run(req,
                (done, total, m) -> c.cancel(), c));
    }
}
