package dev.ofastudio.app.training;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.accuracy.AccuracyDatasetBuilder.RowListener;
import dev.ofastudio.engine.accuracy.DatasetBuildSpec;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.Cancellation.CancelledException;
import dev.ofastudio.engine.progress.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The accuracy dataset build the Training tab runs on its job thread: {@link AccuracyDatasetBuild},
 * the engine's, in the studio. Pausing cancels it: it stops after the rows in progress, which the
 * file keeps, and running it again on the same file continues it.
 */
@FunctionalInterface
public interface DatasetBuildJob {
    /**
     * Builds or continues {@code out} to its end on the calling (background) thread.
     *
     * @param log  receives what is built on what
     * @param rows told of each row once it is in the file
     */
    void run(DatasetBuildSpec spec, Path out, PrintStream log, ProgressListener progress, RowListener rows,
            Cancellation cancel) throws OfaException, CancelledException;
}
