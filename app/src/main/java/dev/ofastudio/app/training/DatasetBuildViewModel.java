package dev.ofastudio.app.training;

import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.accuracy.AccuracyRow;
import dev.ofastudio.engine.accuracy.DatasetBuildSpec;
import dev.ofastudio.engine.progress.Eta;
import dev.ofastudio.engine.train.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * State and commands of the accuracy dataset form of the Training tab: the supernet (a training
 * run folder or a supernet file), the dataset folder, the CSV it writes, N and the seed; Start,
 * Pause, Resume and Cancel of the engine's build; the rows built so far for the scatter, with
 * progress and ETA. A CSV chosen here is read in the background, so a build stopped in an earlier
 * session shows its rows and can be resumed: the file's header says how it was started.
 */
public final class DatasetBuildViewModel extends JobFormModel {
    public static final String TITLE = "Accuracy dataset";
    /** The file a build writes next to its supernet unless another is chosen. */
    static final String DEFAULT_FILE = "accuracy-dataset.csv";
    static final FileDialogSpec.Filter CSV = new FileDialogSpec.Filter("Accuracy dataset (CSV)", List.of("*.csv"));

    private final DialogService dialogs;
    private final DatasetBuildJob build;
    /** The training job: one job runs at a time. */
    private final ObservableValue<JobState> other;
    private final DatasetFileReader reader;

    private final ObjectProperty<Path> supernet = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> outFile = new SimpleObjectProperty<>();
    private final StringProperty n = new SimpleStringProperty("2000");
    private final StringProperty seed = new SimpleStringProperty("0");
    /** What the CSV holds (null: a new file, or not read yet). */
    private final ObjectProperty<DatasetFile> loaded = new SimpleObjectProperty<>();
    private final List<AccuracyRow> rows = new ArrayList<>();
    private final Set<Integer> shownIndices = new HashSet<>();
    private final IntegerProperty rowsRevision = new SimpleIntegerProperty();
    private final StringProperty rowsDone = new SimpleStringProperty("");
    private final StringProperty report = new SimpleStringProperty("");
    /** Rows the job has written, on their way to the UI thread. */
    private final ConcurrentLinkedQueue<AccuracyRow> arriving = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Double> latestEta = new AtomicReference<>();
    private final UiCoalescer rowUpdates;
    /** The CSV was filled in from the supernet's name, not chosen: another supernet renames it. */
    private boolean outIsDefault;
    /** The CSV is being read: Start waits for what it holds. */
    private boolean reading;
    /** The file the job writes and its N (UI thread). */
    private Path building;
    private int buildN;

    /**
     * @param ui    runs a task on the UI thread
     * @param other the state of the Training tab's other job; none starts while it runs
     */
    public DatasetBuildViewModel(DialogService dialogs, Executor ui, DatasetBuildJob build,
            ObservableValue<JobState> other) {
        super(ui, "Choose a trained supernet and its dataset folder, or open an accuracy dataset CSV.",
                "after the rows in progress");
        this.dialogs = dialogs;
        this.build = build;
        this.other = other;
        this.reader = new DatasetFileReader(ui);
        this.rowUpdates = new UiCoalescer(ui, 1000 / TrainingJob.UI_UPDATES_PER_SECOND, this::takeArrivedRows);
        other.addListener((o, a, b) -> refreshCommands());
        supernet.addListener((o, a, b) -> refreshCommands());
        outFile.addListener((o, a, b) -> refreshCommands());
        loaded.addListener((o, a, b) -> refreshCommands());
        refreshCommands();
    }

    // ---- choosing what to build ----

    /** Asks for the supernet file; {@code supernet.ofa} of a training run stands for its run folder. */
    public void chooseSupernet() {
        dialogs.showOpenDialog(FileDialogSpec.of("Trained supernet (supernet.ofa in a training run folder uses the "
                + "run's dataset and holdout)", new FileDialogSpec.Filter("Supernet", List.of("*.ofa", "*.pth"))))
                .ifPresent(this::setSupernet);
    }

