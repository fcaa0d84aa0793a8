package dev.ofastudio.app.workspace;

import dev.ofastudio.app.inputs.InputLoaders;
import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.app.inputs.Problems;
import dev.ofastudio.app.inputs.SourceItem;
import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.app.project.ProjectViewModel;
import dev.ofastudio.engine.study.ReferenceMarkers;
import dev.ofastudio.app.service.BackgroundTask;
import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.app.service.SaveChoice;
import dev.ofastudio.app.service.TaskExecutor;
import dev.ofastudio.app.workspace.WorkspaceFile.SourceRef;
import dev.ofastudio.app.workspace.WorkspaceFile.Workspace;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.BundledFiles;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.project.Project;
import dev.ofastudio.engine.space.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Saves and reopens a whole session (project, space, inputs, sweep settings, budget, results,
 * selection) as a JSON file. Reopening reloads the predictor and every source in the background;
 * if any of them fails, an error dialog lists the problems and the current session stays as it
 * was. The workspace's project becomes the open one without being loaded anew (the workspace
 * brings its own inputs and results); a project that no longer opens leaves none open. Knows the
 * workspace's file and whether the session has changed since it was saved or opened, and asks to
 * save such changes before the studio closes, another workspace opens or the project switches.
 */
public final class WorkspaceViewModel {
    private static final FileDialogSpec.Filter FILTER =
            new FileDialogSpec.Filter("OFA Studio workspace", List.of("*.ofaws.json", "*.json"));

    private final InputsViewModel inputs;
    private final ParetoViewModel pareto;
    private final ProjectViewModel projects;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final StringProperty status = new SimpleStringProperty("");
    /** The file last saved or opened; null for an untitled session. */
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final UnsavedChanges changes;
    private final StringBinding title;
    /**
     * The project of the workspace last opened when it no longer opens (no project is open then):
     * saving again keeps naming it, so the workspace finds it once it is back.
     */
    private String missingProject;

    public WorkspaceViewModel(InputsViewModel inputs, ParetoViewModel pareto, ProjectViewModel projects,
            DialogService dialogs, TaskExecutor executor) {
        this.inputs = inputs;
        this.pareto = pareto;
        this.projects = projects;
        this.dialogs = dialogs;
        this.executor = executor;
        // Another project open: the missing one is no longer the session's.
        projects.currentProperty().addListener((o, was, now) -> missingProject = null);
        changes = new UnsavedChanges(this::capture);
        // Everything capture() reads, which is everything the file stores (the sweep's boards
        // change with the table).
        changes.watch(inputs.spaceProperty(), inputs.predictorPathProperty(), inputs.chosenProperty(),
                pareto.resultSpaceProperty(), pareto.tableProperty(), pareto.selectedRowProperty(),
                pareto.budgetCountProperty(), pareto.cloudSizeProperty(), pareto.seedProperty(),
                pareto.budgetMsProperty(), projects.currentProperty());
        changes.watch(inputs.sources());
        title = Bindings.createStringBinding(() -> (changes.dirtyProperty().get() ? "• " : "") + displayName()
                + " — OFA Studio", changes.dirtyProperty(), file);
    }

    /**
     * What the studio sets up on its own while {@code settingUp} holds (opening a project, its
     * first sweep) is nothing to save in an untitled session that had no unsaved changes.
     */
    public void adoptWhile(ObservableBooleanValue settingUp) {
        changes.adoptWhile(settingUp, () -> file.get() == null);
    }

    /** The session as it is now counts as saved (start-up, once the shipped boards are in). */
    public void markClean() {
        changes.markClean();
    }

    /**
     * Closing the studio: true when it may close now (nothing unsaved, or Don't save). On Save it
     * returns false and runs {@code close} once the workspace is written; Cancel, a cancelled
     * file dialog or a failed write keep the window open.
     */
    public boolean allowClose(Runnable close) {
        if (!changes.dirtyProperty().get()) {
            return true;
        }
        SaveChoice choice = askToSave("closing");
        if (choice == SaveChoice.SAVE) {
            save(close);
        }
        return choice == SaveChoice.DONT_SAVE;
    }

    /**
     * Runs {@code then} (what replaces the session: {@code doing}, e.g. "switching to project X")
     * once unsaved changes are dealt with: at once if there are none or on Don't save; on Save once
     * the workspace is written. Cancel, a cancelled file dialog or a failed write never run it.
     */
    public void saveFirst(String doing, Runnable then) {
        if (!changes.dirtyProperty().get()) {
            then.run();
            return;
        }
        switch (askToSave(doing)) {
            case SAVE -> save(then);
            case DONT_SAVE -> then.run();
            case CANCEL -> {
                // Nothing changes.
            }
        }
    }

