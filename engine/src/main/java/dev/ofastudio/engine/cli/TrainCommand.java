package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.data.Dataset;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ConsoleProgressBar;
import dev.ofastudio.engine.train.RunFolder;
import dev.ofastudio.engine.train.SupernetTrainer;
import dev.ofastudio.engine.train.TrainPreset;
import dev.ofastudio.engine.train.TrainPresets;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ofa train}: progressive-shrinking training of a supernet, resumable. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an OFA supernet with progressive shrinking (teacher, elastic kernel, depth, expand) "
                + "into a run folder; --resume continues a stopped run.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--preset", defaultValue = "fashion-mnist",
            description = "Training recipe: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).",
            completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--data", description = "Dataset folder: Fashion-MNIST IDX files, CIFAR-10 binary batches or "
            + "an ImageFolder tree (default: the preset's, e.g. /usr/share/datasets/fashion-mnist).")
    Path data;

    @Option(names = "--out", required = true, description = "Run folder (new or empty; keep it outside the checkout).")
    Path out;

    @Option(names = "--epochs-scale", defaultValue = "1",
            description = "Multiply every phase's epochs (e.g. 0.01 for a smoke run; default 1).")
    double epochsScale;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
    boolean resume;

    @Option(names = "--checkpoint-every", description = "Steps between checkpoints (default: the preset's).")
    Integer checkpointEvery;

    @Option(names = "--batch", description = "Batch size (default: the preset's).")
    Integer batch;

    @Override
    public Integer call() throws Exception {
        TrainPreset p = TrainPresets.byName(preset);
        if (p == null) {
            throw new OfaException("option --preset: expected one of " + TrainPresets.names() + ", found " + preset);
        }
        if (checkpointEvery != null) {
            if (checkpointEvery < 1) {
                throw new OfaException("option --checkpoint-every: expected a positive step count, found " + checkpointEvery);
            }
            p = p.withCheckpointEvery(checkpointEvery);
        }
        if (batch != null) {
            if (batch < 1 || batch > 4096) {
                throw new OfaException("option --batch: expected 1..4096, found " + batch);
            }
            p = p.withBatchSize(batch);
        }
        Path dir = data != null ? data : p.defaultData();
        Dataset ds = Dataset.open(dir, p.resolutions().get(p.resolutions().size() - 1));
        PrintStream log = System.err;
        RunFolder run = RunFolder.open(out, resume);
        try (run; ConsoleProgressBar bar = new ConsoleProgressBar(log)) {
            SupernetTrainer trainer = new SupernetTrainer(p, ds, run, epochsScale, log, bar, Cancellation.NEVER);
            log.printf("training %s on %s (%d classes, %d train images): %d steps, run folder %s%n",
                    trainer.space().id(), dir, ds.numClasses(), ds.train().size(), trainer.totalSteps(), out);
            trainer.run();
        }
        log.println("done: " + run.report());
        return 0;
    }

    /** Preset names for the help text. */
    static final class PresetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return TrainPresets.names().iterator();
        }
    }
}
