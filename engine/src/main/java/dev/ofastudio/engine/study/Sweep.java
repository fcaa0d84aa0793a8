package dev.ofastudio.engine.study;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A sweep: the random cloud, then for every board one search at each of {@code budgetCount}
 * budgets spread over that board's feasible latency range. A search's candidates keep the accuracy
 * and latency the search computed; only the other boards time them, so any board can show any
 * point without predicting anything twice. The studio and {@code ofa sweep} both run this.
 */
public final class Sweep {
    /** The most history rows kept per search: enough to show its path, few enough to stay fluid. */
    public static final int MAX_HISTORY_PER_SEARCH = 1_000;

    private final BudgetSearch search;
    private final int searchThreads;

    public Sweep(BudgetSearch search) {
        this(search, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A sweep whose searches run on at most {@code searchThreads} threads. The studio leaves a core
     * to the JavaFX and render threads (one fewer than the cores), so the chart keeps drawing
     * while a sweep runs; the CLI uses every core.
     */
    public Sweep(BudgetSearch search, int searchThreads) {
        if (searchThreads < 1) {
            throw new IllegalArgumentException("searchThreads must be at least 1, was " + searchThreads);
        }
        this.searchThreads = searchThreads;
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
     * search (on the calling thread), so a chart can fill in while the sweep runs.
     */
    public ResultTable run(SweepRequest req, ProgressListener progress, Cancellation cancel,
            Consumer<ResultTable> partial) throws OfaException, Cancellation.CancelledException {
        SweepEvaluator eval = new SweepEvaluator(req.space(), req.predictor(), req.boards());
        ResultTable.Builder out = new ResultTable.Builder(req.boardLabels());
        int cloudBatches = (req.cloudSize() + SweepEvaluator.BATCH - 1) / SweepEvaluator.BATCH;
        long total = cloudBatches + (long) req.boards().size() * req.budgetCount();
        long[] done = {0};
        progress.progress(0, total, "sampling " + req.cloudSize() + " random sub-networks");
        record Job(int board, double budget, long seed) {
        }
        List<Job> jobs = new ArrayList<>();
        for (int b = 0; b < req.boards().size(); b++) {
            double[] range = eval.feasibleRange(b);
            double[] budgets = budgets(range[0], range[1], req.budgetCount());
            for (int k = 0; k < budgets.length; k++) {
                // The seed follows the budget's rank, so boards that time alike run alike (see below).
                jobs.add(new Job(b, budgets[k], req.seed() + 1000L * k));
            }
        }
        int threads = Math.max(1, Math.min(jobs.size(), searchThreads));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-search");
            t.setDaemon(true);
            return t;
        });
        try {
            // The searches start at once and run while this thread scores the cloud.
            List<Future<List<BudgetSearch.Candidate>>> futures = new ArrayList<>();
            for (int k = 0; k < jobs.size(); k++) {
                Job j = jobs.get(k);
                // Two boards with the same DPU configuration (ZCU104 and KV260 ship alike) time every
                // net the same, so the same budget and seed give the same search: run it once.
                int twin = -1;
                for (int e = 0; e < k && twin < 0; e++) {
                    Job o = jobs.get(e);
                    if (o.budget() == j.budget() && o.seed() == j.seed()
                            && eval.resolutions(o.board()).equals(eval.resolutions(j.board()))
                            && eval.sameLatencies(o.board(), j.board())) {
                        twin = e;
                    }
                }
                futures.add(twin >= 0 ? futures.get(twin) : pool.submit(() -> search.search(
                        eval.searchSpace(j.board()), eval.predictor(), req.boards().get(j.board()).model(), j.budget(),
                        j.seed(), ProgressListener.NONE, cancel)));
            }
            eval.evaluateCloud(eval.sampleMany(req.cloudSize(), req.seed()), out, cancel,
                    () -> progress.progress(++done[0], total, "random cloud"));
            partial.accept(out.build());
            // Histories are added in job order so a seed always gives the same table.
            for (int k = 0; k < jobs.size(); k++) {
                Job j = jobs.get(k);
                addHistory(eval, j.board(), j.budget(), await(futures.get(k), cancel), out);
                progress.progress(++done[0], total, String.format("%s: best under %.2f ms found",
                        req.boards().get(j.board()).label(), j.budget()));
                partial.accept(out.build());
            }
        } finally {
            pool.shutdownNow();
        }
        return out.build();
    }

    /** One search on board {@code b} under {@code budget}, appended to {@code out}. Returns the best config or null. */
    public SubnetConfig searchInto(SweepEvaluator eval, int b, double budget, long seed, ResultTable.Builder out,
            Cancellation cancel) throws OfaException, Cancellation.CancelledException {
        List<BudgetSearch.Candidate> history = search.search(eval.searchSpace(b), eval.predictor(),
                eval.boards().get(b).model(), budget, seed, ProgressListener.NONE, cancel);
        return addHistory(eval, b, budget, history, out);
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

    private static SubnetConfig addHistory(SweepEvaluator eval, int b, double budget,
            List<BudgetSearch.Candidate> history, ResultTable.Builder out) {
        // The winner comes last (see BudgetSearch); the candidates before it are distinct, so each
        // is read only if thinning keeps it.
        int last = history.size() - 1;
        BudgetSearch.Candidate best = last >= 0 && history.get(last).best() ? history.get(last) : null;
        List<BudgetSearch.Candidate> distinct = best == null ? history : history.subList(0, last);
        for (BudgetSearch.Candidate c : thin(distinct, best)) {
            eval.add(out, c.config(), 100 * c.accuracy(), b, c.latencyMs(), b, budget);
        }
        return best == null ? null : best.config();
    }

    /** Keeps at most {@link #MAX_HISTORY_PER_SEARCH} evenly spaced candidates, always the best (last). */
    static List<BudgetSearch.Candidate> thin(List<BudgetSearch.Candidate> all, BudgetSearch.Candidate best) {
        List<BudgetSearch.Candidate> out = new ArrayList<>(Math.min(all.size(), MAX_HISTORY_PER_SEARCH) + 1);
        double step = Math.max(1.0, (double) all.size() / MAX_HISTORY_PER_SEARCH);
        for (double x = 0; x < all.size(); x += step) {
            BudgetSearch.Candidate c = all.get((int) x);
            if (best == null || !c.config().equals(best.config())) {
                out.add(c);
            }
        }
        if (best != null) {
            out.add(best);
        }
        return out;
    }
}
