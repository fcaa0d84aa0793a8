package dev.ofastudio.engine.progress;

/**
 * Receives progress of long engine work (search, profile generation, training). Called on the
 * worker thread; implementations must be cheap and thread-safe. The CLI draws a progress bar from
 * it, the studio forwards it to its task's progress property.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Does nothing. */
    ProgressListener NONE = (done, total, message) -> { };

    /**
     * @param done    units finished so far
     * @param total   units in all (constant for one piece of work)
     * @param message a short description of the current step, never null
     */
    void progress(long done, long total, String message);
}
