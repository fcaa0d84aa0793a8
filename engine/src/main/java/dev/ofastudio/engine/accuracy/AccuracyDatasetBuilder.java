package dev.ofastudio.engine.accuracy;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.data.BatchMaker;
import dev.ofastudio.engine.data.Dataset;
import dev.ofastudio.engine.data.ImageSet;
import dev.ofastudio.engine.data.Splits;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.Cancellation.CancelledException;
import dev.ofastudio.engine.progress.Eta;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SearchSpaces;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.supernet.OfaSupernet;
import dev.ofastudio.engine.supernet.SupernetFiles;
import dev.ofastudio.engine.supernet.TorchThreads;
import dev.ofastudio.engine.train.SubnetEvaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Builds an accuracy dataset (digest §3.4): for each sub-network of the {@link SamplePlan}, BN
 * recalibration on the trainer's holdout images ({@link SubnetEvaluator}, OFA's 2,000 images) and
 * top-1 on the whole holdout split, written to an {@link AccuracyDatasetFile} as each finishes.
 * The holdout is the trainer's own draw ({@link Splits#holdout}), so no training image is ever
 * evaluated. A file with the same header is continued (its rows are skipped); one made with other
 * options or another supernet is refused. Workers each load their own copy of the supernet,
 * because recalibration writes BN statistics into it.
 */
public final class AccuracyDatasetBuilder {

    /**
     * @param workers           evaluation threads, each with its own supernet copy
     * @param threadsPerWorker  libtorch intra-op threads of each worker
     */
    public record Options(int n, long seed, List<Integer> resolutions, int holdoutImages, int calibImages, int workers,
            int threadsPerWorker) {
        public Options {
            resolutions = List.copyOf(resolutions);
        }
    }

    /**
     * Told of each row as soon as it is in the file (the studio's live scatter). Called on the
     * worker that wrote it, so several may call at once: implementations are cheap and thread-safe.
     */
    @FunctionalInterface
    public interface RowListener {
        RowListener NONE = (row, done, total, etaSeconds) -> { };

        /**
         * @param done       rows the file holds now, those of earlier runs included
         * @param etaSeconds the remaining time at this run's pace so far
         */
        void written(AccuracyRow row, int done, int total, double etaSeconds);
    }

    /** What a build did. */
    public record Summary(Path out, int rows, int evaluated, int skipped, boolean tornLineDropped, double seconds) {
    }

    private final SupernetSource supernet;
    private final Dataset data;
    private final Options options;
    private final BatchMaker holdout;
    private final List<SubnetConfig> plan;

    public AccuracyDatasetBuilder(SupernetSource supernet, Dataset data, Options options) throws OfaException {
        this.supernet = supernet;
        this.data = data;
        this.options = options;
        if (options.n() < 1 || options.n() > 1_000_000) {
            throw new OfaException("option --n: expected 1..1000000 sub-networks, found " + options.n());
        }
        if (options.workers() < 1 || options.workers() > 64 || options.threadsPerWorker() < 1
                || options.threadsPerWorker() > 256) {
            throw new OfaException("options --workers/--threads: expected 1..64 workers of 1..256 threads, found "
                    + options.workers() + " × " + options.threadsPerWorker());
        }
        for (int r : options.resolutions()) {
            if (!supernet.space().resolutions().contains(r)) {
                throw new OfaException("option --resolutions: expected resolutions of the supernet's space "
                        + supernet.space().describeResolutions() + ", found " + r);
            }
        }
        if (data.channels() != supernet.space().inputChannels() || data.numClasses() != supernet.space().numClasses()) {
            throw new OfaException(data.root() + ": dataset: expected " + supernet.space().inputChannels()
                    + "-channel images of " + supernet.space().numClasses() + " classes (the supernet's), found "
                    + data.channels() + " channels and " + data.numClasses() + " classes");
        }
        ImageSet all = data.train();
        if (supernet.trainImages() != null && supernet.trainImages() != all.size()) {
            throw new OfaException(data.root() + ": train split: expected " + supernet.trainImages()
                    + " images (run.json train_images + holdout_images), found " + all.size()
                    + " (is --data the folder the supernet was trained on?)");
        }
        if (options.holdoutImages() < 1 || options.holdoutImages() >= all.size()) {
            throw new OfaException("option --holdout: expected 1.." + (all.size() - 1) + " images, found "
                    + options.holdoutImages());
        }
        int[][] parts = Splits.holdout(all.size(), options.holdoutImages());
        this.holdout = new BatchMaker(all.subset(parts[1]), data.mean(), data.std());
        this.plan = SamplePlan.of(supernet.space(), options.resolutions(), options.n(), options.seed());
    }

