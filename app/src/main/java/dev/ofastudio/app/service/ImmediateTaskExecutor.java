package dev.ofastudio.app.service;

/**
 * Runs each task to the end on the calling thread, callbacks included, so a test's click leads
 * straight to assertable view-model state with no sleeps.
 */
public final class ImmediateTaskExecutor implements TaskExecutor {
    @Override
    public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
        task.fireRunning();
        task.runHere();
        return task;
    }

    @Override
    public void runOnUiThread(Runnable r) {
        r.run();
    }
}
