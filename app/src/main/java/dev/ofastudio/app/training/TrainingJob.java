package dev.ofastudio.app.training;

import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.Cancellation.CancelledException;
import dev.ofastudio.engine.progress.ProgressListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One long job of the Training view at a time, on a thread of its own (a daemon: the run folder's
 * atomic checkpoints make even a hard exit resumable). Its state, progress and message are
 * observable properties changed only on the UI thread; the worker's progress and log lines reach
 * them coalesced, at most {@link #UI_UPDATES_PER_SECOND} times a second, so the FX thread never
 * waits and is never flooded. Pause and Cancel both stop the work at its next step boundary.
 */
public final class TrainingJob {
    /** The work of one job: engine types only, run on the job's thread. */
    @FunctionalInterface
    public interface Work {
        void run(PrintStream log, ProgressListener progress, Cancellation cancel) throws Exception;
    }

    static final int UI_UPDATES_PER_SECOND = 10;
    private static final System.Logger LOG = System.getLogger(TrainingJob.class.getName());

    private final Executor ui;
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(JobState.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final AtomicReference<Double> latestProgress = new AtomicReference<>();
    private final AtomicReference<String> latestMessage = new AtomicReference<>();
    private final UiCoalescer updates;
    private final List<Runnable> whenStopped = new ArrayList<>();
    private volatile Cancellation cancel = new Cancellation();
    private Thread thread;
    private final String stopPoint;

    /** @param ui runs a task on the UI thread (the FX thread in the studio) */
    public TrainingJob(Executor ui) {
        this(ui, "at the next step");
    }

    /**
     * @param ui        runs a task on the UI thread (the FX thread in the studio)
     * @param stopPoint where the work stops when paused or cancelled, for the status line
     *                  ("at the next step", "after the rows in progress")
     */
    public TrainingJob(Executor ui, String stopPoint) {
        this.ui = ui;
        this.stopPoint = stopPoint;
        this.updates = new UiCoalescer(ui, 1000 / UI_UPDATES_PER_SECOND, this::publish);
    }

    /**
     * Starts {@code work}; UI thread only.
     *
     * @throws IllegalStateException while another job runs
     */
    public void start(String title, Work work) {
        if (state.get().isActive()) {
            throw new IllegalStateException("a job is running already");
        }
        Cancellation c = new Cancellation();
        cancel = c;
        latestProgress.set(null);
        latestMessage.set(null);
        error.set("");
        progress.set(-1);
        message.set(title + ": starting…");
        state.set(JobState.RUNNING);
        thread = new Thread(() -> runWork(work, c), "studio-training");
        thread.setDaemon(true);
        // Training is heavy but the window must stay smooth.
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    private void runWork(Work work, Cancellation c) {
        ProgressListener listener = (done, total, text) -> {
            latestProgress.set(total > 0 ? Math.min(1.0, (double) done / total) : -1.0);
            latestMessage.set(text);
            updates.signal();
        };
        PrintStream log = LogLines.to(line -> {
            latestMessage.set(line);
            updates.signal();
        });
        JobState end;
        String failure = "";
        try {
            work.run(log, listener, c);
            end = JobState.FINISHED;
        } catch (CancelledException e) {
            end = null;
        } catch (OfaException e) {
            end = JobState.FAILED;
            failure = e.getMessage();
        } catch (Exception | Error e) {
            // Whatever it was, the job ends in a state; shown as one line, the trace goes to the log.
            LOG.log(System.Logger.Level.ERROR, "Training tab job failed", e);
            end = JobState.FAILED;
            failure = (e instanceof OutOfMemoryError ? "out of memory: " + e.getMessage() : "unexpected error: " + e);
        }
        JobState finalState = end;
        String finalError = failure;
        ui.execute(() -> finish(finalState, finalError));
    }

    /** UI thread: the job's last word. A finished or failed run wins over a pause asked too late. */
    private void finish(JobState end, String failure) {
        JobState s = end != null ? end : state.get() == JobState.CANCELLING ? JobState.CANCELLED : JobState.PAUSED;
        error.set(failure);
        switch (s) {
            case FINISHED -> {
                progress.set(1);
                message.set("finished");
            }
            case FAILED -> message.set("failed: " + failure);
            case PAUSED -> message.set("paused; Resume continues from the run folder's checkpoint");
            default -> message.set("cancelled; the run folder keeps its last checkpoint");
        }
        state.set(s);
        List<Runnable> after = List.copyOf(whenStopped);
        whenStopped.clear();
        after.forEach(Runnable::run);
    }

    /** UI thread: the latest progress and message from the worker, unless the job has ended meanwhile. */
    private void publish() {
        if (!state.get().isActive()) {
            return;
        }
        Double p = latestProgress.get();
        if (p != null) {
            progress.set(p);
        }
        String m = latestMessage.get();
        if (m != null && state.get() == JobState.RUNNING) {
            message.set(m);
        }
    }

    /** Stops at the next step boundary, keeping the run resumable. */
    public void pause() {
        if (state.get() == JobState.RUNNING) {
            state.set(JobState.PAUSING);
            message.set("pausing " + stopPoint + "…");
            cancel.cancel();
        }
    }

    /** Stops at the next step boundary for good (the run folder keeps its last checkpoint). */
    public void cancel() {
        if (state.get() == JobState.RUNNING || state.get() == JobState.PAUSING) {
            state.set(JobState.CANCELLING);
            message.set("cancelling " + stopPoint + "…");
            cancel.cancel();
        }
    }

    /** UI thread: runs {@code r} once the job is no longer active (at once if it is not). */
    public void whenStopped(Runnable r) {
        if (state.get().isActive()) {
            whenStopped.add(r);
        } else {
            r.run();
        }
    }

    /**
     * The window asks to close: true to let it. While the job runs, asks {@code question}; a yes
     * pauses the job and runs {@code close} once it has stopped at a step boundary, so what it
     * wrote stays resumable.
     */
    public boolean allowClose(DialogService dialogs, String question, Runnable close) {
        if (!state.get().isActive()) {
            return true;
        }
        if (dialogs.confirm("A job is running", question)) {
            pause();
            whenStopped(close);
        }
        return false;
    }

    /** Waits up to {@code millis} for the job's thread to end (application exit, tests); true if it did. */
    public boolean awaitThread(long millis) throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return true;
        }
        t.join(millis);
        return !t.isAlive();
    }

    /** Asks a running job to stop at its next step, from any thread (application exit). */
    public void stopNow() {
        cancel.cancel();
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Fraction done, or -1 while the amount is unknown (reading the data). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last failure's message ("" when none). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
