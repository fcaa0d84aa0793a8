package dev.ofastudio.engine.predict;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits each batch into contiguous chunks predicted on several threads (the calling thread takes
 * the first chunk). Predictors are thread-safe by contract, so this works for any of them; the
 * result equals the delegate's whenever a config's prediction does not depend on its batch mates,
 * which holds for {@link OfficialAccuracyPredictor}. Small batches run on the caller alone.
 */
public final class ParallelAccuracyPredictor implements AccuracyPredictor, AutoCloseable {
    /** Below this many configs per thread the hand-off costs more than it saves. */
    static final int MIN_CHUNK = 8;

    private final AccuracyPredictor delegate;
    private final int threads;
    private final ExecutorService pool;

    /** @param threads threads in all, the caller included (1 = no parallelism) */
    public ParallelAccuracyPredictor(AccuracyPredictor delegate, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.delegate = delegate;
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "ofa-predict-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One thread per available processor. */
    public static ParallelAccuracyPredictor ofAvailableProcessors(AccuracyPredictor delegate) {
        return new ParallelAccuracyPredictor(delegate, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public double predict(SubnetConfig config) {
        return delegate.predict(config);
    }

    @Override
    public double[] predict(List<SubnetConfig> configs) {
        int n = configs.size();
        int chunks = Math.min(threads, n / MIN_CHUNK);
        if (chunks <= 1) {
            return delegate.predict(configs);
        }
        double[] out = new double[n];
        List<Future<?>> futures = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            futures.add(pool.submit(() -> copy(delegate.predict(configs.subList(from, to)), out, from)));
        }
        copy(delegate.predict(configs.subList(0, n / chunks)), out, 0);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while predicting", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("prediction failed", e.getCause());
            }
        }
        return out;
    }

    private static void copy(double[] part, double[] out, int from) {
        System.arraycopy(part, 0, out, from, part.length);
    }

    @Override
    public List<Integer> resolutions() {
        return delegate.resolutions();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public boolean supports(SearchSpace space) {
        return delegate.supports(space);
    }

    @Override
    public void check(SubnetConfig config) throws OfaException {
        delegate.check(config);
    }

    @Override
    public Optional<SearchSpace> trainedSpace() {
        return delegate.trainedSpace();
    }

    /** Stops the worker threads (they are daemons, so forgetting this does not keep the JVM alive). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
