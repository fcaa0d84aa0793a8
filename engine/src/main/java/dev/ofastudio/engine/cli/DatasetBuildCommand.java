package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.accuracy.AccuracyDatasetBuilder;
import dev.ofastudio.engine.accuracy.AccuracyDatasetFile;
import dev.ofastudio.engine.accuracy.DatasetBuildSpec;
import dev.ofastudio.engine.accuracy.SupernetSource;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ConsoleProgressBar;
import dev.ofastudio.engine.space.SearchSpaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ofa dataset build}: the accuracy dataset of a trained supernet, resumable. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Sample sub-networks of a trained supernet, BN-recalibrate each on the training run's holdout "
                + "images and write its holdout top-1 to a CSV, a row as each finishes. Run the same command again to "
                + "continue a stopped build (done rows are skipped, a row cut by a kill is dropped); a file made with "
                + "other options or another supernet is refused.",
                "",
                "File: line 1 '# {json header}' (format ofa-studio-accuracy-dataset, version 1, supernet_sha256, "
                + "space, resolutions, n, seed, data_kind, train_images, holdout_images, calib_images, holdout_seed, "
                + "supernet, data, created); line 2 the columns index,r,ks,e,d,top1,macs,params,loss,images,seconds "
                + "(ks/e: 20 space-separated values, skipped blocks hold the smallest choice; d: 5 depths; top1 on a "
                + "0-1 scale; seconds: evaluation time).",
                ""})
final class DatasetBuildCommand implements Callable<Integer> {
    @Option(names = "--supernet", required = true, paramLabel = "RUN_DIR|FILE",
            description = "A training run folder of 'ofa train' (uses its supernet.ofa and run.json: data folder, "
                    + "holdout size), or a supernet file (.ofa or OFA .pth).")
    Path supernet;

    @Option(names = "--data", paramLabel = "DIR", description = "The dataset the supernet was trained on "
            + "(default: the run's data folder).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv",
            description = "Dataset file: created, or continued if it holds this build's header.")
    Path out;

    @Option(names = "--n", defaultValue = "2000", description = "Sub-networks to evaluate (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "0", description = "Sampling seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resolutions", split = ",", paramLabel = "R",
            description = "Resolutions to evaluate each architecture at, e.g. 24,32,40 or 24-40:4 "
                    + "(default: all of the supernet's space).")
    List<String> resolutions;

    @Option(names = "--holdout", paramLabel = "IMAGES", description = "Holdout size (default: the run's "
            + "holdout_images; for a bare supernet file min(" + DatasetBuildSpec.DEFAULT_HOLDOUT
            + ", train/5), as the trainer draws it).")
    Integer holdout;

    @Option(names = "--calib-images", paramLabel = "IMAGES", description = "Holdout images per BN recalibration "
            + "(default: the run's preset, else " + DatasetBuildSpec.DEFAULT_CALIB + ", OFA's).")
    Integer calibImages;

    @Option(names = "--workers", description = "Evaluation threads, each with its own supernet copy (default: one "
            + "per core, at most " + DatasetBuildSpec.MAX_DEFAULT_WORKERS + "; on 2 shared cores 2 workers of 1 thread "
            + "built 6 Fashion-MNIST sub-networks in 172 s and 111 s where 1 worker of 2 threads took 219 s and 166 s).")
    Integer workers;

    @Option(names = "--threads", description = "libtorch threads per worker (default: the cores divided by --workers).")
    Integer threads;

    @Option(names = "--json", description = "Print JSON: {\"out\", \"rows\", \"evaluated\", \"skipped\", "
            + "\"torn_line_dropped\", \"seconds\", \"n\", \"seed\", \"resolutions\", \"supernet_sha256\", \"space\"}.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Integer> rs = resolutions == null || resolutions.isEmpty() ? List.of()
                : SpaceOptions.parseResolutions(resolutions);
        DatasetBuildSpec.Prepared build = new DatasetBuildSpec(supernet, data, n, seed, rs, holdout, calibImages,
                workers, threads).prepare();
        AccuracyDatasetBuilder builder = build.builder();
        SupernetSource src = build.source();
        rs = build.resolutions();
        int done = builder.rowsDone(out);
        var err = spec.commandLine().getErr();
        if (!json) {
            err.printf("%s%s%n", build.describe(),
                    Files.exists(out) ? "; continuing " + out + " (" + done + " rows done)" : "");
            err.flush();
        }
        AccuracyDatasetBuilder.Summary s;
        try (ConsoleProgressBar bar = new ConsoleProgressBar(System.err)) {
            s = builder.build(out, bar, Cancellation.NEVER);
        }
        var o = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("rows", s.rows());
            m.put("evaluated", s.evaluated());
            m.put("skipped", s.skipped());
            m.put("torn_line_dropped", s.tornLineDropped());
            m.put("seconds", s.seconds());
            m.put("n", n);
            m.put("seed", seed);
            m.put("resolutions", rs);
            m.put("supernet_sha256", src.sha256());
            m.put("space", SearchSpaces.toJson(src.space()));
            JsonOutput.print(o, m);
        } else {
            o.printf("%s: %d rows (%d evaluated now, %d already there%s) in %.1f s; format %s%n", out, s.rows(),
                    s.evaluated(), s.skipped(), s.tornLineDropped() ? ", a torn last line dropped" : "", s.seconds(),
                    AccuracyDatasetFile.FORMAT);
        }
        return 0;
    }
}
