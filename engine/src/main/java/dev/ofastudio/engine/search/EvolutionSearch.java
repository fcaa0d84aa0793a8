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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

        List<Candidate> history = new ArrayList<>(population * (generations + 1));
        Map<String, Double> predictions = new HashMap<>();
        int[] predictorCalls = {0};
        double[] bestByGeneration = new double[generations + 1];

        cancel.throwIfCancelled();
        int[][] children = new int[population][];
        for (int i = 0; i < population; i++) {
            children[i] = new int[GenomeLayout.LENGTH];
            sampleRandom(rng, ops, children[i]);
        }
        List<Member> pool = evaluate(children, 0, history, predictions, predictorCalls);

        for (int gen = 0; gen < generations; gen++) {
            cancel.throwIfCancelled();
            List<Member> parents = selectTop(pool, parentsSize);
            bestByGeneration[gen] = parents.get(0).accuracy();
            children = new int[population][];
            for (int j = 0; j < mutants; j++) {
                int[] parent = parents.get(rng.nextInt(parentsSize)).genome();
                children[j] = new int[GenomeLayout.LENGTH];
                sampleMutant(rng, ops, parent, children[j]);
            }
            for (int j = mutants; j < population; j++) {
                int[] a = parents.get(rng.nextInt(parentsSize)).genome();
                int[] b = parents.get(rng.nextInt(parentsSize)).genome();
                children[j] = new int[GenomeLayout.LENGTH];
                sampleCrossover(rng, ops, a, b, children[j]);
            }
            pool = new ArrayList<>(parents);
            pool.addAll(evaluate(children, gen + 1, history, predictions, predictorCalls));
            progress.progress(gen + 1, generations, String.format(Locale.ROOT, "generation %d/%d, best %.4f",
                    gen + 1, generations, bestByGeneration[gen]));
        }
        Member best = selectTop(pool, 1).get(0);
        bestByGeneration[generations] = best.accuracy();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new SearchResult(history.get(best.order()), history, bestByGeneration, predictorCalls[0], seconds);
    }

    /** Predicts the children in one batch (configs already predicted are served from a cache). */
    private List<Member> evaluate(int[][] genomes, int generation, List<Candidate> history,
            Map<String, Double> predictions, int[] predictorCalls) {
        String[] keys = new String[genomes.length];
        SubnetConfig[] configs = new SubnetConfig[genomes.length];
        List<SubnetConfig> batch = new ArrayList<>(genomes.length);
        List<String> batchKeys = new ArrayList<>(genomes.length);
        Set<String> inBatch = new HashSet<>();
        for (int i = 0; i < genomes.length; i++) {
            keys[i] = layout.networkKey(genomes[i]);
            configs[i] = layout.toConfig(genomes[i]);
            if (!predictions.containsKey(keys[i]) && inBatch.add(keys[i])) {
                batch.add(configs[i]);
                batchKeys.add(keys[i]);
            }
        }
        if (!batch.isEmpty()) {
            double[] acc = predictor.predict(batch);
            predictorCalls[0]++;
            for (int i = 0; i < acc.length; i++) {
                predictions.put(batchKeys.get(i), acc[i]);
            }
        }
        List<Member> out = new ArrayList<>(genomes.length);
        for (int i = 0; i < genomes.length; i++) {
            double acc = predictions.get(keys[i]);
            double lat = costs.hasLatency() ? costs.latencyMs(genomes[i]) : Double.NaN;
            long macs = costs.macs(genomes[i]);
            out.add(new Member(genomes[i], acc, lat, macs, history.size()));
            history.add(new Candidate(configs[i], acc, lat, macs, generation));
        }
        return out;
    }

    /**
     * The {@code n} most accurate members, best first. Ties go to the later member, as Python's
     * {@code sorted(...)[::-1]} does.
     */
    private static List<Member> selectTop(List<Member> pool, int n) {
        Member[] sorted = pool.toArray(new Member[0]);
        Arrays.sort(sorted, (x, y) -> {
            int c = Double.compare(y.accuracy(), x.accuracy());
            return c != 0 ? c : Integer.compare(y.order(), x.order());
        });
        return List.of(Arrays.copyOf(sorted, Math.min(n, sorted.length)));
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
