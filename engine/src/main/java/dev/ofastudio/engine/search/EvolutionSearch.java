package dev.ofastudio.engine.search;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * OFA's evolutionary search (digest §5.2): a random feasible population, then per generation keep
 * the most accurate {@code parentRatio·P} as parents and add {@code mutationRatio·P} mutants and
 * the rest crossovers of random parents, each redrawn until it meets the budget. Accuracy comes
 * from one batched predictor call per generation.
 *
 * <p>One deliberate difference: OFA reads the best from the parents at the start of each
 * generation, so the last generation's children are never compared; here a final selection
 * includes them, so the best is the most accurate feasible candidate of the whole history.
 *
 * <p>Seeded: the same space, predictor, latency model, budget and config give the same result.
 * Not thread-safe; use one instance per search.
 */
public final class EvolutionSearch {
    private final SearchSpace space;
    private final AccuracyPredictor predictor;
    private final LatencyModel latencyModel;
    private final Budget budget;
    private final EvolutionConfig config;
    private final CostTable costs;
    private final GenomeLayout layout;

    /**
     * @param space        the space, with the resolutions to search (e.g. 160..224 step 16)
     * @param predictor    accuracy predictor; must cover every resolution of {@code space}
     * @param latencyModel latency model, or null to search without latency (then the budget may
     *                     only limit MACs)
     * @throws OfaException if the predictor or the latency model does not cover the space
     */
    public EvolutionSearch(SearchSpace space, AccuracyPredictor predictor, LatencyModel latencyModel,
            Budget budget, EvolutionConfig config) throws OfaException {
        this.space = space;
        this.predictor = predictor;
        this.latencyModel = latencyModel;
        this.budget = budget;
        this.config = config;
        checkCoverage();
        this.costs = CostTable.compile(space, latencyModel);
        this.layout = costs.layout();
    }

    private void checkCoverage() throws OfaException {
        if (budget.limitsLatency() && latencyModel == null) {
            throw new OfaException("a latency budget needs a latency model (a lookup table or a board profile)");
        }
        for (int r : space.resolutions()) {
            if (!predictor.resolutions().isEmpty() && !predictor.resolutions().contains(r)) {
                throw new OfaException("accuracy predictor " + predictor.describe() + " covers resolutions "
                        + predictor.resolutions() + "; search resolution " + r + " is not among them");
            }
            if (latencyModel != null && !latencyModel.resolutions().isEmpty()
                    && !latencyModel.resolutions().contains(r)) {
                throw new OfaException("latency model " + latencyModel.name() + " covers resolutions "
                        + latencyModel.resolutions() + "; search resolution " + r + " is not among them");
            }
        }
    }

    /** Exact latency range [min, max] in ms over the searched space, or null without a latency model. */
    public double[] latencyRangeMs() {
        return costs.hasLatency() ? costs.latencyRange() : null;
    }

    /** Exact MACs range [min, max] over the searched space. */
    public long[] macsRange() {
        return costs.macsRange();
    }

    /** Latency of {@code c} from the compiled table (equals the latency model's sum). */
    public double latencyMs(SubnetConfig c) {
        return costs.hasLatency() ? costs.latencyMs(layout.fromConfig(c)) : Double.NaN;
    }

    /** MACs of {@code c} from the compiled table. */
    public long macs(SubnetConfig c) {
        return costs.macs(layout.fromConfig(c));
    }

    /** One member of the population: genome, prediction, costs and its place in the history. */
    private record Member(int[] genome, double accuracy, double latencyMs, long macs, int order) {
    }

    /** Predictions by network, each network predicted once per search. */
    private static final class Predictions {
        final GenomeIndex networks;
        double[] accuracy;
        int calls;

        Predictions(int expected) {
            networks = new GenomeIndex(expected);
            accuracy = new double[Math.max(1, expected)];
        }
    }

    /** Histories of up to this many candidates are allocated at once, larger ones grow. */
    private static final int INITIAL_HISTORY = 1 << 16;