    public List<SubnetConfig> plan() {
        return plan;
    }

    /** The header this build writes; a file to continue must carry the same identity fields. */
    public ObjectNode header() {
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("format", AccuracyDatasetFile.FORMAT);
        h.put("version", AccuracyDatasetFile.VERSION);
        h.put("supernet_sha256", supernet.sha256());
        h.set("space", SearchSpaces.toJson(supernet.space()));
        options.resolutions().forEach(h.putArray("resolutions")::add);
        h.put("n", options.n());
        h.put("seed", options.seed());
        h.put("data_kind", data.kind());
        h.put("train_images", data.train().size());
        h.put("holdout_images", options.holdoutImages());
        h.put("calib_images", options.calibImages());
        h.put("holdout_seed", Splits.HOLDOUT_SEED);
        // Below: provenance, not compared on resume.
        h.put("supernet", supernet.file().toAbsolutePath().toString());
        h.put("data", data.root().toAbsolutePath().toString());
        h.put("created", Instant.now().toString());
        return h;
    }

    /** Header fields that are not the build's identity: where the files were and when it began. */
    static final List<String> PROVENANCE = List.of("supernet", "data", "created");

    /** Fails naming the first field in which {@code found} (a file's header) differs from {@code expected}. */
    static void requireSameBuild(ObjectNode expected, ObjectNode found, Path file) throws OfaException {
        Iterator<String> names = expected.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (PROVENANCE.contains(f)) {
                continue;
            }
            // As written text: a parsed 0 is an int node where the build's own is a long.
            if (!found.has(f) || !expected.get(f).toString().equals(found.get(f).toString())) {
                throw new OfaException(file + ": line 1: field " + f + ": expected " + expected.get(f)
                        + " (this build's), found " + (found.has(f) ? found.get(f) : "nothing")
                        + " (the file was made with other options or another supernet; choose another --out)");
            }
        }
    }

    /**
     * The rows {@code out} already holds for this build (0 if it does not exist), or the one-line
     * error a build would fail with: a file of another build, a foreign or damaged file.
     */
    public int rowsDone(Path out) throws OfaException {
        if (!Files.exists(out)) {
            return 0;
        }
        BitSet done = new BitSet(plan.size());
        checkExisting(out, header(), done);
        return done.cardinality();
    }

    private AccuracyDatasetFile.Content checkExisting(Path out, ObjectNode header, BitSet done) throws OfaException {
        AccuracyDatasetFile.Content existing = AccuracyDatasetFile.read(out);
        requireSameBuild(header, existing.header(), out);
        int line = 3;
        for (AccuracyRow r : existing.rows()) {
            if (r.index() >= plan.size() || !r.config().equals(plan.get(r.index())) || done.get(r.index())) {
                throw new OfaException(out + ": line " + line + ": expected a row of this build's sample plan "
                        + "(each index once, with its planned config), found index " + r.index());
            }
            done.set(r.index());
            line++;
        }
        return existing;
    }

    /**
     * Builds or continues {@code out}. Rows finish in any order; each is appended and flushed when it
     * finishes. Cancelling stops handing out sub-networks; those already running are written.
     */
    public Summary build(Path out, ProgressListener progress, Cancellation cancel)
            throws OfaException, CancelledException {
        return build(out, progress, RowListener.NONE, cancel);
    }

    /** As {@link #build(Path, ProgressListener, Cancellation)}, telling {@code rows} of each row written. */
    public Summary build(Path out, ProgressListener progress, RowListener rows, Cancellation cancel)
            throws OfaException, CancelledException {
        long t0 = System.nanoTime();
        ObjectNode header = header();
        BitSet done = new BitSet(plan.size());
        boolean torn = false;
        AccuracyDatasetFile.Appender appender;
        if (Files.exists(out)) {
            AccuracyDatasetFile.Content existing = checkExisting(out, header, done);
            torn = existing.tornLastLine();
            appender = AccuracyDatasetFile.Appender.resume(existing);
        } else {
            appender = AccuracyDatasetFile.Appender.create(out, header);
        }
        int skipped = done.cardinality();
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = done.nextClearBit(0); i < plan.size(); i = done.nextClearBit(i + 1)) {
            queue.add(i);
        }
        int todo = queue.size();
        AtomicInteger finished = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        progress.progress(skipped, plan.size(), String.format(Locale.ROOT, "%d/%d sub-networks (%d done before)",
                skipped, plan.size(), skipped));
        try (appender) {
            int workers = Math.min(options.workers(), Math.max(1, todo));
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers && todo > 0; w++) {
                Thread t = new Thread(() -> {
                    try {
                        work(queue, appender, cancel, failure, row -> {
                            int k = finished.incrementAndGet();
                            double eta = (System.nanoTime() - t0) / 1e9 / k * (todo - k);
                            progress.progress(skipped + k, plan.size(), String.format(Locale.ROOT,
                                    "%d/%d sub-networks, ETA %s", skipped + k, plan.size(), Eta.format(eta)));
                            rows.written(row, skipped + k, plan.size(), eta);
                        });
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "ofa-dataset-" + w);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    cancel.cancel();
                    Thread.currentThread().interrupt();
                }
            }
        }
        Throwable f = failure.get();
        if (f instanceof OfaException oe) {
            throw oe;
        }
        if (f != null) {
            throw new IllegalStateException("dataset build failed: " + f, f);
        }
        cancel.throwIfCancelled();
        return new Summary(out, skipped + finished.get(), finished.get(), skipped, torn,
                (System.nanoTime() - t0) / 1e9);
    }

    /** One worker: its own supernet copy and intra-op thread count, then sub-networks until none are left. */
    private void work(ConcurrentLinkedQueue<Integer> queue, AccuracyDatasetFile.Appender appender,
            Cancellation cancel, AtomicReference<Throwable> failure, Consumer<AccuracyRow> onRow)
            throws OfaException {
        // Grad mode and libtorch's OpenMP thread count are per-thread settings: set them on the worker itself.
        TorchThreads.prepare();
        JniUtils.setNumThreads(options.threadsPerWorker());
        try (NDManager manager = NDManager.newBaseManager()) {
            OfaSupernet net = SupernetFiles.load(supernet.file(), manager);
            SubnetEvaluator eval = new SubnetEvaluator(holdout, options.calibImages());
            Integer index;
            while (!cancel.isCancelled() && failure.get() == null && (index = queue.poll()) != null) {
                SubnetConfig c = plan.get(index);
                long start = System.nanoTime();
                SubnetEvaluator.Result res = eval.evaluate(net, c, holdout, manager, ProgressListener.NONE);
                NetworkDescription d = supernet.space().describe(c);
                // Milliseconds, as the file keeps them: listeners get the row the file holds.
                double seconds = Math.round((System.nanoTime() - start) / 1e6) / 1e3;
                AccuracyRow row = new AccuracyRow(index, c, res.top1(), d.macs(), d.params(), res.loss(), res.images(),
                        seconds);
                appender.append(row);
                onRow.accept(row);
            }
        }
    }
}
