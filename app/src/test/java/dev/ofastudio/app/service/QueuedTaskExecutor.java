package dev.ofastudio.app.service;

import java.util.ArrayList;
import java.util.List;

/** Holds tasks until a test runs them, so it can act while one is still running. */
public final class QueuedTaskExecutor implements TaskExecutor {
    private final List<BackgroundTask<?>> queued = new ArrayList<>();

    @Override
    public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
        task.fireRunning();
        queued.add(task);
        return task;
    }

    @Override
    public void runOnUiThread(Runnable r) {
        r.run();
    }

    public int size() {
        return queued.size();
    }

    /** Runs the task queued {@code index}-th (0 = oldest) to the end, callbacks included. */
    public void run(int index) {
        queued.remove(index).runHere();
    }
}
