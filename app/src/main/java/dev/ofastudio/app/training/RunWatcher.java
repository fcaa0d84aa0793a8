package dev.ofastudio.app.training;

import dev.ofastudio.engine.OfaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads the run folder shown in the view on a background thread: its summary and whole history
 * when the folder is chosen, then, while a job writes it, the new metrics lines every
 * {@link #POLL_MILLIS} ms. Each read reaches the UI thread as one call; reads of a folder the view
 * has left are dropped.
 */
final class RunWatcher {
    static final long POLL_MILLIS = 400;

    /** What the watcher tells the view model, on the UI thread. */
    interface Listener {
        void summary(RunSummary summary);

        void points(MetricPoints points);

        void unreadable(String message);
    }

    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "studio-run-reader");
        t.setDaemon(true);
        return t;
    });
    private final Executor ui;
    private final Listener listener;
    /** UI thread only: which folder the view shows; a read for an older one is dropped. */
    private int generation;
    /** Reader thread only: the folder read, its metrics, and whether its summary has been read. */
    private Path dir;
    private MetricsTail tail;
    private boolean summaryRead;
    private ScheduledFuture<?> polling;

    RunWatcher(Executor ui, Listener listener) {
        this.ui = ui;
        this.listener = listener;
    }

    /** UI thread: shows {@code dir} (a run folder, or null for none), reading its summary and history. */
    void watch(Path dir) {
        follow(false);
        int g = ++generation;
        reader.execute(() -> {
            this.dir = dir;
            summaryRead = false;
            tail = dir == null ? null : new MetricsTail(dir.resolve("metrics.jsonl"));
            post(g, l -> l.points(new MetricPoints(true, List.of(), List.of())));
            if (dir != null) {
                readSummary(g, dir);
                readPoints(g);
            }
        });
    }

    /** UI thread: polls the metrics while a job writes them; stopping reads once more, with the summary. */
    void follow(boolean on) {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
        int g = generation;
        if (on) {
            polling = reader.scheduleWithFixedDelay(() -> poll(g), POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** UI thread: reads the folder's summary and new lines now (a job ended). */
    void refresh() {
        int g = generation;
        reader.execute(() -> {
            if (dir != null) {
                readSummary(g, dir);
            }
            readPoints(g);
        });
    }

    /** A new run writes its record after reading the data: the summary is read once it exists. */
    private void poll(int g) {
        if (!summaryRead && dir != null && Files.isRegularFile(dir.resolve("run.json"))) {
            readSummary(g, dir);
        }
        readPoints(g);
    }

    private void readSummary(int g, Path folder) {
        if (!RunSummary.isRun(folder)) {
            // A new run's folder before the job made it ours: nothing to show yet.
            return;
        }
        try {
            RunSummary s = RunSummary.read(folder);
            summaryRead = !s.preset().isEmpty();
            post(g, l -> l.summary(s));
        } catch (OfaException e) {
            post(g, l -> l.unreadable(e.getMessage()));
        }
    }

    private void readPoints(int g) {
        if (tail == null) {
            return;
        }
        try {
            MetricPoints p = tail.poll();
            if (!p.isEmpty()) {
                post(g, l -> l.points(p));
            }
        } catch (OfaException e) {
            post(g, l -> l.unreadable(e.getMessage()));
        }
    }

    private void post(int g, Consumer<Listener> call) {
        ui.execute(() -> {
            if (g == generation) {
                call.accept(listener);
            }
        });
    }
}
