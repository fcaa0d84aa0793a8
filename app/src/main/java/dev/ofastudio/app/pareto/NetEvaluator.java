package dev.ofastudio.app.pareto;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Evaluates sub-networks for the chart: predicted accuracy (batched), MACs, params, ops/byte and
 * the latency on every board. Also samples the random cloud and knows each board's feasible
 * latency range. Thread-safe; used from background tasks only.
 */
public final class NetEvaluator {
    /** Batch size for predictor calls and the unit of progress and cancellation checks. */
    static final int BATCH = 500;

    private final SearchSpace space;
    private final AccuracyPredictor predictor;
    private final List<LatencyModel> boards;
    private final List<Integer> resolutions;

    public NetEvaluator(SearchSpace space, AccuracyPredictor predictor, List<LatencyModel> boards) throws OfaException {
        this.space = space;
        this.predictor = predictor;
        this.boards = List.copyOf(boards);
        this.resolutions = commonResolutions(space, predictor, boards);
    }

    /** Resolutions the space, the predictor and every board all cover. */
    static List<Integer> commonResolutions(SearchSpace space, AccuracyPredictor predictor, List<LatencyModel> boards)
            throws OfaException {
        TreeSet<Integer> rs = new TreeSet<>(space.resolutions());
        if (!predictor.resolutions().isEmpty()) {
            rs.retainAll(predictor.resolutions());
        }
        for (LatencyModel m : boards) {
            if (!m.resolutions().isEmpty()) {
                rs.retainAll(m.resolutions());
            }
        }
        if (rs.isEmpty()) {
            throw new OfaException("no input resolution is covered by the space " + space.resolutions()
                    + ", the predictor " + predictor.resolutions() + " and every latency source; "
                    + "expected at least one shared resolution");
        }
        return List.copyOf(rs);
    }

    public SearchSpace space() {
        return space;
    }

    public List<Integer> resolutions() {
        return resolutions;
    }

    /** The search space restricted to the shared resolutions, as the searches must see it. */
    public SearchSpace searchSpace() {
        return space.withResolutions(resolutions);
    }

    public AccuracyPredictor predictorForSearch() {
        return predictor;
    }

    public LatencyModel board(int b) {
        return boards.get(b);
    }

    /** A uniformly random sub-network (every block gets a value; inactive ones are placeholders). */
    public SubnetConfig sample(Random rnd) {
        int[] ks = new int[SubnetConfig.BLOCKS];
        int[] e = new int[SubnetConfig.BLOCKS];
        int[] d = new int[SubnetConfig.STAGES];
        for (int b = 0; b < ks.length; b++) {
            ks[b] = space.kernelSizes().get(rnd.nextInt(space.kernelSizes().size()));
            e[b] = space.expandRatios().get(rnd.nextInt(space.expandRatios().size()));
        }
        for (int s = 0; s < d.length; s++) {
            d[s] = space.depths().get(rnd.nextInt(space.depths().size()));
        }
        return new SubnetConfig(ks, e, d, resolutions.get(rnd.nextInt(resolutions.size())));
    }

    /** Latency range on board {@code b}: smallest net at the lowest resolution to largest at the highest. */
    public double[] feasibleRange(int b) throws OfaException {
        LatencyModel m = boards.get(b);
        double lo = m.latencyMs(space.describe(space.minConfig(resolutions.get(0))));
        double hi = m.latencyMs(space.describe(space.maxConfig(resolutions.get(resolutions.size() - 1))));
        return new double[] {lo, hi};
    }

    /**
     * Evaluates {@code configs} into {@code out} with the given origin and budget; accuracy is stored in %
     * (the predictor's 0–1 scale times 100). Work is split
     * into batches run in parallel; cancellation is checked between batches.
     */
    public void evaluate(List<SubnetConfig> configs, int origin, double budget, ResultTable.Builder out,
            Cancellation cancel, Runnable onBatch) throws OfaException, Cancellation.CancelledException {
        for (int start = 0; start < configs.size(); start += BATCH) {
            cancel.throwIfCancelled();
            List<SubnetConfig> batch = configs.subList(start, Math.min(configs.size(), start + BATCH));
            double[] acc = predictor.predict(batch);
            NetMetrics[] metrics = new NetMetrics[batch.size()];
            double[][] lat = new double[batch.size()][boards.size()];
            AtomicReference<OfaException> failure = new AtomicReference<>();
            IntStream.range(0, batch.size()).parallel().forEach(i -> {
                try {
                    NetworkDescription net = space.describe(batch.get(i));
                    metrics[i] = NetMetrics.of(net);
                    for (int b = 0; b < boards.size(); b++) {
                        lat[i][b] = boards.get(b).latencyMs(net);
                    }
                } catch (OfaException e) {
                    failure.compareAndSet(null, e);
                }
            });
            if (failure.get() != null) {
                throw failure.get();
            }
            synchronized (out) {
                for (int i = 0; i < batch.size(); i++) {
                    out.add(batch.get(i), 100 * acc[i], metrics[i].macs(), metrics[i].params(), metrics[i].opsPerByte(),
                            lat[i], origin, budget);
                }
            }
            onBatch.run();
        }
    }

    /** {@code n} random sub-networks drawn with {@code seed}. */
    public List<SubnetConfig> sampleMany(int n, long seed) {
        Random rnd = new Random(seed);
        List<SubnetConfig> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(sample(rnd));
        }
        return out;
    }
}
