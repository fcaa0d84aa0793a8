package dev.ofastudio.app.training;

import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.engine.progress.Eta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State and commands of the Training view: the job kind, dataset folder, recipe and run folder;
 * Start, Pause, Resume and Cancel; the run's history for the curves, its progress, ETA and final
 * figures. A run folder chosen here is read in the background, so a run started in an earlier
 * session shows its curves and can be resumed. The accuracy dataset build is the tab's other job
 * ({@link #dataset()}); one of the two runs at a time, and closing the studio pauses either.
 */
public final class TrainingViewModel extends JobFormModel {
    /** The dataset folder chooser of both job forms. */
    static final FileDialogSpec DATA_FOLDER_DIALOG =
            FileDialogSpec.of("Dataset folder (Fashion-MNIST IDX, CIFAR-10 binary or class folders)");

    private final DialogService dialogs;
    private final Path runsRoot;
    private final List<JobKind> kinds;
    private final RunWatcher watcher;
    private final RunHistory history = new RunHistory();
    private final DatasetBuildViewModel dataset;
    private final List<String> jobChoices = new ArrayList<>();
    private final StringProperty jobChoice = new SimpleStringProperty();

    private final ObjectProperty<JobKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>();
    private final StringProperty preset = new SimpleStringProperty("");
    private final StringProperty epochsScale = new SimpleStringProperty("1");
    private final StringProperty batch = new SimpleStringProperty("");
    private final ObjectProperty<Path> runFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<RunSummary> summary = new SimpleObjectProperty<>();
    private final IntegerProperty historyRevision = new SimpleIntegerProperty();
    private final StringProperty report = new SimpleStringProperty("");
    /** The run folder was filled in from the dataset's name, not chosen: a new dataset renames it. */
    private boolean runFolderIsDefault;

    /**
     * @param ui       runs a task on the UI thread
     * @param kinds    the job kinds offered, the default first
     * @param runsRoot where new run folders go by default (e.g. {@code ~/ofa-runs}); nothing is made there until Start
     */
    public TrainingViewModel(DialogService dialogs, Executor ui, List<JobKind> kinds, Path runsRoot) {
        this(dialogs, ui, kinds, new AccuracyDatasetBuild(), runsRoot);
    }

    /**
     * @param ui       runs a task on the UI thread
     * @param kinds    the training job kinds offered, the default first
     * @param datasets the accuracy dataset build offered after them
     * @param runsRoot where new run folders go by default (e.g. {@code ~/ofa-runs}); nothing is made there until Start
     */
    public TrainingViewModel(DialogService dialogs, Executor ui, List<JobKind> kinds, DatasetBuildJob datasets,
            Path runsRoot) {
        super(ui, "Choose a dataset folder, or open a run folder.", "at the next step");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds: expected at least one job kind");
        }
        this.dialogs = dialogs;
        this.runsRoot = runsRoot;
        this.kinds = List.copyOf(kinds);
        this.dataset = new DatasetBuildViewModel(dialogs, ui, datasets, job.stateProperty());
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
        this.kinds.forEach(k -> jobChoices.add(k.title()));
        jobChoices.add(DatasetBuildViewModel.TITLE);
        jobChoice.set(kind.get().title());
        jobChoice.addListener((o, a, title) -> this.kinds.stream().filter(k -> k.title().equals(title)).findFirst()
                .ifPresent(kind::set));
        kind.addListener((o, a, k) -> {
            if (k != null) {
                jobChoice.set(k.title());
            }
        });
        preset.set(kind.get().presets().isEmpty() ? "" : kind.get().presets().get(0));
        kind.addListener((o, a, k) -> {
            if (k != null && !k.presets().contains(preset.get())) {
                preset.set(k.presets().isEmpty() ? "" : k.presets().get(0));
            }
        });
        dataset.job().stateProperty().addListener((o, a, s) -> refreshCommands());
        runFolder.addListener((o, a, b) -> refreshCommands());
        dataFolder.addListener((o, a, b) -> refreshCommands());
        summary.addListener((o, a, b) -> refreshCommands());
        refreshCommands();
    }

    /** The studio's defaults: supernet training, new runs under {@code ~/ofa-runs}. */
    public static TrainingViewModel withDefaults(DialogService dialogs, Executor ui) {
        return new TrainingViewModel(dialogs, ui, List.of(new SupernetTraining()), new AccuracyDatasetBuild(),
                Path.of(System.getProperty("user.home"), "ofa-runs"));
    }

    // ---- commands ----

    /** Asks for the dataset folder; a run folder not chosen by hand follows its name. */
    public void chooseDataFolder() {
        dialogs.showDirectoryDialog(DATA_FOLDER_DIALOG).ifPresent(this::setDataFolder);
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
        if (job.stateProperty().get().isActive() || dataset.job().stateProperty().get().isActive()) {
            dialogs.showError("Run folder", "A job is running; pause it first.");
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
    @Override
    public void start() {
        if (!canStartProperty().get()) {
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
    @Override
    public void resume() {
        if (!canResumeProperty().get()) {
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

    /**
     * The window asks to close: true to let it. While a job runs, asks whether to pause it and
     * close once it has stopped at a step boundary ({@code close} then runs); the run folder stays resumable.
     */
    public boolean allowClose(Runnable close) {
        if (dataset.job().stateProperty().get().isActive()) {
            return dataset.allowClose(close);
        }
        return job.allowClose(dialogs, "Pause " + runFolder.get() + " at the next step and close the studio? "
                + "The run folder keeps its checkpoint; open it again and press Resume to continue.", close);
    }

    /** Application exit: asks a job still running to stop and waits a bounded time for its checkpoint. */
    public void shutdown() throws InterruptedException {
        job.stopNow();
        dataset.job().stopNow();
        job.awaitThread(30_000);
        dataset.shutdown();
    }

    // ---- state updates (UI thread) ----

    @Override
    protected void jobStateChanged(JobState s) {
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
        boolean active = job.stateProperty().get().isActive() || dataset.job().stateProperty().get().isActive();
        RunSummary s = summary.get();
        Path dir = runFolder.get();
        boolean started = s != null && s.dir().equals(dir) && !s.preset().isEmpty();
        setCommands(!active && dataFolder.get() != null && dir != null && !started, !active && started && s.resumable());
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

    /** The jobs offered: the training kinds' titles, then the accuracy dataset build's. */
    public List<String> jobChoices() {
        return Collections.unmodifiableList(jobChoices);
    }

    /** The job whose form is shown (a training kind's title or {@link DatasetBuildViewModel#TITLE}). */
    public StringProperty jobChoiceProperty() {
        return jobChoice;
    }

    /** The accuracy dataset form. */
    public DatasetBuildViewModel dataset() {
        return dataset;
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

    /** The final test figures, once the run has finished. */
    public StringProperty reportProperty() {
        return report;
    }
}
