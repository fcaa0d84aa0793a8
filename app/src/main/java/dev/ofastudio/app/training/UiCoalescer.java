package dev.ofastudio.app.training;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a stream of "something changed" signals from a worker into at most one UI-thread call
 * per interval, however fast the worker signals: the call reads the latest state itself.
 */
final class UiCoalescer {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "studio-ui-coalescer");
        t.setDaemon(true);
        return t;
    });

    private final Executor ui;
    private final long gapNanos;
    private final Runnable deliver;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long last = System.nanoTime() - Long.MAX_VALUE / 2;

    /** @param deliver runs on the UI thread and reads the latest state */
    UiCoalescer(Executor ui, long gapMillis, Runnable deliver) {
        this.ui = ui;
        this.gapNanos = TimeUnit.MILLISECONDS.toNanos(gapMillis);
        this.deliver = deliver;
    }

    /** Any thread: the state changed. */
    void signal() {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(0, last + gapNanos - System.nanoTime());
        TIMER.schedule(() -> ui.execute(() -> {
            // Cleared first: a change made while this call reads the state signals again.
            pending.set(false);
            last = System.nanoTime();
            deliver.run();
        }), wait, TimeUnit.NANOSECONDS);
    }
}
