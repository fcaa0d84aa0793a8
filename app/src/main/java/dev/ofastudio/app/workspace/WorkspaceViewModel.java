package dev.ofastudio.app.workspace;

import dev.ofastudio.app.inputs.InputLoaders;
import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.app.inputs.Problems;
import dev.ofastudio.app.inputs.SourceItem;
import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.engine.study.ReferenceMarkers;
import dev.ofastudio.app.service.BackgroundTask;
import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.app.service.TaskExecutor;
import dev.ofastudio.app.workspace.WorkspaceFile.SourceRef;
import dev.ofastudio.app.workspace.WorkspaceFile.Workspace;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.BundledFiles;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.space.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Saves and reopens a whole session (inputs, sweep settings, budget, results, selection) as a
 * JSON file. Reopening reloads the predictor and every source in the background; if any of them
 * fails, an error dialog lists the problems and the current session stays as it was.
 */
public final class WorkspaceViewModel {
    private static final FileDialogSpec.Filter FILTER =
            new FileDialogSpec.Filter("OFA Studio workspace", List.of("*.ofaws.json", "*.json"));

    private final InputsViewModel inputs;
    private final ParetoViewModel pareto;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final StringProperty status = new SimpleStringProperty("");

    public WorkspaceViewModel(InputsViewModel inputs, ParetoViewModel pareto, DialogService dialogs,
            TaskExecutor executor) {
        this.inputs = inputs;
        this.pareto = pareto;
        this.dialogs = dialogs;
        this.executor = executor;
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
        return new Workspace(space.widthMult(), pred == null ? null : BundledFiles.text(pred), refs,
                chosen == null ? null : chosen.source().id(), pareto.budgetCountProperty().get(),
                pareto.cloudSizeProperty().get(), pareto.seedProperty().get(), pareto.budgetMsProperty().get(),
                pareto.sweepBoards().stream().map(LatencySource::id).toList(), pareto.tableProperty().get(),
                pareto.selectedRowProperty().get());
    }

    public void save() {
        dialogs.showSaveDialog(FileDialogSpec.of("Save workspace", FILTER).withInitialFileName("studio.ofaws.json"))
                .ifPresent(this::saveTo);
    }

    public void saveTo(Path file) {
        if (Files.exists(file) && !dialogs.confirm("Replace workspace?", file.getFileName() + " exists. Replace it?")) {
            return;
        }
        Workspace w = capture();
        executor.execute(BackgroundTask.<Path>of("Saving workspace", (p, c) -> {
            WorkspaceFile.write(file, w);
            return file;
        }).onSuccess(f -> status.set("Workspace saved: " + f.getFileName()))
                .onFailure(e -> dialogs.showErrors("Cannot save the workspace", "Nothing was written.",
                        Problems.of(e))));
    }

    public void open() {
        dialogs.showOpenDialog(FileDialogSpec.of("Open workspace", FILTER)).ifPresent(this::openFrom);
    }

    /** Everything a workspace needs, loaded off the FX thread. */
    private record Loaded(Workspace ws, AccuracyPredictor predictor, Path predictorFile, Map<String, LatencySource> sources,
            ReferenceMarkers refs) {
    }

    public void openFrom(Path file) {
        InputLoaders loaders = inputs.loaders();
        executor.execute(BackgroundTask.<Loaded>of("Opening workspace", (p, c) -> {
            Workspace ws = WorkspaceFile.read(file);
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
            ReferenceMarkers refs = ReferenceMarkers.evaluate(loaders.referenceNets(), boards);
            return new Loaded(ws, pred, predFile, sources, refs);
        }).onSuccess(this::apply).onFailure(e -> dialogs.showErrors("Cannot open the workspace",
                file + " was not opened; the current session is unchanged.", Problems.of(e))));
    }

    private void apply(Loaded l) {
        Workspace ws = l.ws();
        SearchSpace space = inputs.spaces().stream().filter(s -> s.widthMult() == ws.widthMult()).findFirst()
                .orElse(SearchSpace.mobileNetV3(ws.widthMult()));
        inputs.spaceProperty().set(space);
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
            status.set("Workspace opened");
        } catch (OfaException e) {
            dialogs.showErrors("Cannot open the workspace", "The results do not fit the inputs.", Problems.of(e));
        }
    }

    public StringProperty statusProperty() {
        return status;
    }
}
