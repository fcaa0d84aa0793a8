package dev.ofastudio.app.inputs;

import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.LatencySources;
import dev.ofastudio.app.service.BackgroundTask;
import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.app.service.TaskExecutor;
import dev.ofastudio.app.settings.StudioSettings;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.space.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The three inputs of a search: the search space, the accuracy predictor and the latency
 * sources (shipped boards and files). Loading runs in the background; a file that fails
 * validation opens an error dialog listing each problem and changes nothing.
 */
public final class InputsViewModel {
    static final FileDialogSpec.Filter JSON = new FileDialogSpec.Filter("JSON board profile", List.of("*.json"));
    static final FileDialogSpec.Filter CSV = new FileDialogSpec.Filter("CSV latency table", List.of("*.csv"));
    static final FileDialogSpec.Filter YAML = new FileDialogSpec.Filter("OFA YAML lookup table", List.of("*.yaml", "*.yml"));
    static final FileDialogSpec.Filter PTH = new FileDialogSpec.Filter("OFA accuracy predictor", List.of("*.pth"));

    private final InputLoaders loaders;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final StudioSettings settings;

    private final ObservableList<SearchSpace> spaces;
    private final ObjectProperty<SearchSpace> space = new SimpleObjectProperty<>();
    private final ObjectProperty<AccuracyPredictor> predictor = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> predictorPath = new SimpleObjectProperty<>();
    private final StringProperty predictorLabel = new SimpleStringProperty("no predictor loaded");
    private final ObservableList<SourceItem> sources = FXCollections.observableArrayList(
            s -> new javafx.beans.Observable[] {s.enabledProperty()});
    private final ObjectProperty<SourceItem> chosen = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanBinding ready;
    private BackgroundTask<?> current;

    public InputsViewModel(InputLoaders loaders, DialogService dialogs, TaskExecutor executor, StudioSettings settings) {
        this.loaders = loaders;
        this.dialogs = dialogs;
        this.executor = executor;
        this.settings = settings;
        this.spaces = FXCollections.observableArrayList(loaders.spaces());
        // The official predictor is for w1.2, so that is the default space.
        space.set(spaces.stream().filter(s -> s.widthMult() == 1.2).findFirst().orElse(spaces.get(0)));
        ready = Bindings.createBooleanBinding(
                () -> predictor.get() != null && sources.stream().anyMatch(SourceItem::isEnabled), predictor, sources);
        sources.addListener((javafx.collections.ListChangeListener<SourceItem>) c -> {
            if (chosen.get() == null || !sources.contains(chosen.get())) {
                chosen.set(sources.isEmpty() ? null : sources.get(0));
            }
        });
    }

    /** Loads the shipped board profiles; call once at start-up. */
    public void loadShippedBoards() {
        try {
            for (LatencySource s : loaders.shippedBoards()) {
                addSource(s, true);
            }
        } catch (OfaException e) {
            dialogs.showErrors("Cannot load the shipped board profiles", e.getMessage(), Problems.of(e));
        }
    }

    /** Adds a source, replacing one with the same id. */
    public SourceItem addSource(LatencySource s, boolean enabled) {
        sources.removeIf(i -> i.source().id().equals(s.id()));
        SourceItem item = new SourceItem(s, enabled);
        sources.add(item);
        return item;
    }

    private Path initialDir() {
        return settings.lastDirectory().orElse(null);
    }

    /** Asks for a predictor file and loads it. */
    public void openPredictor() {
        openPredictor(x -> { });
    }

    /** Asks for a predictor file and loads it; {@code then} runs after a successful load. */
    public void openPredictor(Consumer<AccuracyPredictor> then) {
        dialogs.showOpenDialog(new FileDialogSpec("Open accuracy predictor", initialDir(), null, List.of(PTH)))
                .ifPresent(p -> loadPredictor(p, then));
    }

    /** Loads a predictor in the background; on success it becomes the input and the remembered path. */
    public void loadPredictor(Path file, Consumer<AccuracyPredictor> then) {
        runLoad(BackgroundTask.<AccuracyPredictor>of("Loading predictor " + file.getFileName(),
                (progress, cancel) -> loaders.loadPredictor(file))
                .onSuccess(p -> {
                    usePredictor(p, file);
                    rememberDir(file);
                    status.set("Predictor loaded: " + file.getFileName());
                    then.accept(p);
                }), "Cannot load the accuracy predictor", file);
    }

    /** Makes a loaded predictor the input (a project or workspace loads it together with other files). */
    public void usePredictor(AccuracyPredictor p, Path file) {
        predictor.set(p);
        predictorPath.set(file);
        predictorLabel.set(p.describe());
    }