    /** Takes a run folder or a supernet file; a CSV not chosen by hand follows it. */
    public void setSupernet(Path p) {
        Path s = runFolderOf(p);
        supernet.set(s);
        if (outFile.get() == null || outIsDefault) {
            Path out = Files.isDirectory(s) ? s.resolve(DEFAULT_FILE) : s.resolveSibling(stem(s) + "-accuracy.csv");
            show(out, false);
            outIsDefault = outFile.get() != null;
        }
    }

    /**
     * The training run folder a run's own {@code supernet.ofa} belongs to (its record gives the
     * dataset folder and the holdout the trainer kept out), else {@code p} itself.
     */
    static Path runFolderOf(Path p) {
        Path dir = p.getParent();
        if (dir == null || !Files.isRegularFile(p)) {
            return p;
        }
        try {
            return RunFolder.existing(dir).supernet().equals(p) ? dir : p;
        } catch (OfaException e) {
            return p;
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName() == null ? "supernet" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Asks for the dataset folder, as the training form does. */
    public void chooseDataFolder() {
        dialogs.showDirectoryDialog(TrainingViewModel.DATA_FOLDER_DIALOG).ifPresent(dataFolder::set);
    }

    public void setDataFolder(Path dir) {
        dataFolder.set(dir);
    }

    /** Asks where to write the dataset: a new CSV, or one of an earlier build to continue. */
    public void chooseOutFile() {
        FileDialogSpec spec = FileDialogSpec.of("Accuracy dataset to write (a new CSV, or one to continue)", CSV)
                .withInitialFileName(DEFAULT_FILE);
        Path s = supernet.get();
        if (s != null) {
            spec = spec.withInitialDirectory(Files.isDirectory(s) ? s : s.toAbsolutePath().getParent());
        }
        dialogs.showSaveDialog(spec).ifPresent(this::openOutFile);
    }

    /** Asks for an existing accuracy dataset: its rows are shown and Resume continues it. */
    public void openDatasetFile() {
        dialogs.showOpenDialog(FileDialogSpec.of("Open an accuracy dataset (CSV of 'ofa dataset build')", CSV))
                .ifPresent(this::openOutFile);
    }

    /** Shows {@code file}: an earlier build's rows and settings, or a new file to build; refuses a folder. */
    public void openOutFile(Path file) {
        if (busy()) {
            dialogs.showError("Accuracy dataset", "A job is running; pause it first.");
            return;
        }
        if (Files.isDirectory(file)) {
            dialogs.showError("Accuracy dataset", file + ": accuracy dataset: expected a CSV file, found a folder");
            return;
        }
        outIsDefault = false;
        show(file, true);
    }

    /** Makes {@code file} the CSV; an existing one is read in the background (a bad one is refused). */
    private void show(Path file, boolean chosen) {
        // A read of the file shown before answers no more.
        reader.forget();
        reading = false;
        outFile.set(file);
        loaded.set(null);
        replaceRows(List.of());
        progress.set(0);
        eta.set("");
        if (!Files.exists(file)) {
            status.set("new accuracy dataset: Start builds it into " + file);
            return;
        }
        status.set("reading " + file + "…");
        reading = true;
        refreshCommands();
        reader.read(file, this::showFile, message -> {
            reading = false;
            outFile.set(null);
            status.set(message);
            if (chosen) {
                dialogs.showError("Accuracy dataset", message);
            }
        });
    }

    /** UI thread: what the CSV holds; the form takes the settings it was built with. */
    private void showFile(DatasetFile f) {
        reading = false;
        if (!job.stateProperty().get().isActive()) {
            DatasetBuildSpec b = f.build();
            supernet.set(runFolderOf(b.supernet()));
            dataFolder.set(b.data());
            n.set(String.valueOf(b.n()));
            seed.set(String.valueOf(b.seed()));
        }
        loaded.set(f);
        replaceRows(f.rows());
        progress.set(Math.min(1.0, (double) f.rows().size() / f.build().n()));
        JobState s = job.stateProperty().get();
        if (s == JobState.FAILED) {
            return;
        }
        String where = s == JobState.PAUSED ? "paused at " : s == JobState.CANCELLED ? "cancelled at " : "";
        status.set(f.finished() ? String.format(Locale.ROOT, "finished: %d rows in %s", f.rows().size(), f.file())
                : String.format(Locale.ROOT, "%s%d of %d rows in %s; Resume continues it", where, f.rows().size(),
                        f.build().n(), f.file()));
    }

    // ---- commands ----

    /** Builds a new CSV with the form's settings. */
    @Override
    public void start() {
        if (!canStartProperty().get()) {
            return;
        }
        DatasetBuildSpec spec = sample(new DatasetBuildSpec(supernet.get(), dataFolder.get(), 1, 0, List.of(), null,
                null, null, null));
        if (spec != null) {
            launch(TITLE, spec, outFile.get());
        }
    }

    /** Continues the CSV: the build its header records, on the supernet and data the form names. */
    @Override
    public void resume() {
        if (!canResumeProperty().get()) {
            return;
        }
        DatasetFile f = loaded.get();
        DatasetBuildSpec from = f.build().withSupernet(supernet.get() != null ? supernet.get() : f.build().supernet())
                .withData(dataFolder.get() != null ? dataFolder.get() : f.build().data());
        DatasetBuildSpec spec = sample(from);
        if (spec != null) {
            launch(TITLE + " (resumed)", spec, f.file());
        }
    }

    /** {@code spec} with the form's N and seed, or null after saying what is wrong with them. */
    private DatasetBuildSpec sample(DatasetBuildSpec spec) {
        int count;
        long s;
        try {
            count = Integer.parseInt(n.get().strip());
            if (count < 1 || count > 1_000_000) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            dialogs.showError("Accuracy dataset", "N: expected 1..1000000 sub-networks, found \"" + n.get() + "\"");
            return null;
        }
        try {
            s = Long.parseLong(seed.get().strip());
        } catch (NumberFormatException e) {
            dialogs.showError("Accuracy dataset", "seed: expected a whole number, found \"" + seed.get() + "\"");
            return null;
        }
        return spec.withSample(count, s);
    }

    private void launch(String title, DatasetBuildSpec spec, Path out) {
        building = out;
        buildN = spec.n();
        arriving.clear();
        latestEta.set(null);
        eta.set("");
        job.start(title, (log, p, c) -> build.run(spec, out, log, p, (row, done, total, seconds) -> {
            arriving.add(row);
            latestEta.set(seconds);
            rowUpdates.signal();
        }, c));
        rowsDone.set(rowsText(rows.size(), buildN));
    }

    /** The window asks to close: true to let it (see {@link TrainingJob#allowClose}). */
    public boolean allowClose(Runnable close) {
        return job.allowClose(dialogs, "Pause the accuracy dataset build of " + building + " after the rows in "
                + "progress and close the studio? The CSV keeps its finished rows; open it again and press Resume "
                + "to continue.", close);
    }

    /** Application exit: asks a build still running to stop and waits a bounded time for its rows in progress. */
    public void shutdown() throws InterruptedException {
        job.stopNow();
        job.awaitThread(30_000);
    }

    // ---- state updates (UI thread) ----

    /** The rows the job wrote since the last call, each shown once. */
    private void takeArrivedRows() {
        boolean added = false;
        for (AccuracyRow r; (r = arriving.poll()) != null;) {
            if (building != null && building.equals(outFile.get()) && shownIndices.add(r.index())) {
                rows.add(r);
                added = true;
            }
        }
        if (added) {
            rowsChanged(buildN);
        }
        Double seconds = latestEta.get();
        if (seconds != null && job.stateProperty().get() == JobState.RUNNING) {
            eta.set("ETA " + Eta.format(seconds));
        }
    }

    private void replaceRows(List<AccuracyRow> fresh) {
        rows.clear();
        shownIndices.clear();
        for (AccuracyRow r : fresh) {
            if (shownIndices.add(r.index())) {
                rows.add(r);
            }
        }
        DatasetFile f = loaded.get();
        rowsChanged(f != null ? f.build().n() : 0);
    }

    private void rowsChanged(int total) {
        rowsDone.set(rowsText(rows.size(), total));
        report.set(reportText(rows));
        rowsRevision.set(rowsRevision.get() + 1);
    }

    private static String rowsText(int done, int total) {
        return total > 0 ? String.format(Locale.ROOT, "%d / %d rows", done, total) : "";
    }

    /** The spread of what was built, and the best sub-network so far. */
    static String reportText(List<AccuracyRow> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        AccuracyRow best = rows.get(0);
        double lo = 1;
        double hi = 0;
        long fewest = Long.MAX_VALUE;
        long most = 0;
        for (AccuracyRow r : rows) {
            lo = Math.min(lo, r.top1());
            hi = Math.max(hi, r.top1());
            fewest = Math.min(fewest, r.macs());
            most = Math.max(most, r.macs());
            if (r.top1() > best.top1() || r.top1() == best.top1() && r.macs() < best.macs()) {
                best = r;
            }
        }
        return String.format(Locale.ROOT, "%d rows: top-1 %.1f–%.1f %%, %.2f–%.2f M MACs; best %.1f %% at %.2f M MACs "
                + "(r %d)", rows.size(), 100 * lo, 100 * hi, fewest / 1e6, most / 1e6, 100 * best.top1(),
                best.macs() / 1e6, best.config().r());
    }

    @Override
    protected void jobStateChanged(JobState s) {
        refreshCommands();
        if (s.isActive()) {
            return;
        }
        eta.set("");
        takeArrivedRows();
        if (s == JobState.FAILED) {
            dialogs.showError("The accuracy dataset build stopped", job.errorProperty().get());
        } else if (s == JobState.PAUSED || s == JobState.CANCELLED) {
            status.set((s == JobState.PAUSED ? "paused" : "cancelled") + "; the CSV keeps its finished rows");
        }
        // The file is the record: read it back (a failure before the first row leaves none).
        if (building != null && building.equals(outFile.get()) && Files.isRegularFile(building)) {
            reading = true;
            reader.read(building, this::showFile, message -> {
                reading = false;
                status.set(message);
            });
        }
        refreshCommands();
    }

    private boolean busy() {
        return job.stateProperty().get().isActive() || other.getValue().isActive();
    }

    private void refreshCommands() {
        boolean busy = busy();
        DatasetFile f = loaded.get();
        setCommands(!busy && !reading && supernet.get() != null && outFile.get() != null && f == null,
                !busy && !reading && f != null && !f.finished());
    }

    // ---- properties ----

    /** A training run folder or a supernet file (.ofa, .pth). */
    public ObjectProperty<Path> supernetProperty() {
        return supernet;
    }

    /** The dataset folder, or null for the training run's. */
    public ObjectProperty<Path> dataFolderProperty() {
        return dataFolder;
    }

    public ObjectProperty<Path> outFileProperty() {
        return outFile;
    }

    /** Sub-networks to build, as typed. */
    public StringProperty nProperty() {
        return n;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** The rows shown, in the order they finished. */
    public List<AccuracyRow> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** Changes whenever the rows do (the scatter redraws). */
    public IntegerProperty rowsRevisionProperty() {
        return rowsRevision;
    }

    /** "12 / 2000 rows", or "" when no dataset is shown. */
    public StringProperty rowsDoneProperty() {
        return rowsDone;
    }

    /** The spread of the rows and the best so far. */
    public StringProperty reportProperty() {
        return report;
    }
}
