package dev.ofastudio.app.service;

/** Runs {@link BackgroundTask}s: on a pool in the studio, on the calling thread in tests. */
public interface TaskExecutor {
    /** Starts the task and returns it (so the caller can cancel it). */
    <V> BackgroundTask<V> execute(BackgroundTask<V> task);

    /**
     * Runs {@code r} on the UI thread (the FX thread, or at once in tests): how background work
     * publishes partial results.
     */
    void runOnUiThread(Runnable r);

    /** Stops accepting work and cancels what runs (on application exit). */
    default void shutdown() {
    }
}