    private SaveChoice askToSave(String doing) {
        return dialogs.askToSave(displayName() + " has unsaved changes",
                "Save changes to the workspace before " + doing + "?");
    }

    /** The current session as a value. */
    public Workspace capture() {
        List<SourceRef> refs = new ArrayList<>();
        for (SourceItem s : inputs.sources()) {
            LatencySource src = s.source();
            // A packaged file (a built-in project's table) is saved as its jar: URI.
            refs.add(new SourceRef(src.kind(), src.id(), src.file() == null ? null : BundledFiles.text(src.file()),
                    s.isEnabled()));
        }
        var chosen = inputs.chosenProperty().get();
        Path pred = inputs.predictorPathProperty().get();
        SearchSpace space = pareto.resultSpaceProperty().get() != null ? pareto.resultSpaceProperty().get()
                : inputs.spaceProperty().get();
        Project project = projects.currentProperty().get();
        return new Workspace(space, project != null ? project.id() : missingProject,
                pred == null ? null : BundledFiles.text(pred), refs, chosen == null ? null : chosen.source().id(),
                pareto.budgetCountProperty().get(), pareto.cloudSizeProperty().get(), pareto.seedProperty().get(),
                pareto.budgetMsProperty().get(), pareto.sweepBoards().stream().map(LatencySource::id).toList(),
                pareto.tableProperty().get(), pareto.selectedRowProperty().get());
    }

    /** Saves to the workspace's file; an untitled session asks where, as {@link #saveAs()} does. */
    public void save() {
        save(() -> { });
    }

    private void save(Runnable then) {
        if (file.get() != null) {
            write(file.get(), then);
        } else {
            saveAs(then);
        }
    }

    /** Asks where to save, then saves there; the file becomes the workspace's. */
    public void saveAs() {
        saveAs(() -> { });
    }

    private void saveAs(Runnable then) {
        dialogs.showSaveDialog(FileDialogSpec.of("Save workspace", FILTER).withInitialFileName(
                file.get() == null ? "studio.ofaws.json" : file.get().getFileName().toString()))
                .ifPresent(f -> saveTo(f, then));
    }

    public void saveTo(Path target) {
        saveTo(target, () -> { });
    }

    private void saveTo(Path target, Runnable then) {
        if (Files.exists(target)
                && !dialogs.confirm("Replace workspace?", target.getFileName() + " exists. Replace it?")) {
            return;
        }
        write(target, then);
    }

    /** Writes in the background; {@code then} runs once the file is written. */
    private void write(Path target, Runnable then) {
        Workspace w = capture();
        executor.execute(BackgroundTask.<Path>of("Saving workspace", (p, c) -> {
            WorkspaceFile.write(target, w);
            return target;
        }).onSuccess(f -> {
            file.set(f);
            changes.markSaved(w);
            status.set("Workspace saved: " + f.getFileName());
            then.run();
        }).onFailure(e -> dialogs.showErrors("Cannot save the workspace", "Nothing was written.",
                Problems.of(e))));
    }

    /** Asks for a workspace file and opens it, once unsaved changes are dealt with. */
    public void open() {
        dialogs.showOpenDialog(FileDialogSpec.of("Open workspace", FILTER)).ifPresent(this::openFrom);
    }

    /** Opens {@code file} once unsaved changes are dealt with (Save, Don't save; Cancel opens nothing). */
    public void openFrom(Path file) {
        saveFirst("opening " + file.getFileName(), () -> load(file));
    }

    /**
     * Everything a workspace needs, loaded off the FX thread.
     *
     * @param project        the workspace's project; null if it names none or it no longer opens
     * @param imageNet       whether the ImageNet reference networks apply
     */
    private record Loaded(Workspace ws, Project project, boolean imageNet, AccuracyPredictor predictor,
            Path predictorFile, Map<String, LatencySource> sources, ReferenceMarkers refs) {
    }

