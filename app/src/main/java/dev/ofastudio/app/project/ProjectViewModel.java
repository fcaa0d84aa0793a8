package dev.ofastudio.app.project;

import dev.ofastudio.app.inputs.InputLoaders;
import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.app.inputs.Problems;
import dev.ofastudio.app.inputs.SourceItem;
import dev.ofastudio.engine.study.ReferenceMarkers;
import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.app.service.BackgroundTask;
import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.app.settings.StudioSettings;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.project.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open project and the switcher's list: the built-in projects (default first) and any project
 * folder opened this session. Opening a project loads its predictor and lookup tables in one
 * background load, makes its space the input and, unless switched off, runs a sweep so the chart
 * fills without a click. A project that fails to load changes nothing. Switching projects first
 * passes the {@linkplain #guardSwitch switch guard} (the studio asks to save unsaved work there).
 */
public final class ProjectViewModel {
    private final InputsViewModel inputs;
    private final ParetoViewModel pareto;
    private final DialogService dialogs;
    private final StudioSettings settings;
    private final ObservableList<Project> projects = FXCollections.observableArrayList();
    private final ObjectProperty<Project> current = new SimpleObjectProperty<>();
    private final BooleanProperty sweepOnOpen = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper settingUp = new ReadOnlyBooleanWrapper();
    /** Opened projects whose set-up (inputs, then the first sweep) has not ended yet. */
    private int settingUpCount;
    /** Ids of the latency sources the open project added; another project replaces them. */
    private List<String> projectSources = List.of();
    /** Called before the user switches project, with the switch to run if it may go on. */
    private BiConsumer<Project, Runnable> switchGuard = (p, go) -> go.run();

    public ProjectViewModel(InputsViewModel inputs, ParetoViewModel pareto, DialogService dialogs,
            StudioSettings settings) {
        this.inputs = inputs;
        this.pareto = pareto;
        this.dialogs = dialogs;
        this.settings = settings;
    }

    /** Start-up: lists the built-in projects and opens the remembered one, else the default. */
    public void start() {
        InputLoaders loaders = inputs.loaders();
        try {
            projects.setAll(loaders.builtInProjects());
        } catch (OfaException e) {
            dialogs.showErrors("Cannot list the built-in projects", e.getMessage(), Problems.of(e));
            return;
        }
        Optional<Project> first = settings.project().flatMap(this::remembered);
        first.or(() -> projects.stream().findFirst()).ifPresent(this::load);
    }

    /** The remembered project, if it still opens (a folder may have moved); the default opens otherwise. */
    private Optional<Project> remembered(String idOrFolder) {
        Optional<Project> p = find(projects, inputs.loaders(), idOrFolder);
        p.filter(x -> !projects.contains(x)).ifPresent(projects::add);
        return p;
    }

    /**
     * The project identified as {@code idOrFolder} (as {@link Project#id()} and the settings name
     * it): one of {@code known}, else read anew; empty if it no longer opens (a folder moved, a
     * built-in project this build lacks). Reads files: call it off the FX thread with a copy of
     * the list, or at start-up.
     */
    public static Optional<Project> find(List<Project> known, InputLoaders loaders, String idOrFolder) {
        Optional<Project> listed = known.stream().filter(p -> p.id().equals(idOrFolder)).findFirst();
        if (listed.isPresent()) {
            return listed;
        }
        try {
            return Optional.of(loaders.openProject(idOrFolder));
        } catch (OfaException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs {@code guard} before each switch the user asks for (the switcher, a project folder): it
     * gets the project and the switch, and runs the switch if and when it may go on. Start-up and
     * {@link #showAsCurrent} pass no guard.
     */
    public void guardSwitch(BiConsumer<Project, Runnable> guard) {
        switchGuard = guard;
    }

    private record Loaded(Project project, AccuracyPredictor predictor, List<LatencySource> tables,
            List<LatencySource> boards) {
    }

    /**
     * Switches to {@code p} once the {@linkplain #guardSwitch guard} lets it: predictor, space and
     * lookup tables; then a sweep if {@link #sweepOnOpenProperty()}.
     */
    public void open(Project p) {
        switchGuard.accept(p, () -> load(p));
    }

    private void load(Project p) {
        InputLoaders loaders = inputs.loaders();
        inputs.runLoad(BackgroundTask.<Loaded>of("Opening project " + p.name(), (progress, cancel) -> {
            AccuracyPredictor predictor = loaders.loadPredictor(p.predictor());
            List<LatencySource> tables = new ArrayList<>();
            for (Path t : p.latencyTables()) {
                cancel.throwIfCancelled();
                tables.add(loaders.loadLatency(t));
            }
            cancel.throwIfCancelled();
            return new Loaded(p, predictor, tables, p.boardSources());
        }).onSuccess(this::apply), "Cannot open the project", "Project " + p.name());
    }

    private void apply(Loaded l) {
        beginSetUp();
        Project p = l.project();
        inputs.sources().removeIf(i -> projectSources.contains(i.source().id()));
        // The project's tables are there to pick; the shipped FPGA boards stay the sweep's default.
        for (LatencySource s : l.tables()) {
            inputs.addSource(s, false);
        }
        List<String> added = new ArrayList<>(l.tables().stream().map(LatencySource::id).toList());
        added.addAll(useBoards(p, l.boards()));
        projectSources = List.copyOf(added);
        // ImageNet's published networks mean nothing next to another data set's accuracies.
        pareto.referenceNetsProperty().set(p.comparesToImageNet() ? inputs.loaders().referenceNets() : List.of());
        if (!p.comparesToImageNet()) {
            pareto.referencesProperty().set(ReferenceMarkers.empty());
        }
        inputs.useSpace(p.space());
        inputs.usePredictor(l.predictor(), p.predictor());
        makeCurrent(p);
        inputs.statusProperty().set("Project opened: " + p.name());
        if (sweepOnOpen.get()) {
            sweepWhenIdle();
        } else {
            endSetUp();
        }
    }

    /**
     * Makes {@code p} the open project without loading anything or sweeping: reopening a workspace,
     * which brings its own space, predictor, sources and results. The switcher shows it and the
     * next start-up opens it; those of the inputs' sources that are its lookup tables or board
     * profiles count as its own, for the next switch to replace. Null: no project is open (the
     * workspace's project is gone).
     */
    public void showAsCurrent(Project p) {
        if (p == null) {
            projectSources = List.of();
            current.set(null);
            return;
        }
        Set<Path> own = new HashSet<>();
        p.latencyTables().forEach(f -> own.add(f.toAbsolutePath().normalize()));
        p.profiles().forEach(f -> own.add(f.toAbsolutePath().normalize()));
        projectSources = inputs.sources().stream().map(SourceItem::source)
                .filter(s -> s.file() != null && own.contains(s.file().toAbsolutePath().normalize()))
                .map(LatencySource::id).toList();
        makeCurrent(p);
    }

    private void makeCurrent(Project p) {
        if (!projects.contains(p)) {
            projects.add(p);
        }
        current.set(p);
        settings.setProject(p.id());
    }

    private void beginSetUp() {
        settingUpCount++;
        settingUp.set(true);
    }

    private void endSetUp() {
        settingUpCount--;
        settingUp.set(settingUpCount > 0);
    }

    /**
     * Enables the project's boards (a project without boards leaves the choice alone): the
     * shipped board, or the project's own profile of it in its place. Returns the ids added.
     */
    private List<String> useBoards(Project p, List<LatencySource> boards) {
        if (boards.isEmpty()) {
            return List.of();
        }
        List<String> ids = boards.stream().map(LatencySource::id).toList();
        List<SourceItem> shipped = inputs.sources().stream()
                .filter(i -> i.source().kind() == LatencySource.Kind.SHIPPED).toList();
        // Only a studio that carries the project's boards switches to them.
        if (shipped.stream().anyMatch(i -> ids.contains(i.source().id())
                || p.boards().contains(i.source().id()))) {
            for (SourceItem i : shipped) {
                i.enabledProperty().set(ids.contains(i.source().id()));
            }
        }
        List<String> added = new ArrayList<>();
        for (LatencySource s : boards) {
            if (s.kind() != LatencySource.Kind.SHIPPED) {
                inputs.addSource(s, true);
                added.add(s.id());
            }
        }
        return added;
    }

    /**
     * Sweeps the open project; a sweep still running for the previous one is cancelled first.
     * The project's set-up ends with this sweep.
     */
    private void sweepWhenIdle() {
        if (!pareto.runningProperty().get()) {
            if (inputs.readyBinding().get()) {
                pareto.runSweep();
            }
            whenIdle(this::endSetUp);
            return;
        }
        whenIdle(this::sweepWhenIdle);
        pareto.cancel();
    }

    /** Runs {@code then} once no sweep or search runs (at once if none does). */
    private void whenIdle(Runnable then) {
        if (!pareto.runningProperty().get()) {
            then.run();
            return;
        }
        pareto.runningProperty().addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    o.removeListener(this);
                    then.run();
                }
            }
        });
    }

    /** Asks for a project folder (with its project.json) and opens it. */
    public void openFolder() {
        dialogs.showDirectoryDialog(new FileDialogSpec("Open project folder", settings.lastDirectory().orElse(null),
                null, List.of())).ifPresent(this::openFolder);
    }

    public void openFolder(Path dir) {
        InputLoaders loaders = inputs.loaders();
        inputs.runLoad(BackgroundTask.<Project>of("Reading project " + dir.getFileName(),
                (progress, cancel) -> loaders.openProject(dir.toString())).onSuccess(this::open),
                "Cannot open the project", dir);
    }

    /** The switcher's list: built-in projects first, then folders opened this session. */
    public ObservableList<Project> projects() {
        return projects;
    }

    public ReadOnlyObjectProperty<Project> currentProperty() {
        return current;
    }

    /** True while a project (or any other input) loads. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return inputs.busyProperty();
    }

    /**
     * True while an opened project sets the studio up: from its inputs being applied until the
     * sweep it runs on opening has ended. What changes meanwhile is the studio's doing, not the user's.
     */
    public ReadOnlyBooleanProperty settingUpProperty() {
        return settingUp.getReadOnlyProperty();
    }

    /** Whether opening a project runs a sweep (on for the studio; tests switch it off). */
    public BooleanProperty sweepOnOpenProperty() {
        return sweepOnOpen;
    }
}
