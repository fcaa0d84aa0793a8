package dev.ofastudio.engine.study;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.search.CompiledCosts;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Scores sub-networks for a sweep: predicted accuracy (batched), MACs, params and the latency on
 * every board from compiled per-block tables. Each board keeps its own resolution set (the space's
 * and the predictor's, narrowed by what its source covers): a row at a resolution a board's
 * source does not cover gets NaN there instead of restricting the other boards. Thread-safe.
 */
public final class SweepEvaluator {
    /** Batch size for predictor calls and the unit of progress and cancellation checks. */
    public static final int BATCH = 500;

    private final SearchSpace cloudSpace;
    private final AccuracyPredictor predictor;
    private final List<LatencySource> boards;
    private final List<List<Integer>> boardResolutions = new ArrayList<>();
    private final CompiledCosts shape;
    private final CompiledCosts[] costs;

    public SweepEvaluator(SearchSpace space, AccuracyPredictor predictor, List<LatencySource> boards)
            throws OfaException {
        this.predictor = predictor;
        this.boards = List.copyOf(boards);
        TreeSet<Integer> rs = new TreeSet<>(space.resolutions());
        if (!predictor.resolutions().isEmpty()) {
            rs.retainAll(predictor.resolutions());
        }
        if (rs.isEmpty()) {
            throw new OfaException("no input resolution is covered by both the space " + space.resolutions()
                    + " and the predictor " + predictor.resolutions());
        }
        this.cloudSpace = space.withResolutions(List.copyOf(rs));
        this.shape = CompiledCosts.compile(cloudSpace, null);
        this.costs = new CompiledCosts[boards.size()];
        for (int b = 0; b < boards.size(); b++) {
            TreeSet<Integer> own = new TreeSet<>(rs);
            List<Integer> covered = boards.get(b).model().resolutions();
            if (!covered.isEmpty()) {
                own.retainAll(covered);
            }
            if (own.isEmpty()) {
                throw new OfaException(boards.get(b).label() + ": covers resolutions " + covered
                        + "; expected at least one of " + rs + " (the space's and the predictor's)");
            }
            boardResolutions.add(List.copyOf(own));
            costs[b] = CompiledCosts.compile(space.withResolutions(List.copyOf(own)), boards.get(b).model());
        }
    }

    public List<LatencySource> boards() {
        return boards;
    }

    /** Resolutions of the random cloud: the space's that the predictor covers. */
    public List<Integer> resolutions() {
        return cloudSpace.resolutions();
    }

    /** Resolutions board {@code b} is searched and timed at. */
    public List<Integer> resolutions(int b) {
        return boardResolutions.get(b);
    }

    /** The space a search on board {@code b} sees. */
    public SearchSpace searchSpace(int b) {
        return cloudSpace.withResolutions(boardResolutions.get(b));
    }

    public AccuracyPredictor predictor() {
        return predictor;
    }

    /** Exact latency range of board {@code b} over its searched space. */
    public double[] feasibleRange(int b) {
        return costs[b].latencyRangeMs();
    }

    /** True when boards {@code a} and {@code b} time every searched network identically. */
    public boolean sameLatencies(int a, int b) {
        return costs[a].sameLatencies(costs[b]);
    }

    /** Latency of {@code c} on board {@code b}; NaN at a resolution the board's source does not cover. */
    public double latencyMs(int b, SubnetConfig c) {
        return boardResolutions.get(b).contains(c.r()) ? costs[b].latencyMs(c) : Double.NaN;
    }

    /** {@code n} random sub-networks drawn with {@code seed} over the cloud's resolutions. */
    public List<SubnetConfig> sampleMany(int n, long seed) {
        Random rnd = new Random(seed);
        List<SubnetConfig> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(cloudSpace.sample(rnd));
        }
        return out;
    }

    /**
     * Predicts and times {@code configs} into {@code out} as random-cloud rows (accuracy in %, the
     * predictor's 0–1 times 100), batch by batch; cancellation is checked between batches.
     */
    public void evaluateCloud(List<SubnetConfig> configs, ResultTable.Builder out, Cancellation cancel,
            Runnable onBatch) throws Cancellation.CancelledException {
        for (int start = 0; start < configs.size(); start += BATCH) {
            cancel.throwIfCancelled();
            List<SubnetConfig> batch = configs.subList(start, Math.min(configs.size(), start + BATCH));
            double[] acc = predictor.predict(batch);
            for (int i = 0; i < batch.size(); i++) {
                add(out, batch.get(i), 100 * acc[i], -1, Double.NaN, ResultTable.CLOUD, Double.NaN);
            }
            onBatch.run();
        }
    }

    /**
     * Adds a row whose accuracy (in %) and latency on board {@code own} a search already computed:
     * only the other boards are timed. {@code own < 0} times every board.
     */
    public void add(ResultTable.Builder out, SubnetConfig c, double accuracyPct, int own, double ownLatencyMs,
            int origin, double budget) {
        double[] lat = new double[boards.size()];
        for (int b = 0; b < lat.length; b++) {
            lat[b] = b == own ? ownLatencyMs : latencyMs(b, c);
        }
        out.add(c, accuracyPct, shape.macs(c), shape.params(c), lat, origin, budget);
    }
}
