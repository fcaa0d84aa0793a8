package dev.ofastudio.engine.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.LutLatencyModel;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.Golden;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvolutionSearchTest {
    static final SearchSpace W12 = SearchSpace.mobileNetV3(1.2).withResolutions(List.of(160, 176, 192, 208, 224));
    /** Short runs keep the suite fast; the algorithm is the same at 100 x 500. */
    static final EvolutionConfig SHORT = EvolutionConfig.defaults().withPopulation(40, 30).withSeed(11);
    static LutLatencyModel note10;

    @BeforeAll
    static void load() throws OfaException {
        note10 = LutLatencyModel.load(Golden.note10Lut());
    }

    private static SearchResult search(Budget budget, EvolutionConfig config) throws Exception {
        return new EvolutionSearch(W12, new SyntheticPredictor(), note10, budget, config)
                .run(ProgressListener.NONE, Cancellation.NEVER);
    }

    @Test
    void sameSeedGivesTheSameSearch() throws Exception {
        SearchResult a = search(Budget.latency(25), SHORT);
        SearchResult b = search(Budget.latency(25), SHORT);
        assertEquals(a.history(), b.history());
        assertEquals(a.best(), b.best());
        SearchResult c = search(Budget.latency(25), SHORT.withSeed(12));
        assertNotEquals(a.history(), c.history());
    }

    @Test
    void everyEvaluatedCandidateMeetsTheLatencyBudget() throws Exception {
        SearchResult r = search(Budget.latency(25), SHORT);
        assertEquals(40 * 31, r.history().size());
        for (Candidate c : r.history()) {
            assertTrue(c.latencyMs() <= 25, c.toString());
            assertTrue(W12.resolutions().contains(c.config().r()), c.toString());
            // The reported latency and MACs are those of the full network description.
            var net = W12.describe(c.config());
            assertEquals(note10.latencyMs(net), c.latencyMs(), 1e-9);
            assertEquals(net.macs(), c.macs());
        }
    }

    @Test
    void bestIsTheMostAccurateCandidateAndBeatsTheInitialPopulation() throws Exception {
        SearchResult r = search(Budget.latency(25), SHORT);
        double max = r.history().stream().mapToDouble(Candidate::accuracy).max().orElseThrow();
        double initialMax = r.history().stream().filter(c -> c.generation() == 0)
                .mapToDouble(Candidate::accuracy).max().orElseThrow();
        assertEquals(max, r.best().accuracy(), 0.0);
        assertTrue(r.best().accuracy() > initialMax, r.best() + " vs " + initialMax);
        double[] curve = r.bestByGeneration();
        assertEquals(31, curve.length);
        for (int i = 1; i < curve.length; i++) {
            assertTrue(curve[i] >= curve[i - 1], "the parents keep the best: " + i);
        }
        assertEquals(max, curve[curve.length - 1], 0.0);
        // The best of generation g's parents is the best candidate evaluated before generation g.
        for (int g = 0; g < 30; g++) {
            int gen = g;
            double before = r.history().stream().filter(c -> c.generation() <= gen)
                    .mapToDouble(Candidate::accuracy).max().orElseThrow();
            assertEquals(before, curve[g], 0.0);
        }
    }

    @Test
    void firstEvaluationsListEachDistinctConfigOnceInHistoryOrder() throws Exception {
        SearchResult r = search(Budget.latency(25), SHORT);
        Map<SubnetConfig, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < r.history().size(); i++) {
            first.putIfAbsent(r.history().get(i).config(), i);
        }
        int[] expected = first.values().stream().mapToInt(Integer::intValue).toArray();
        assertArrayEquals(expected, r.history().firstEvaluations());
        assertTrue(expected.length < r.history().size(), "some mutants draw no change: the test sees duplicates");
    }

    @Test
    void callsThePredictorOncePerGenerationInOneBatch() throws Exception {
        SyntheticPredictor p = new SyntheticPredictor();
        SearchResult r = new EvolutionSearch(W12, p, note10, Budget.latency(30), SHORT)
                .run(ProgressListener.NONE, Cancellation.NEVER);
        assertEquals(31, p.batchSizes.size());
        assertEquals(31, r.predictorCalls());
        assertEquals(40, p.batchSizes.get(0));
        assertTrue(p.batchSizes.stream().allMatch(n -> n >= 1 && n <= 40), p.batchSizes.toString());
    }

    @Test
    void macsBudgetIsRespected() throws Exception {
        long budget = 300_000_000L;
        SearchResult r = new EvolutionSearch(W12, new SyntheticPredictor(), null, Budget.macs(budget), SHORT)
                .run(ProgressListener.NONE, Cancellation.NEVER);
        for (Candidate c : r.history()) {
            assertTrue(c.macs() <= budget, c.toString());
            assertTrue(Double.isNaN(c.latencyMs()));
        }
        assertTrue(r.best().macs() > budget / 2, "the search uses the budget: " + r.best());
    }

    @Test
    void latencyAndMacsBudgetsTogether() throws Exception {
        SearchResult r = search(new Budget(30, 250_000_000L), SHORT);
        for (Candidate c : r.history()) {
            assertTrue(c.latencyMs() <= 30 && c.macs() <= 250_000_000L, c.toString());
        }
    }

    @Test
    void impossibleBudgetFailsAtOnceWithTheFeasibleRange() {
        OfaException e = assertThrows(OfaException.class, () -> search(Budget.latency(5), SHORT));
        String m = e.getMessage();
        assertTrue(m.contains("5.000 ms"), m);
        assertTrue(m.contains("9.890 to 92.398 ms"), m);
        assertTrue(m.contains("note10_lut"), m);
    }

    @Test
    void tooTightBudgetStopsAfterBoundedDrawsWithTheFeasibleRange() {
        // Just above the min net at 160: feasible, but random draws essentially never get there.
        EvolutionConfig few = SHORT.withMaxSampleTries(2000);
        OfaException e = assertThrows(OfaException.class, () -> search(Budget.latency(9.9), few));
        String m = e.getMessage();
        assertTrue(m.contains("too tight"), m);
        assertTrue(m.contains("2000 draws"), m);
        assertTrue(m.contains("9.890 to 92.398 ms"), m);
    }

    @Test
    void impossibleMacsBudgetNamesTheMacsRange() {
        OfaException e = assertThrows(OfaException.class, () -> new EvolutionSearch(W12, new SyntheticPredictor(),
                null, Budget.macs(1000), SHORT).run(ProgressListener.NONE, Cancellation.NEVER));
        assertTrue(e.getMessage().contains("100320888 to 843101040 MACs"), e.getMessage());
    }

    @Test
    void latencyBudgetWithoutLatencyModelIsRejected() {
        OfaException e = assertThrows(OfaException.class,
                () -> new EvolutionSearch(W12, new SyntheticPredictor(), null, Budget.latency(20), SHORT));
        assertTrue(e.getMessage().contains("latency model"), e.getMessage());
    }

    @Test
    void resolutionsOutsideTheLatencyTableAreRejected() {
        SearchSpace wide = W12.withResolutions(List.of(128, 160));
        OfaException e = assertThrows(OfaException.class,
                () -> new EvolutionSearch(wide, new SyntheticPredictor(), note10, Budget.latency(20), SHORT));
        assertTrue(e.getMessage().contains("128"), e.getMessage());
        assertTrue(e.getMessage().contains("160, 164"), e.getMessage());
    }

    @Test
    void cancellationStopsTheSearch() throws Exception {
        Cancellation cancel = new Cancellation();
        List<Long> seen = new ArrayList<>();
        ProgressListener stopAtThree = (done, total, message) -> {
            seen.add(done);
            if (done == 3) {
                cancel.cancel();
            }
        };
        EvolutionSearch s = new EvolutionSearch(W12, new SyntheticPredictor(), note10, Budget.latency(25), SHORT);
        assertThrows(Cancellation.CancelledException.class, () -> s.run(stopAtThree, cancel));
        assertEquals(List.of(1L, 2L, 3L), seen);
    }

    @Test
    void reportsProgressOncePerGeneration() throws Exception {
        List<String> messages = new ArrayList<>();
        EvolutionSearch s = new EvolutionSearch(W12, new SyntheticPredictor(), note10, Budget.latency(25), SHORT);
        s.run((done, total, message) -> {
            assertEquals(30, total);
            messages.add(done + ":" + message);
        }, Cancellation.NEVER);
        assertEquals(30, messages.size());
        assertTrue(messages.get(29).startsWith("30:generation 30/30"), messages.get(29));
    }

    @Test
    void compiledLatencyOfAConfigEqualsTheTable() throws Exception {
        EvolutionSearch s = new EvolutionSearch(W12, new SyntheticPredictor(), note10, Budget.latency(25), SHORT);
        SubnetConfig c = W12.maxConfig(224);
        assertEquals(92.39803799478005, s.latencyMs(c), 1e-9);
        assertEquals(843_101_040L, s.macs(c));
    }
}
