package dev.ofastudio.app.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * Runs tasks on a small daemon pool and posts callbacks to the FX thread. Progress is throttled:
 * at most one pending progress update per task, so a fast worker cannot flood the FX queue.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "studio-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
        Platform.runLater(task::fireRunning);
        AtomicReference<long[]> latest = new AtomicReference<>();
        AtomicReference<String> latestMessage = new AtomicReference<>("");
        AtomicBoolean posted = new AtomicBoolean();
        pool.submit(() -> {
            V value = null;
            Throwable error = null;
            try {
                value = task.work().run((done, total, message) -> {
                    latest.set(new long[] {done, total});
                    latestMessage.set(message);
                    if (posted.compareAndSet(false, true)) {
                        Platform.runLater(() -> {
                            posted.set(false);
                            long[] p = latest.get();
                            task.fireProgress(p[0], p[1], latestMessage.get());
                        });
                    }
                }, task.cancellation());
            } catch (Exception | OutOfMemoryError e) {
                error = e;
            }
            V v = value;
            Throwable err = error;
            Platform.runLater(() -> task.fireResult(v, err));
        });
        return task;
    }

    @Override
    public void runOnUiThread(Runnable r) {
        Platform.runLater(r);
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
