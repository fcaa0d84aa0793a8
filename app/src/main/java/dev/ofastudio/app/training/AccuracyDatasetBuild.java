package dev.ofastudio.app.training;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.accuracy.AccuracyDatasetBuilder;
import dev.ofastudio.engine.accuracy.AccuracyDatasetBuilder.RowListener;
import dev.ofastudio.engine.accuracy.DatasetBuildSpec;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.Cancellation.CancelledException;
import dev.ofastudio.engine.progress.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Path;

/** The accuracy dataset build of {@code ofa dataset build}, with the same defaults. */
public final class AccuracyDatasetBuild implements DatasetBuildJob {
    @Override
    public void run(DatasetBuildSpec spec, Path out, PrintStream log, ProgressListener progress, RowListener rows,
            Cancellation cancel) throws OfaException, CancelledException {
        // Hashing the supernet and reading the data take seconds: a pause asked meanwhile writes nothing.
        DatasetBuildSpec.Prepared build = spec.prepare();
        cancel.throwIfCancelled();
        AccuracyDatasetBuilder builder = build.builder();
        int done = builder.rowsDone(out);
        log.println(build.describe() + (done > 0 ? "; continuing " + out + " (" + done + " rows done)" : ""));
        builder.build(out, progress, rows, cancel);
    }
}
