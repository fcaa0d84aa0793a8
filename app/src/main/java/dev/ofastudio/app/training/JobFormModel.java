package dev.ofastudio.app.training;

import java.util.concurrent.Executor;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the job forms of the Training tab share: their own {@link TrainingJob}, whose message and
 * progress feed the status line and bar while it runs, and the command flags of the job bar.
 * Pause and Cancel follow the job's state; when Start and Resume apply is the form's to say.
 */
public abstract class JobFormModel implements JobCommands {
    protected final TrainingJob job;
    protected final DoubleProperty progress = new SimpleDoubleProperty(0);
    protected final StringProperty eta = new SimpleStringProperty("");
    protected final StringProperty status;
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper();

    /**
     * @param ui        runs a task on the UI thread
     * @param stopPoint where the job stops when paused (see {@link TrainingJob#TrainingJob(Executor, String)})
     */
    protected JobFormModel(Executor ui, String initialStatus, String stopPoint) {
        job = new TrainingJob(ui, stopPoint);
        status = new SimpleStringProperty(initialStatus);
        job.stateProperty().addListener((o, a, s) -> jobStateChanged(s));
        job.messageProperty().addListener((o, a, m) -> status.set(m));
        job.progressProperty().addListener((o, a, p) -> {
            if (job.stateProperty().get().isActive()) {
                progress.set(p.doubleValue());
            }
        });
    }

    /** UI thread: the job started, paused, ended…; its message is already in the status line. */
    protected abstract void jobStateChanged(JobState s);

    /** Sets the command flags: Start and Resume as the form says, Pause and Cancel as the job stands. */
    protected final void setCommands(boolean start, boolean resume) {
        JobState s = job.stateProperty().get();
        canStart.set(start);
        canResume.set(resume);
        canPause.set(s == JobState.RUNNING);
        canCancel.set(s == JobState.RUNNING || s == JobState.PAUSING);
    }

    @Override
    public void pause() {
        job.pause();
    }

    @Override
    public void cancel() {
        job.cancel();
    }

    public TrainingJob job() {
        return job;
    }

    @Override
    public DoubleProperty progressProperty() {
        return progress;
    }

    @Override
    public StringProperty etaProperty() {
        return eta;
    }

    @Override
    public StringProperty statusProperty() {
        return status;
    }

    @Override
    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }
}
