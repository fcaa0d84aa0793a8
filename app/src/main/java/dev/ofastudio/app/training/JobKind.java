package dev.ofastudio.app.training;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.Cancellation.CancelledException;
import dev.ofastudio.engine.progress.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * One kind of long job the Training view runs into a run folder: supernet training now, the
 * accuracy dataset build next. A kind writes {@code metrics.jsonl} lines into its run folder (the
 * view tails them for its curves) and checks the cancellation at step boundaries, leaving the
 * folder resumable.
 */
public interface JobKind {
    /** The name in the job-kind choice, e.g. "Train supernet". */
    String title();

    /** The recipes it offers, the default first. */
    List<String> presets();

    /**
     * Runs, or continues, the job to its end on the calling (background) thread.
     *
     * @param log receives the engine's log lines (phase reports, "resumed at …")
     */
    void run(JobRequest request, PrintStream log, ProgressListener progress, Cancellation cancel)
            throws OfaException, CancelledException;

    /** The request that continues the run kept in {@code runFolder} (read from its own record of how it started). */
    JobRequest resumeRequest(Path runFolder) throws OfaException;
}