    /**
     * Runs the search. Progress is reported once per generation, and cancellation is checked once
     * per generation.
     *
     * @throws OfaException if no feasible candidate is found within the allowed draws (the message
     *     gives the feasible range of the space)
     * @throws Cancellation.CancelledException if {@code cancel} was cancelled
     */
    public SearchResult run(ProgressListener progress, Cancellation cancel)
            throws OfaException, Cancellation.CancelledException {
        long start = System.nanoTime();
        checkFeasible();
        SplittableRandom rng = new SplittableRandom(config.seed());
        GeneticOperators ops = new GeneticOperators(layout, config.mutateProb(), config.resolutionMutateProb());
        int population = config.populationSize();
        int parentsSize = config.parentCount();
        int mutants = config.mutationCount();
        int generations = config.generations();

        int expected = (int) Math.min(INITIAL_HISTORY, (long) population * (generations + 1));
        SearchHistory history = new SearchHistory(layout, expected);
        // Most candidates repeat a network already predicted (OFA's settings: ~15,000 of 50,100).
        Predictions predictions = new Predictions(expected / 4);
        double[] bestByGeneration = new double[generations + 1];

        cancel.throwIfCancelled();
        int[][] children = new int[population][];
        for (int i = 0; i < population; i++) {
            children[i] = new int[GenomeLayout.LENGTH];
            sampleRandom(rng, ops, children[i]);
        }
        Member[] pool = new Member[parentsSize + population];
        int poolSize = evaluate(children, 0, history, predictions, pool, 0);
        Member[] parents = new Member[parentsSize];

        for (int gen = 0; gen < generations; gen++) {
            cancel.throwIfCancelled();
            int kept = selectTop(pool, poolSize, parents);
            bestByGeneration[gen] = parents[0].accuracy();
            System.arraycopy(parents, 0, pool, 0, kept);
            poolSize = evaluate(breed(rng, ops, parents, mutants, population), gen + 1, history, predictions,
                    pool, kept);
            if (progress != ProgressListener.NONE) { // a sweep's searches report nothing: skip the formatting
                progress.progress(gen + 1, generations, String.format(Locale.ROOT, "generation %d/%d, best %.4f",
                        gen + 1, generations, bestByGeneration[gen]));
            }
        }
        Member[] best = new Member[1];
        selectTop(pool, poolSize, best);
        bestByGeneration[generations] = best[0].accuracy();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new SearchResult(history.get(best[0].order()), history, bestByGeneration, predictions.calls, seconds);
    }

    /**
     * One generation's children: {@code mutants} mutants, then crossovers up to {@code population}.
     * A method of its own (not a loop in {@link #run}) so that the JIT compiles it once, rather
     * than compiling all of {@code run} again for a loop that is already running.
     */
    private int[][] breed(SplittableRandom rng, GeneticOperators ops, Member[] parents, int mutants, int population)
            throws OfaException {
        int[][] children = new int[population][];
        for (int j = 0; j < mutants; j++) {
            int[] parent = parents[rng.nextInt(parents.length)].genome();
            children[j] = new int[GenomeLayout.LENGTH];
            sampleMutant(rng, ops, parent, children[j]);
        }
        for (int j = mutants; j < population; j++) {
            int[] a = parents[rng.nextInt(parents.length)].genome();
            int[] b = parents[rng.nextInt(parents.length)].genome();
            children[j] = new int[GenomeLayout.LENGTH];
            sampleCrossover(rng, ops, a, b, children[j]);
        }
        return children;
    }

    /**
     * Predicts the children in one batch (networks already predicted are served from the cache),
     * appends them to the history and to {@code pool} after its first {@code from} members, and
     * returns the pool's new size.
     */
    private int evaluate(int[][] genomes, int generation, SearchHistory history, Predictions predictions,
            Member[] pool, int from) {
        int known = predictions.networks.size();
        int[] ids = new int[genomes.length];
        byte[] key = new byte[GenomeLayout.LENGTH];
        List<SubnetConfig> batch = new ArrayList<>(genomes.length);
        for (int i = 0; i < genomes.length; i++) {
            layout.networkGenes(genomes[i], key);
            ids[i] = predictions.networks.add(key, 0);
            if (ids[i] == known + batch.size()) {
                batch.add(layout.toConfig(genomes[i]));
            }
        }
        if (!batch.isEmpty()) {
            double[] acc = predictor.predict(batch);
            predictions.calls++;
            if (predictions.accuracy.length < known + acc.length) {
                predictions.accuracy = Arrays.copyOf(predictions.accuracy,
                        Math.max(known + acc.length, 2 * predictions.accuracy.length));
            }
            System.arraycopy(acc, 0, predictions.accuracy, known, acc.length);
        }
        for (int i = 0; i < genomes.length; i++) {
            double acc = predictions.accuracy[ids[i]];
            double lat = costs.hasLatency() ? costs.latencyMs(genomes[i]) : Double.NaN;
            long macs = costs.macs(genomes[i]);
            pool[from + i] = new Member(genomes[i], acc, lat, macs, history.size());
            history.append(genomes[i], acc, lat, macs, generation);
        }
        return from + genomes.length;
    }

