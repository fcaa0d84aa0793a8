package dev.ofastudio.app.training;

/** Where a {@link TrainingJob} stands. Pausing and cancelling both stop at the next step boundary. */
public enum JobState {
    IDLE, RUNNING, PAUSING, PAUSED, CANCELLING, CANCELLED, FINISHED, FAILED;

    /** True while the job's thread runs (a new job cannot start, the studio asks before closing). */
    public boolean isActive() {
        return this == RUNNING || this == PAUSING || this == CANCELLING;
    }
}
