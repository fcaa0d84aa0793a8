package dev.ofastudio.app.training;

import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.engine.progress.Eta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State and commands of the Training view: the job kind, dataset folder, recipe and run folder;
 * Start, Pause, Resume and Cancel; the run's history for the curves, its progress, ETA and final
 * figures. A run folder chosen here is read in the background, so a run started in an earlier
 * session shows its curves and can be resumed.
 */
public final class TrainingViewModel {
    private final DialogService dialogs;
    private final Path runsRoot;
    private final List<JobKind> kinds;
    private final TrainingJob job;
    private final RunWatcher watcher;
    private final RunHistory history = new RunHistory();

    private final ObjectProperty<JobKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>();
    private final StringProperty preset = new SimpleStringProperty("");
    private final StringProperty epochsScale = new SimpleStringProperty("1");
    private final StringProperty batch = new SimpleStringProperty("");
    private final ObjectProperty<Path> runFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<RunSummary> summary = new SimpleObjectProperty<>();
    private final IntegerProperty historyRevision = new SimpleIntegerProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Choose a dataset folder, or open a run folder.");
    private final StringProperty report = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper();
    /** The run folder was filled in from the dataset's name, not chosen: a new dataset renames it. */
    private boolean runFolderIsDefault;

    /**
     * @param ui       runs a task on the UI thread
     * @param kinds    the job kinds offered, the default first
     * @param runsRoot where new run folders go by default (e.g. {@code ~/ofa-runs}); nothing is made there until Start
     */
    public TrainingViewModel(DialogService dialogs, Executor ui, List<JobKind> kinds, Path runsRoot) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds: expected at least one job kind");
        }
        this.dialogs = dialogs;
        this.runsRoot = runsRoot;
        this.kinds = List.copyOf(kinds);
        this.job = new TrainingJob(ui);
        this.watcher = new RunWatcher(ui, new RunWatcher.Listener() {
            @Override
            public void summary(RunSummary s) {
                showSummary(s);
            }

            @Override
            public void points(MetricPoints p) {
                history.add(p);
                historyRevision.set(historyRevision.get() + 1);
                followHistory();
            }

            @Override
            public void unreadable(String message) {
                status.set(message);
            }
        });
        kind.set(this.kinds.get(0));
        preset.set(kind.get().presets().isEmpty() ? "" : kind.get().presets().get(0));
        kind.addListener((o, a, k) -> {
            if (k != null && !k.presets().contains(preset.get())) {
                preset.set(k.presets().isEmpty() ? "" : k.presets().get(0));
            }
        });
        job.stateProperty().addListener((o, a, s) -> jobStateChanged(s));
        job.messageProperty().addListener((o, a, m) -> status.set(m));
        job.progressProperty().addListener((o, a, p) -> {
            if (job.stateProperty().get().isActive()) {
                progress.set(p.doubleValue());
            }
        });
        runFolder.addListener((o, a, b) -> refreshCommands());
        dataFolder.addListener((o, a, b) -> refreshCommands());
        summary.addListener((o, a, b) -> refreshCommands());
        refreshCommands();
    }

    /** The studio's defaults: supernet training, new runs under {@code ~/ofa-runs}. */
    public static TrainingViewModel withDefaults(DialogService dialogs, Executor ui) {
        return new TrainingViewModel(dialogs, ui, List.of(new SupernetTraining()),
                Path.of(System.getProperty("user.home"), "ofa-runs"));
    }

    // ---- commands ----

    /** Asks for the dataset folder; a run folder not chosen by hand follows its name. */
    public void chooseDataFolder() {
        dialogs.showDirectoryDialog(FileDialogSpec.of("Dataset folder (Fashion-MNIST IDX, CIFAR-10 binary or class folders)"))
                .ifPresent(this::setDataFolder);
    }

    public void setDataFolder(Path dir) {
        dataFolder.set(dir);
        if (runFolder.get() == null || runFolderIsDefault) {
            runFolder.set(defaultRunFolder(dir));
            runFolderIsDefault = true;
            watcher.watch(null);
            summary.set(null);
        }
    }

    /** A new folder under the runs root named after the dataset (-2, -3 … when taken). */
    Path defaultRunFolder(Path data) {
        String base = data.getFileName() == null ? "run" : data.getFileName().toString();
        Path p = runsRoot.resolve(base);
        for (int i = 2; Files.exists(p); i++) {
            p = runsRoot.resolve(base + "-" + i);
        }
        return p;
    }

    /** Asks for a run folder: an earlier run's (its history is shown, Resume continues it) or an empty one. */
    public void chooseRunFolder() {
        FileDialogSpec spec = FileDialogSpec.of("Run folder (an earlier run, or an empty folder for a new one)");
        if (Files.isDirectory(runsRoot)) {
            spec = spec.withInitialDirectory(runsRoot);
        }
        dialogs.showDirectoryDialog(spec).ifPresent(this::openRunFolder);
    }

    /** Shows {@code dir}: an earlier run's history, or an empty target for a new run; refuses anything else. */
    public void openRunFolder(Path dir) {
        if (job.stateProperty().get().isActive()) {
            dialogs.showError("Run folder", "A job is running in " + runFolder.get() + "; pause it first.");
            return;
        }
        String problem = runFolderProblem(dir);
        if (problem != null) {
            dialogs.showError("Run folder", problem);
            return;
        }
        runFolderIsDefault = false;
        runFolder.set(dir);
        summary.set(null);
        report.set("");
        progress.set(0);
        eta.set("");
        status.set(RunSummary.isRun(dir) ? "reading " + dir + "…" : "new run in " + dir);
        watcher.watch(dir);
    }

    /** Why {@code dir} cannot be a run folder, or null. */
    private static String runFolderProblem(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return dir + ": run folder: expected a folder, found a file";
        }
        if (Files.isDirectory(dir) && !RunSummary.isRun(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    return dir + ": run folder: expected an empty folder or an earlier run's folder, found other "
                            + "files (nothing was changed)";
                }
            } catch (java.io.IOException e) {
                return dir + ": run folder: cannot list: " + e.getMessage();
            }
        }
        return null;
    }

    /** Starts a new run of the chosen kind into the run folder. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        Path data = dataFolder.get();
        Path dir = runFolder.get();
        double scale;
        int b;
        try {
            scale = Double.parseDouble(epochsScale.get().strip());
            if (!(scale > 0) || scale > 100) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            dialogs.showError("Start", "epochs scale: expected a number in (0, 100], found \"" + epochsScale.get() + "\"");
            return;
        }
        try {
            b = batch.get().isBlank() ? 0 : Integer.parseInt(batch.get().strip());
            if (b < 0 || b > 4096) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            dialogs.showError("Start", "batch: expected 1..4096, or empty for the preset's, found \"" + batch.get() + "\"");
            return;
        }
        String problem = runFolderProblem(dir);
        if (problem == null && RunSummary.isRun(dir) && (Files.exists(dir.resolve("run.json"))
                || Files.exists(dir.resolve("checkpoint.ofa")))) {
            problem = dir + ": run folder: holds a run already; Resume continues it, or choose another run folder";
        }
        if (problem != null) {
            dialogs.showError("Start", problem);
            return;
        }
        JobKind k = kind.get();
        JobRequest request = new JobRequest(data, preset.get(), scale, b, dir, false);
        launch(k.title(), dir, (log, p, c) -> k.run(request, log, p, c));
    }

    /** Continues the run in the run folder from its checkpoint, with the settings it started with. */
    public void resume() {
        if (!canResume.get()) {
            return;
        }
        JobKind k = kind.get();
        Path dir = runFolder.get();
        // The run's record is read on the job's thread too: the FX thread never reads more than a folder listing.
        launch(k.title() + " (resumed)", dir, (log, p, c) -> k.run(k.resumeRequest(dir), log, p, c));
    }

    private void launch(String title, Path dir, TrainingJob.Work work) {
        report.set("");
        eta.set("");
        job.start(title, work);
        watcher.watch(dir);
        watcher.follow(true);
    }

    public void pause() {
        job.pause();
    }

    public void cancel() {
        job.cancel();
    }

    /**
     * The window asks to close: true to let it. While a job runs, asks whether to pause it and
     * close once it has stopped at a step boundary ({@code close} then runs); the run folder stays resumable.
     */
    public boolean allowClose(Runnable close) {
        if (!job.stateProperty().get().isActive()) {
            return true;
        }
        if (dialogs.confirm("A job is running", "Pause " + runFolder.get() + " at the next step and close the studio? "
                + "The run folder keeps its checkpoint; open it again and press Resume to continue.")) {
            job.pause();
            job.whenStopped(close);
        }
        return false;
    }

    /** Application exit: asks a job still running to stop and waits a bounded time for its checkpoint. */
    public void shutdown() throws InterruptedException {
        job.stopNow();
        job.awaitThread(30_000);
    }

    // ---- state updates (UI thread) ----

    private void jobStateChanged(JobState s) {
        refreshCommands();
        if (!s.isActive()) {
            eta.set("");
            watcher.follow(false);
            watcher.refresh();
            if (s == JobState.FAILED) {
                dialogs.showError("The job stopped", job.errorProperty().get());
            }
        }
    }

    private void showSummary(RunSummary s) {
        summary.set(s);
        if (!job.stateProperty().get().isActive()) {
            if (s.data() != null) {
                dataFolder.set(s.data());
            }
            if (!s.preset().isEmpty()) {
                preset.set(s.preset());
                epochsScale.set(trim(s.epochsScale()));
                batch.set(s.batch() > 0 ? String.valueOf(s.batch()) : "");
            }
        }
        report.set(reportText(s));
        followHistory();
    }

    /** Progress, ETA and status from the history when no job reports them. */
    private void followHistory() {
        MetricPoints.Step last = history.lastStep();
        RunSummary s = summary.get();
        JobState state = job.stateProperty().get();
        if (state == JobState.RUNNING && last != null && Double.isFinite(last.etaSeconds())) {
            eta.set("ETA " + Eta.format(last.etaSeconds()));
        }
        if (state.isActive() || s == null) {
            return;
        }
        long done = last == null ? 0 : last.globalStep();
        if (s.finished()) {
            progress.set(1);
        } else if (s.totalSteps() > 0) {
            progress.set((double) done / s.totalSteps());
        }
        if (state == JobState.IDLE) {
            status.set(s.finished() ? "finished run in " + s.dir()
                    : s.resumable() ? String.format(Locale.ROOT, "stopped at step %d of %d; Resume continues it", done,
                            s.totalSteps())
                    : "new run in " + s.dir());
        }
    }

    private void refreshCommands() {
        boolean active = job.stateProperty().get().isActive();
        RunSummary s = summary.get();
        Path dir = runFolder.get();
        boolean started = s != null && s.dir().equals(dir) && !s.preset().isEmpty();
        canStart.set(!active && dataFolder.get() != null && dir != null && !started);
        canResume.set(!active && started && s.resumable());
        canPause.set(job.stateProperty().get() == JobState.RUNNING);
        canCancel.set(job.stateProperty().get() == JobState.RUNNING || job.stateProperty().get() == JobState.PAUSING);
    }

    static String reportText(RunSummary s) {
        if (!s.finished()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Test top-1:");
        for (RunSummary.TestFigure t : s.test()) {
            b.append(String.format(Locale.ROOT, "  %s r%d %.1f %%", t.subnet(), t.r(), 100 * t.top1()));
        }
        return b.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    // ---- properties ----

    public List<JobKind> kinds() {
        return kinds;
    }

    public ObjectProperty<JobKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Path> dataFolderProperty() {
        return dataFolder;
    }

    public StringProperty presetProperty() {
        return preset;
    }

    public StringProperty epochsScaleProperty() {
        return epochsScale;
    }

    /** Batch size as typed ("" for the preset's). */
    public StringProperty batchProperty() {
        return batch;
    }

    public ObjectProperty<Path> runFolderProperty() {
        return runFolder;
    }

    public TrainingJob job() {
        return job;
    }

    public RunHistory history() {
        return history;
    }

    /** Changes whenever the history does (the charts redraw). */
    public IntegerProperty historyRevisionProperty() {
        return historyRevision;
    }

    public ObjectProperty<RunSummary> summaryProperty() {
        return summary;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The final test figures, once the run has finished. */
    public StringProperty reportProperty() {
        return report;
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }
}