    private void load(Path file) {
        InputLoaders loaders = inputs.loaders();
        List<Project> known = List.copyOf(projects.projects());
        executor.execute(BackgroundTask.<Loaded>of("Opening workspace", (p, c) -> {
            Workspace ws = WorkspaceFile.read(file);
            Project project = ws.project() == null ? null
                    : ProjectViewModel.find(known, loaders, ws.project()).orElse(null);
            // Without its project, the space says whether ImageNet's networks compare (older files: ImageNet).
            boolean imageNet = project != null ? project.comparesToImageNet()
                    : Project.ReferenceNets.defaultFor(ws.space()) == Project.ReferenceNets.IMAGENET;
            List<String> problems = new ArrayList<>();
            AccuracyPredictor pred = null;
            Path predFile = null;
            if (ws.predictorPath() != null) {
                try {
                    predFile = BundledFiles.fromText(ws.predictorPath());
                    pred = loaders.loadPredictor(predFile);
                } catch (OfaException e) {
                    problems.addAll(Problems.of(e));
                }
            }
            Map<String, LatencySource> shipped = new LinkedHashMap<>();
            for (LatencySource s : loaders.shippedBoards()) {
                shipped.put(s.id(), s);
            }
            Map<String, LatencySource> sources = new LinkedHashMap<>();
            for (SourceRef r : ws.sources()) {
                try {
                    LatencySource s = r.kind() == LatencySource.Kind.SHIPPED ? shipped.get(r.id())
                            : loaders.loadLatency(BundledFiles.fromText(r.path()));
                    if (s == null) {
                        problems.add(file + ": sources: unknown shipped board '" + r.id() + "'");
                    } else {
                        sources.put(r.id(), s);
                    }
                } catch (OfaException e) {
                    problems.addAll(Problems.of(e));
                }
            }
            for (String id : ws.sweepBoards()) {
                if (!sources.containsKey(id)) {
                    problems.add(file + ": result_boards: source '" + id + "' is not among the workspace's sources");
                }
            }
            if (!problems.isEmpty()) {
                throw new OfaException(String.join("\n", problems));
            }
            List<LatencySource> boards = ws.sweepBoards().stream().map(sources::get).toList();
            ReferenceMarkers refs = imageNet ? ReferenceMarkers.evaluate(loaders.referenceNets(), boards)
                    : ReferenceMarkers.empty();
            return new Loaded(ws, project, imageNet, pred, predFile, sources, refs);
        }).onSuccess(l -> apply(l, file)).onFailure(e -> dialogs.showErrors("Cannot open the workspace",
                file + " was not opened; the current session is unchanged.", Problems.of(e))));
    }

    private void apply(Loaded l, Path from) {
        Workspace ws = l.ws();
        SearchSpace space = inputs.useSpace(ws.space());
        if (l.predictor() != null) {
            inputs.usePredictor(l.predictor(), l.predictorFile());
        }
        inputs.sources().clear();
        for (SourceRef r : ws.sources()) {
            inputs.addSource(l.sources().get(r.id()), r.enabled());
        }
        inputs.find(ws.chosenSource()).ifPresent(inputs.chosenProperty()::set);
        pareto.budgetCountProperty().set(ws.budgetCount());
        pareto.cloudSizeProperty().set(ws.cloudSize());
        pareto.seedProperty().set(ws.seed());
        List<LatencySource> boards = ws.sweepBoards().stream().map(l.sources()::get).toList();
        int chosen = Math.max(0, ws.sweepBoards().indexOf(ws.chosenSource()));
        try {
            pareto.restore(ws.results(), space, boards, l.refs(), boards.isEmpty() ? -1 : chosen, ws.budgetMs(),
                    ws.selectedRow());
            // A file from before projects leaves the open project as it is.
            boolean projectGone = ws.project() != null && l.project() == null;
            if (ws.project() != null) {
                projects.showAsCurrent(l.project());
                missingProject = projectGone ? ws.project() : null;
            }
            pareto.referenceNetsProperty().set(l.imageNet() ? inputs.loaders().referenceNets() : List.of());
            file.set(from);
            changes.markClean();
            status.set(projectGone ? "Workspace opened; its project " + ws.project() + " was not found, so none "
                    + "is open (the workspace keeps its space, " + space.displayName() + ")" : "Workspace opened");
        } catch (OfaException e) {
            dialogs.showErrors("Cannot open the workspace", "The results do not fit the inputs.", Problems.of(e));
        }
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The workspace's file name, or "Untitled" before it is first saved. */
    public String displayName() {
        return file.get() == null ? "Untitled" : file.get().getFileName().toString();
    }

    /** The file last saved or opened; null until then. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** True while the session differs from the workspace last saved or opened. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return changes.dirtyProperty();
    }

    /** The main window's title: a "•" while there are unsaved changes, the workspace's name, the studio. */
    public StringBinding titleBinding() {
        return title;
    }
}