    /** Asks for a JSON profile, a CSV table or one YAML file of an OFA lookup-table folder, and loads it. */
    public void openLatencyFile() {
        dialogs.showOpenDialog(new FileDialogSpec("Open latency profile or table", initialDir(), null,
                List.of(JSON, CSV, YAML))).ifPresent(p -> {
                    // A YAML file stands for its folder: OFA tables come as one file per resolution.
                    String n = p.getFileName().toString();
                    loadLatency(n.endsWith(".yaml") || n.endsWith(".yml") ? p.getParent() : p);
                });
    }

    /** Asks for an OFA YAML lookup-table folder and loads it. */
    public void openLatencyFolder() {
        dialogs.showDirectoryDialog(new FileDialogSpec("Open OFA lookup-table folder", initialDir(), null, List.of()))
                .ifPresent(this::loadLatency);
    }

    public void loadLatency(Path fileOrFolder) {
        record Loaded(LatencySource source, String shippedTwin) {
        }
        runLoad(BackgroundTask.<Loaded>of("Loading " + fileOrFolder.getFileName(), (progress, cancel) -> {
            LatencySource s = loaders.loadLatency(fileOrFolder);
            return new Loaded(s, LatencySources.shippedTwin(s).orElse(null));
        }).onSuccess(l -> {
            rememberDir(fileOrFolder);
            SourceItem twin = l.shippedTwin() == null ? null : sources.stream()
                    .filter(i -> i.source().id().equals(l.shippedTwin())).findFirst().orElse(null);
            if (twin != null) {
                // A copy of a shipped profile would be a second, identical board on the chart.
                twin.enabledProperty().set(true);
                chosen.set(twin);
                status.set(fileOrFolder.getFileName() + " is the shipped " + twin.source().label()
                        + " profile; using the shipped board (not added twice)");
                return;
            }
            chosen.set(addSource(l.source(), true));
            status.set("Latency source loaded: " + l.source().label());
        }), "Cannot load the latency source", fileOrFolder);
    }

    private void rememberDir(Path p) {
        Path dir = Files.isDirectory(p) ? p.getParent() : p.toAbsolutePath().getParent();
        if (dir != null) {
            settings.setLastDirectory(dir);
        }
    }

    /**
     * Runs a load in the background: busy and Cancel while it runs; a failure opens the error dialog
     * titled {@code errorTitle} saying that {@code what} was not loaded and nothing changed.
     */
    public <V> void runLoad(BackgroundTask<V> task, String errorTitle, Object what) {
        busy.set(true);
        status.set(task.title() + "…");
        current = task;
        executor.execute(task.onFailure(e -> {
            // The dialog blocks until dismissed; the load itself is over.
            busy.set(false);
            status.set(errorTitle);
            dialogs.showErrors(errorTitle, what + " was not loaded; nothing changed.", Problems.of(e));
        }).onCancelled(() -> status.set(task.title() + " cancelled; nothing changed"))
                .onFinished(() -> {
                    busy.set(false);
                    current = null;
                }));
    }

    /** Cancels a running load; its result is discarded, so nothing changes. */
    public void cancelLoading() {
        BackgroundTask<?> t = current;
        if (t != null) {
            t.cancel();
        }
    }

    /** The enabled sources, in panel order. */
    public List<LatencySource> enabledSources() {
        return sources.stream().filter(SourceItem::isEnabled).map(SourceItem::source).toList();
    }

    public Optional<SourceItem> find(String id) {
        return sources.stream().filter(s -> s.source().id().equals(id)).findFirst();
    }

    public InputLoaders loaders() {
        return loaders;
    }

    public ObservableList<SearchSpace> spaces() {
        return spaces;
    }

    /**
     * Makes {@code s} the input space (a project's, a workspace's), adding it to the list of
     * spaces if no equal one is there; returns the list's instance.
     */
    public SearchSpace useSpace(SearchSpace s) {
        SearchSpace listed = spaces.stream().filter(s::equals).findFirst().orElseGet(() -> {
            spaces.add(s);
            return s;
        });
        space.set(listed);
        return listed;
    }

    public ObjectProperty<SearchSpace> spaceProperty() {
        return space;
    }

    public ObjectProperty<AccuracyPredictor> predictorProperty() {
        return predictor;
    }

    public ObjectProperty<Path> predictorPathProperty() {
        return predictorPath;
    }

    public StringProperty predictorLabelProperty() {
        return predictorLabel;
    }

    public ObservableList<SourceItem> sources() {
        return sources;
    }

    public ObjectProperty<SourceItem> chosenProperty() {
        return chosen;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** True when a sweep can run: a predictor and at least one enabled source. */
    public BooleanBinding readyBinding() {
        return ready;
    }
}
