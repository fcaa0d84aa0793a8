package dev.ofastudio.engine.progress;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancellation token: the caller calls {@link #cancel()}, the worker calls
 * {@link #throwIfCancelled()} once per generation / batch.
 */
public final class Cancellation {
    /** A token that is never cancelled. */
    public static final Cancellation NEVER = new Cancellation();

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        if (this != NEVER) {
            cancelled.set(true);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public void throwIfCancelled() throws CancelledException {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }

    /** Thrown by work that stopped because it was cancelled. */
    public static final class CancelledException extends Exception {
        private static final long serialVersionUID = 1L;

        public CancelledException() {
            super("cancelled");
        }
    }
}
