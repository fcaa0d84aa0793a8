package dev.ofastudio.engine.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.data.Dataset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an accuracy-dataset build is asked for, as {@code ofa dataset build} and the studio both
 * take it: the supernet (a training run folder or a supernet file), the data, how many
 * sub-networks and the seed, and optional overrides. {@link #prepare} fills in the defaults (the
 * run's data folder, holdout and calibration size; one worker per core) and opens everything;
 * {@link #continuing} reads a stopped build back from its file's header, so the file alone is
 * enough to resume it.
 *
 * @param data        the dataset folder, or null for the training run's
 * @param resolutions resolutions to evaluate each architecture at; empty for all of the supernet's space
 * @param holdout     holdout images, or null for the run's (a bare file: min(5000, train/5), as the trainer draws it)
 * @param calibImages holdout images per BN recalibration, or null for the run's preset's (else OFA's 2,000)
 * @param workers     evaluation threads, or null for one per core (at most {@link #MAX_DEFAULT_WORKERS})
 * @param threads     libtorch threads per worker, or null for the cores divided by the workers
 */
public record DatasetBuildSpec(Path supernet, Path data, int n, long seed, List<Integer> resolutions, Integer holdout,
        Integer calibImages, Integer workers, Integer threads) {
    /** Holdout of a bare supernet file: the fashion-mnist preset's (capped at a fifth of train, as the trainer does). */
    public static final int DEFAULT_HOLDOUT = 5000;
    /** OFA's BN-recalibration images. */
    public static final int DEFAULT_CALIB = 2000;
    /** Most workers by default: each holds a supernet copy and its activations. */
    public static final int MAX_DEFAULT_WORKERS = 8;

    public DatasetBuildSpec {
        resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
    }

    public DatasetBuildSpec withSupernet(Path file) {
        return new DatasetBuildSpec(file, data, n, seed, resolutions, holdout, calibImages, workers, threads);
    }

    public DatasetBuildSpec withData(Path dir) {
        return new DatasetBuildSpec(supernet, dir, n, seed, resolutions, holdout, calibImages, workers, threads);
    }

    /** The same build with another sample size and seed (for a new file: the header names both). */
    public DatasetBuildSpec withSample(int count, long sampleSeed) {
        return new DatasetBuildSpec(supernet, data, count, sampleSeed, resolutions, holdout, calibImages, workers,
                threads);
    }

    public DatasetBuildSpec withWorkers(Integer count, Integer threadsPerWorker) {
        return new DatasetBuildSpec(supernet, data, n, seed, resolutions, holdout, calibImages, count,
                threadsPerWorker);
    }

    /** A build ready to run, with every default resolved. */
    public record Prepared(AccuracyDatasetBuilder builder, SupernetSource source, Path data, List<Integer> resolutions,
            int holdoutImages, int calibImages, int workers, int threadsPerWorker) {
        /** One line for a log: what is evaluated, on what, with how many threads. */
        public String describe() {
            return String.format(Locale.ROOT, "dataset of %s (%s): %d sub-networks at r %s on %d holdout images of %s "
                    + "(%d per BN recalibration), %d worker(s) x %d thread(s)", source.file(), source.space().id(),
                    builder.plan().size(), resolutions, holdoutImages, data, calibImages, workers, threadsPerWorker);
        }
    }

    /** Opens the supernet and the data (seconds for a large dataset) and resolves the defaults. */
    public Prepared prepare() throws OfaException {
        SupernetSource src = SupernetSource.open(supernet);
        Path dir = data != null ? data : src.dataDir();
        if (dir == null) {
            throw new OfaException("option --data: expected the dataset folder the supernet was trained on "
                    + "(a bare supernet file does not record it)");
        }
        List<Integer> rs = resolutions.isEmpty() ? src.space().resolutions() : resolutions;
        Dataset ds = Dataset.open(dir, src.space().resolutions().get(src.space().resolutions().size() - 1));
        int holdoutImages;
        if (src.holdoutImages() != null) {
            if (holdout != null && !holdout.equals(src.holdoutImages())) {
                throw new OfaException("option --holdout: expected the run's holdout_images " + src.holdoutImages()
                        + " (another size would evaluate on training images), found " + holdout);
            }
            holdoutImages = src.holdoutImages();
        } else {
            holdoutImages = holdout != null ? holdout : Math.min(DEFAULT_HOLDOUT, ds.train().size() / 5);
        }
        int calib = calibImages != null ? calibImages : src.calibImages() != null ? src.calibImages() : DEFAULT_CALIB;
        if (calib < 1) {
            throw new OfaException("option --calib-images: expected a positive image count, found " + calib);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int nWorkers = workers != null ? workers : Math.min(cores, MAX_DEFAULT_WORKERS);
        int perWorker = threads != null ? threads : Math.max(1, cores / Math.max(1, nWorkers));
        AccuracyDatasetBuilder builder = new AccuracyDatasetBuilder(src, ds,
                new AccuracyDatasetBuilder.Options(n, seed, rs, holdoutImages, calib, nWorkers, perWorker));
        return new Prepared(builder, src, dir, rs, holdoutImages, calib, nWorkers, perWorker);
    }

    /**
     * The build that wrote {@code file}, read from its header: the supernet and data where they
     * were, the sample size, seed, resolutions, holdout and calibration size (workers: the defaults).
     */
    public static DatasetBuildSpec continuing(AccuracyDatasetFile.Content file) throws OfaException {
        ObjectNode h = file.header();
        Path where = file.file();
        List<Integer> rs = new ArrayList<>();
        JsonNode r = h.path("resolutions");
        if (!r.isArray() || r.isEmpty()) {
            throw fieldError(where, "resolutions", "a list of image sizes", h);
        }
        for (JsonNode v : r) {
            if (!v.canConvertToInt() || v.asInt() < 1) {
                throw fieldError(where, "resolutions", "a list of image sizes", h);
            }
            rs.add(v.asInt());
        }
        JsonNode seed = h.path("seed");
        if (!seed.canConvertToLong()) {
            throw fieldError(where, "seed", "a whole number", h);
        }
        return new DatasetBuildSpec(path(h, "supernet", where), path(h, "data", where),
                positive(h, "n", where), seed.asLong(), rs, positive(h, "holdout_images", where),
                positive(h, "calib_images", where), null, null);
    }

    private static Path path(ObjectNode h, String field, Path file) throws OfaException {
        JsonNode v = h.path(field);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw fieldError(file, field, "the path it was built from", h);
        }
        try {
            return Path.of(v.asText());
        } catch (InvalidPathException e) {
            throw fieldError(file, field, "a path of this system", h);
        }
    }

    private static int positive(ObjectNode h, String field, Path file) throws OfaException {
        JsonNode v = h.path(field);
        if (!v.canConvertToInt() || v.asInt() < 1) {
            throw fieldError(file, field, "a positive whole number", h);
        }
        return v.asInt();
    }

    private static OfaException fieldError(Path file, String field, String expected, ObjectNode h) {
        return new OfaException(file + ": line 1: field " + field + ": expected " + expected + ", found "
                + (h.has(field) ? h.get(field) : "nothing"));
    }
}
