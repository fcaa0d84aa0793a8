package dev.ofastudio.app.pareto;

import dev.ofastudio.app.inputs.LatencySource;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a sweep without JavaFX: the random cloud, then for every board a search at each of
 * {@code budgetCount} budgets spread over that board's feasible latency range. Every evaluated
 * candidate is re-evaluated on all boards so that any board can show any point.
 */
public final class SweepRunner {
    /** The most history rows kept per search: enough to show its path, few enough to stay fluid. */
    static final int MAX_HISTORY_PER_SEARCH = 1_000;

    private final BudgetSearch search;

    public SweepRunner(BudgetSearch search) {
        this.search = search;
    }

    /** The budgets of a sweep: {@code count} points from just above the fastest net to the slowest. */
    public static double[] budgets(double lo, double hi, int count) {
        double[] out = new double[count];
        double start = lo + 0.05 * (hi - lo);
        for (int i = 0; i < count; i++) {
            out[i] = count == 1 ? (start + hi) / 2 : start + (hi - start) * i / (count - 1);
        }
        return out;
    }

    public ResultTable run(SweepRequest req, ProgressListener progress, Cancellation cancel)
            throws OfaException, Cancellation.CancelledException {
        return run(req, progress, cancel, t -> { });
    }

    /**
     * Runs the sweep; {@code partial} receives the table so far after the cloud and after each
     * search (on the worker thread), so the chart fills in while the sweep runs.
     */
    public ResultTable run(SweepRequest req, ProgressListener progress, Cancellation cancel,
            java.util.function.Consumer<ResultTable> partial) throws OfaException, Cancellation.CancelledException {
        NetEvaluator eval = new NetEvaluator(req.space(), req.predictor(),
                req.boards().stream().map(LatencySource::model).toList());
        ResultTable.Builder out = new ResultTable.Builder(req.boardLabels());
        int cloudBatches = (req.cloudSize() + NetEvaluator.BATCH - 1) / NetEvaluator.BATCH;
        long total = cloudBatches + (long) req.boards().size() * req.budgetCount();
        AtomicLong done = new AtomicLong();
        progress.progress(0, total, "sampling " + req.cloudSize() + " random sub-networks");
        eval.evaluate(eval.sampleMany(req.cloudSize(), req.seed()), ResultTable.CLOUD, Double.NaN, out, cancel,
                () -> progress.progress(done.incrementAndGet(), total, "random cloud"));
        partial.accept(out.build());
        // The searches are independent: run them on all cores, then add their histories in a fixed
        // order so a seed always gives the same table.
        record Job(int board, double budget, long seed) {
        }
        List<Job> jobs = new ArrayList<>();
        for (int b = 0; b < req.boards().size(); b++) {
            double[] range = eval.feasibleRange(b);
            for (double budget : budgets(range[0], range[1], req.budgetCount())) {
                jobs.add(new Job(b, budget, req.seed() + 1000L * b + jobs.size()));
            }
        }
        int threads = Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-search");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<BudgetSearch.Candidate>>> futures = new ArrayList<>();
            for (Job j : jobs) {
                futures.add(pool.submit(() -> search.search(eval.searchSpace(), eval.predictorForSearch(),
                        eval.board(j.board()), j.budget(), j.seed(), ProgressListener.NONE, cancel)));
            }
            for (int k = 0; k < jobs.size(); k++) {
                List<BudgetSearch.Candidate> history = await(futures.get(k), cancel);
                addHistory(eval, jobs.get(k).board(), jobs.get(k).budget(), history, out, cancel);
                // Progress and partial results come from this thread only, so listeners see one caller.
                progress.progress(done.incrementAndGet(), total, String.format("%s: best under %.2f ms found",
                        req.boards().get(jobs.get(k).board()).label(), jobs.get(k).budget()));
                partial.accept(out.build());
            }
        } finally {
            pool.shutdownNow();
        }
        return out.build();
    }

    /** One search on board {@code b}, appended to {@code out}. Returns the best config. */
    public SubnetConfig searchInto(NetEvaluator eval, int b, double budget, long seed, ResultTable.Builder out,
            Cancellation cancel) throws OfaException, Cancellation.CancelledException {
        List<BudgetSearch.Candidate> history = search.search(eval.searchSpace(), eval.predictorForSearch(),
                eval.board(b), budget, seed, ProgressListener.NONE, cancel);
        return addHistory(eval, b, budget, history, out, cancel);
    }

    private static <T> T await(Future<T> f, Cancellation cancel)
            throws OfaException, Cancellation.CancelledException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancellation.CancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof OfaException o) {
                throw o;
            }
            if (c instanceof Cancellation.CancelledException x) {
                throw x;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }

    private SubnetConfig addHistory(NetEvaluator eval, int b, double budget, List<BudgetSearch.Candidate> history,
            ResultTable.Builder out, Cancellation cancel) throws OfaException, Cancellation.CancelledException {
        LinkedHashSet<SubnetConfig> unique = new LinkedHashSet<>();
        SubnetConfig best = null;
        for (BudgetSearch.Candidate c : history) {
            unique.add(c.config());
            if (c.best()) {
                best = c.config();
            }
        }
        List<SubnetConfig> keep = thin(new ArrayList<>(unique), best);
        eval.evaluate(keep, b, budget, out, cancel, () -> { });
        return best;
    }

    /** Keeps at most {@link #MAX_HISTORY_PER_SEARCH} evenly spaced candidates, always the best. */
    static List<SubnetConfig> thin(List<SubnetConfig> all, SubnetConfig best) {
        if (all.size() <= MAX_HISTORY_PER_SEARCH) {
            return all;
        }
        List<SubnetConfig> out = new ArrayList<>(MAX_HISTORY_PER_SEARCH + 1);
        double step = (double) all.size() / MAX_HISTORY_PER_SEARCH;
        for (int i = 0; i < MAX_HISTORY_PER_SEARCH; i++) {
            SubnetConfig c = all.get((int) (i * step));
            if (!c.equals(best)) {
                out.add(c);
            }
        }
        if (best != null) {
            out.add(best);
        }
        return out;
    }
}