    /**
     * Fills {@code top} with the most accurate of the first {@code n} members of {@code pool}, best
     * first, and returns how many it filled. Ties go to the later member, as Python's
     * {@code sorted(...)[::-1]} does. An insertion into a short sorted array: the pool is about
     * five times the parents, and a general sort cost more in compilation than in running.
     */
    private static int selectTop(Member[] pool, int n, Member[] top) {
        int filled = 0;
        for (int i = 0; i < n; i++) {
            Member m = pool[i];
            if (filled == top.length && !before(m, top[filled - 1])) {
                continue;
            }
            int j = Math.min(filled, top.length - 1);
            while (j > 0 && before(m, top[j - 1])) {
                top[j] = top[j - 1];
                j--;
            }
            top[j] = m;
            filled = Math.min(filled + 1, top.length);
        }
        return filled;
    }

    /** More accurate, or as accurate and evaluated later. */
    private static boolean before(Member x, Member y) {
        int c = Double.compare(x.accuracy(), y.accuracy());
        return c != 0 ? c > 0 : x.order() > y.order();
    }

    private boolean feasible(int[] g) {
        double lat = budget.limitsLatency() ? costs.latencyMs(g) : 0;
        return budget.allows(lat, budget.limitsMacs() ? costs.macs(g) : 0);
    }

    private void sampleRandom(SplittableRandom rng, GeneticOperators ops, int[] out) throws OfaException {
        for (int t = 0; t < config.maxSampleTries(); t++) {
            ops.random(rng, out);
            if (feasible(out)) {
                return;
            }
        }
        throw tooTight("random sampling");
    }

    private void sampleMutant(SplittableRandom rng, GeneticOperators ops, int[] parent, int[] out)
            throws OfaException {
        for (int t = 0; t < config.maxSampleTries(); t++) {
            ops.mutate(rng, parent, out);
            if (feasible(out)) {
                return;
            }
        }
        throw tooTight("mutation");
    }

    private void sampleCrossover(SplittableRandom rng, GeneticOperators ops, int[] a, int[] b, int[] out)
            throws OfaException {
        for (int t = 0; t < config.maxSampleTries(); t++) {
            ops.crossover(rng, a, b, out);
            if (feasible(out)) {
                return;
            }
        }
        throw tooTight("crossover");
    }

    /** Fails at once when even the cheapest sub-network of the space exceeds the budget. */
    private void checkFeasible() throws OfaException {
        if (budget.limitsLatency()) {
            double[] range = costs.latencyRange();
            if (range[0] > budget.maxLatencyMs()) {
                throw new OfaException("no sub-network meets the budget of " + fmt(budget.maxLatencyMs())
                        + " ms: " + latencyRangeText(range));
            }
        }
        if (budget.limitsMacs()) {
            long[] range = costs.macsRange();
            if (range[0] > budget.maxMacs()) {
                throw new OfaException("no sub-network meets the budget of " + budget.maxMacs() + " MACs: "
                        + macsRangeText(range));
            }
        }
    }

    private OfaException tooTight(String step) {
        StringBuilder m = new StringBuilder("the budget (" + budget.describe() + ") is too tight: " + step
                + " found no sub-network within it in " + config.maxSampleTries() + " draws; ");
        if (budget.limitsLatency()) {
            m.append(latencyRangeText(costs.latencyRange()));
        }
        if (budget.limitsMacs()) {
            m.append(budget.limitsLatency() ? "; " : "").append(macsRangeText(costs.macsRange()));
        }
        return new OfaException(m.append("; raise the budget").toString());
    }

    private String latencyRangeText(double[] range) {
        return "the space spans " + fmt(range[0]) + " to " + fmt(range[1]) + " ms (" + latencyModel.name()
                + ", resolutions " + space.resolutions() + ")";
    }

    private String macsRangeText(long[] range) {
        return "the space spans " + range[0] + " to " + range[1] + " MACs (resolutions " + space.resolutions() + ")";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
