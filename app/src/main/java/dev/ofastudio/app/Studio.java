package dev.ofastudio.app;

import dev.ofastudio.app.calibrate.CalibrationViewModel;
import dev.ofastudio.app.claim.ClaimViewModel;
import dev.ofastudio.engine.search.EvolutionConfig;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.app.roofline.RooflineViewModel;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.project.Project;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.study.ReferenceNet;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.function.Consumer;

import dev.ofastudio.app.export.ExportViewModel;
import dev.ofastudio.app.export.WeightsExportViewModel;
import dev.ofastudio.app.inputs.InputLoaders;
import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.engine.study.BudgetSearch;
import dev.ofastudio.engine.study.Sweep;
import dev.ofastudio.app.present.PresentViewModel;
import dev.ofastudio.app.project.AboutText;
import dev.ofastudio.app.project.ProjectViewModel;
import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.app.service.TaskExecutor;
import dev.ofastudio.app.settings.StudioSettings;
import dev.ofastudio.app.training.TrainingViewModel;
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
    private final WeightsExportViewModel weights;
    private final WorkspaceViewModel workspace;
    private final ProjectViewModel project;
    private final PresentViewModel present;
    private final TaskExecutor executor;
    private final HeatmapViewModel heatmap;
    private final DiagramViewModel diagram;
    private final DialogService dialogs;
    private final RooflineViewModel roofline;
    private final CalibrationViewModel calibration;
    private final ClaimViewModel claim;
    private final TrainingViewModel training;

    /**
     * @param heatmapBoards per-layer analyzers of the shipped boards, by board id: the heatmap
     *     column of a checked shipped source; loaded profiles and board specs bring their own
     */
    public Studio(InputLoaders loaders, DialogService dialogs, TaskExecutor executor, StudioSettings settings,
            BudgetSearch search, List<BoardAnalyzer> heatmapBoards) {
        this(loaders, dialogs, executor, settings, search, heatmapBoards,
                TrainingViewModel.withDefaults(dialogs, executor::runOnUiThread));
    }

    /** As above, with the Training tab's view model given (tests run a stand-in job there). */
    public Studio(InputLoaders loaders, DialogService dialogs, TaskExecutor executor, StudioSettings settings,
            BudgetSearch search, List<BoardAnalyzer> heatmapBoards, TrainingViewModel training) {
        this.executor = executor;
        this.dialogs = dialogs;
        inputs = new InputsViewModel(loaders, dialogs, executor, settings);
        // One core stays with the JavaFX and render threads, so the chart keeps drawing during a sweep.
        int searchThreads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        pareto = new ParetoViewModel(inputs, new Sweep(search, searchThreads), executor, dialogs);
        export = new ExportViewModel(pareto, inputs, dialogs);
        weights = new WeightsExportViewModel(() -> {
            var s = pareto.selectedProperty().get();
            return s == null ? null : s.config();
        }, dialogs, executor, dev.ofastudio.engine.cli.EngineVersion.get());
        project = new ProjectViewModel(inputs, pareto, dialogs, settings);
        workspace = new WorkspaceViewModel(inputs, pareto, project, dialogs, executor);
        // Opening a project in an untitled session leaves nothing to save; switching asks to save first.
        workspace.adoptWhile(project.settingUpProperty());
        project.guardSwitch((p, go) -> workspace.saveFirst("switching to project " + p.name(), go));
        // Export → Sub-network weights uses the project's supernet when it ships one.
        project.currentProperty().addListener((o, was, now) -> weights.projectSupernetProperty().set(
                now == null ? null : now.supernet()));
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
        roofline = new RooflineViewModel(shippedModels());
        calibration = new CalibrationViewModel(dialogs, executor, inputs);
        // The networks the user measured appear on the chart as marked points.
        calibration.resultProperty().addListener((o, a, r) -> pareto.showMeasured(r));
        this.training = training;
        claim = new ClaimViewModel(executor, dialogs, inputs, EvolutionConfig.defaults().withPopulation(100, 100)
                .withSeed(1));
        // The diagram and the heatmap follow the chart's selection.
        pareto.selectedProperty().addListener((o, a, s) -> {
            if (s != null) {
                diagram.setSubnet(s.space(), s.config());
                heatmap.setSubnet(s.space(), s.config());
                roofline.setSelected(s.space(), s.config());
            }
        });
        // The roofline shows the front of the board it draws (the first board's if the sweep lacks it).
        Runnable followFront = () -> {
            ResultTable t = pareto.tableProperty().get();
            if (t == null) {
                return;
            }
            int b = boardColumn(t, roofline.boards().get(Math.max(0, roofline.boardProperty().get())));
            List<SubnetConfig> configs = new ArrayList<>();
            for (int row : pareto.front(b)) {
                configs.add(t.config(row));
            }
            roofline.setFront(configs);
        };
        pareto.tableProperty().addListener((o, a, t) -> followFront.run());
        roofline.boardProperty().addListener((o, a, b) -> followFront.run());
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
        // The heatmap's and roofline's baseline: MobileNetV2 where ImageNet's networks apply, else
        // the project's own full network (its supernet's largest sub-network at the largest
        // resolution, what one would deploy without a search).
        NetworkDescription mobileNetV2 = loaders.referenceNets().stream()
                .filter(r -> r.name().equals(PresentViewModel.BASELINE)).findFirst()
                .map(ReferenceNet::network).orElse(null);
        Consumer<Project> followProject = p -> {
            NetworkDescription b = p == null || p.comparesToImageNet() ? mobileNetV2 : fullNetwork(p.space());
            heatmap.setBaseline(b);
            roofline.setBaseline(b);
        };
        followProject.accept(null);
        project.currentProperty().addListener((o, was, now) -> followProject.accept(now));
    }

    /** The largest sub-network of {@code space} at its largest resolution, named as such. */
    static NetworkDescription fullNetwork(SearchSpace space) {
        int r = Collections.max(space.resolutions());
        NetworkDescription net = space.describe(space.maxConfig(r));
        return new NetworkDescription("largest sub-network r" + r, net.resolution(), net.numClasses(), net.layers());
    }

    /** The sweep column whose label names board {@code id} (labels carry the board id), else the first. */
    static int boardColumn(ResultTable t, String id) {
        for (int i = 0; i < t.boards().size(); i++) {
            if (t.boards().get(i).toLowerCase(Locale.ROOT).contains(id)) {
                return i;
            }
        }
        return 0;
    }

    /** The analytic DPU model of every shipped board (the roofline's roofs). */
    private static List<DpuLatencyModel> shippedModels() {
        List<DpuLatencyModel> out = new ArrayList<>();
        for (String id : BoardSpecs.SHIPPED) {
            try {
                out.add(new DpuLatencyModel(BoardSpecs.load(id)));
            } catch (OfaException e) {
                throw new IllegalStateException("shipped board " + id + " does not load", e);
            }
        }
        return out;
    }

    /** The Training tab: supernet training runs and accuracy dataset builds (start, pause, resume), live. */
    public TrainingViewModel training() {
        return training;
    }

    public ClaimViewModel claim() {
        return claim;
    }

    public CalibrationViewModel calibration() {
        return calibration;
    }

    public RooflineViewModel roofline() {
        return roofline;
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

    /** Start-up: the shipped boards, then the remembered project (else the default) in the background. */
    public void start() {
        inputs.loadShippedBoards();
        // The shipped boards are the studio's own: a fresh studio has nothing to save.
        workspace.markClean();
        project.start();
    }

    /** Help → About: the version, each built-in project's licence notice and the libraries' licences. */
    public void showAbout() {
        dialogs.showText("About OFA Studio", AboutText.of(Studio.class.getPackage().getImplementationVersion(),
                project.projects()));
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

    /** Supernet weights and the selected sub-network's ONNX / .pth export. */
    public WeightsExportViewModel weights() {
        return weights;
    }

    public WorkspaceViewModel workspace() {
        return workspace;
    }

    public ProjectViewModel project() {
        return project;
    }

    public PresentViewModel present() {
        return present;
    }

    public TaskExecutor executor() {
        return executor;
    }
}
