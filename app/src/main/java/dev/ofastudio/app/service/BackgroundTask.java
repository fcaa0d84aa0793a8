package dev.ofastudio.app.service;

import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of long work with progress and cancellation, described fluently and run by a
 * {@link TaskExecutor}: {@code BackgroundTask.of("Sweep", work).onSuccess(...).onFailure(...)}.
 * The work receives a {@link ProgressListener} and a {@link Cancellation}; callbacks run on the
 * executor's UI thread (the FX thread, or the caller's thread in tests).
 *
 * @param <V> the result type
 */
public final class BackgroundTask<V> {
    /** The work itself: plain engine types only, so it is testable without JavaFX. */
    @FunctionalInterface
    public interface Work<V> {
        V run(ProgressListener progress, Cancellation cancellation) throws Exception;
    }

    private final String title;
    private final Work<V> work;
    private final Cancellation cancellation = new Cancellation();
    private Runnable onRunning = () -> { };
    private Consumer<V> onSuccess = v -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };
    private ProgressListener onProgress = ProgressListener.NONE;

    private BackgroundTask(String title, Work<V> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <V> BackgroundTask<V> of(String title, Work<V> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<V> onRunning(Runnable r) {
        this.onRunning = r;
        return this;
    }

    public BackgroundTask<V> onProgress(ProgressListener l) {
        this.onProgress = l;
        return this;
    }

    public BackgroundTask<V> onSuccess(Consumer<V> c) {
        this.onSuccess = c;
        return this;
    }

    public BackgroundTask<V> onFailure(Consumer<Throwable> c) {
        this.onFailure = c;
        return this;
    }

    public BackgroundTask<V> onCancelled(Runnable r) {
        this.onCancelled = r;
        return this;
    }

    /** Runs after success, failure or cancellation. */
    public BackgroundTask<V> onFinished(Runnable r) {
        this.onFinished = r;
        return this;
    }

    public String title() {
        return title;
    }

    public Work<V> work() {
        return work;
    }

    /** Asks the work to stop at its next check; {@code onCancelled} follows instead of {@code onSuccess}. */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    // Executor side: called on the UI thread.
    void fireRunning() {
        onRunning.run();
    }

    void fireProgress(long done, long total, String message) {
        onProgress.progress(done, total, message);
    }

    /** Runs the work on the calling thread, then the callbacks (executors that run tasks in place). */
    void runHere() {
        V value = null;
        Throwable error = null;
        try {
            value = work.run(this::fireProgress, cancellation);
        } catch (Exception e) {
            error = e;
        }
        fireResult(value, error);
    }

    void fireResult(V value, Throwable error) {
        try {
            if (cancellation.isCancelled() || error instanceof Cancellation.CancelledException) {
                onCancelled.run();
            } else if (error != null) {
                onFailure.accept(error);
            } else {
                onSuccess.accept(value);
            }
        } finally {
            onFinished.run();
        }
    }
}
