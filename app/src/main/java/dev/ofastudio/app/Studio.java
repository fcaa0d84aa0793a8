package dev.ofastudio.app;

import dev.ofastudio.app.export.ExportViewModel;
import dev.ofastudio.app.inputs.InputLoaders;
import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.engine.study.BudgetSearch;
import dev.ofastudio.engine.study.Sweep;
import dev.ofastudio.app.present.PresentViewModel;
import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.app.service.TaskExecutor;
import dev.ofastudio.app.settings.StudioSettings;
import dev.ofastudio.app.welcome.PredictorDownloader;
import dev.ofastudio.app.welcome.WelcomeViewModel;
import dev.ofastudio.app.workspace.WorkspaceViewModel;
import dev.ofastudio.app.diagram.DiagramViewModel;
import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.app.heatmap.HeatmapViewModel;
import dev.ofastudio.app.heatmap.SourceBoards;
import dev.ofastudio.app.inputs.SourceItem;
import javafx.collections.ListChangeListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The composition root: every view model of one studio window, wired to the services it gets.
 * The application builds it with the real services; tests build it with fakes.
 */
public final class Studio {
    private final InputsViewModel inputs;
    private final ParetoViewModel pareto;
    private final ExportViewModel export;
    private final WorkspaceViewModel workspace;
    private final WelcomeViewModel welcome;
    private final PresentViewModel present;
    private final TaskExecutor executor;
    private final HeatmapViewModel heatmap;
    private final DiagramViewModel diagram;
    private final DialogService dialogs;

    /**
     * @param heatmapBoards per-layer analyzers of the shipped boards, by board id: the heatmap
     *     column of a checked shipped source; loaded profiles and board specs bring their own
     */
    public Studio(InputLoaders loaders, DialogService dialogs, TaskExecutor executor, StudioSettings settings,
            BudgetSearch search, Path predictorDownloadTarget, List<BoardAnalyzer> heatmapBoards) {
        this.executor = executor;
        this.dialogs = dialogs;
        inputs = new InputsViewModel(loaders, dialogs, executor, settings);
        pareto = new ParetoViewModel(inputs, new Sweep(search), executor, dialogs);
        export = new ExportViewModel(pareto, inputs, dialogs);
        workspace = new WorkspaceViewModel(inputs, pareto, dialogs, executor);
        welcome = new WelcomeViewModel(settings, inputs, dialogs, executor, new PredictorDownloader(),
                predictorDownloadTarget);
        present = new PresentViewModel(pareto);
        heatmap = new HeatmapViewModel(List.of());
        // One heatmap column per checked latency source that gives per-layer DPU reports: the
        // shipped boards use heatmapBoards (by board id), loaded profiles and specs their own model.
        List<BoardAnalyzer> shippedColumns = List.copyOf(heatmapBoards);
        Runnable followSources = () -> {
            SourceBoards columns = SourceBoards.of(inputs.enabledSources(), shippedColumns);
            heatmap.setBoards(columns.analyzers());
            heatmap.setNote(columns.note());
        };
        inputs.sources().addListener((ListChangeListener<SourceItem>) c -> followSources.run());
        followSources.run();
        diagram = new DiagramViewModel(executor);
        // The diagram and the heatmap follow the chart's selection.
        pareto.selectedProperty().addListener((o, a, s) -> {
            if (s != null) {
                diagram.setSubnet(s.space(), s.config());
                heatmap.setSubnet(s.space(), s.config());
            }
        });
        // Pointing at a block in the diagram shows its kernel x expand what-if grid in the heatmap.
        diagram.hoveredBlockProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                heatmap.showWhatIf(b.intValue());
            }
        });
        diagram.selectedBlockProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                heatmap.showWhatIf(b.intValue());
            }
        });
        loaders.referenceNets().stream().filter(r -> r.name().equals(PresentViewModel.BASELINE)).findFirst()
                .ifPresent(r -> heatmap.setBaseline(r.network()));
    }

    /** Asks where to export the diagram as {@code extension} ("png" or "svg"). */
    public Optional<Path> chooseDiagramExport(String extension) {
        String upper = extension.toUpperCase(Locale.ROOT);
        return dialogs.showSaveDialog(FileDialogSpec.of("Export the architecture diagram as " + upper,
                new FileDialogSpec.Filter(upper + " image", List.of("*." + extension)))
                .withInitialFileName("subnet-diagram." + extension));
    }

    public HeatmapViewModel heatmap() {
        return heatmap;
    }

    public DiagramViewModel diagram() {
        return diagram;
    }

    /** Start-up: the shipped boards, then the remembered predictor (in the background). */
    public void start() {
        inputs.loadShippedBoards();
        welcome.restoreRemembered();
    }

    public InputsViewModel inputs() {
        return inputs;
    }

    public ParetoViewModel pareto() {
        return pareto;
    }

    public ExportViewModel export() {
        return export;
    }

    public WorkspaceViewModel workspace() {
        return workspace;
    }

    public WelcomeViewModel welcome() {
        return welcome;
    }

    public PresentViewModel present() {
        return present;
    }

    public TaskExecutor executor() {
        return executor;
    }
}
