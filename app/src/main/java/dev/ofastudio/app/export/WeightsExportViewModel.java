package dev.ofastudio.app.export;

import ai.djl.ndarray.NDManager;
import dev.ofastudio.app.inputs.Problems;
import dev.ofastudio.app.service.BackgroundTask;
import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.app.service.TaskExecutor;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.export.SubnetWeights;
import dev.ofastudio.engine.export.SubnetWeights.Format;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.supernet.OfaSupernet;
import dev.ofastudio.engine.supernet.SubnetExtractor;
import dev.ofastudio.engine.supernet.SupernetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Weights of the selected sub-network for other tools (File → Open supernet weights…, then
 * Export → Sub-network weights (ONNX / PyTorch)…): loads a supernet in the background, extracts
 * the selected sub-network and writes it as ONNX or OFA .pth, chosen by the file's extension.
 */
public final class WeightsExportViewModel {
    private static final FileDialogSpec.Filter ONNX = new FileDialogSpec.Filter("ONNX model", List.of("*.onnx"));
    private static final FileDialogSpec.Filter PTH = new FileDialogSpec.Filter("PyTorch (OFA .pth)", List.of("*.pth"));

    private final Supplier<SubnetConfig> selected;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final String version;
    private final BooleanProperty supernetLoaded = new SimpleBooleanProperty(false);
    /** The open project's supernet file, loaded on the first export when no other supernet is open. */
    private final ObjectProperty<Path> projectSupernet = new SimpleObjectProperty<>();
    private final BooleanBinding canExport = supernetLoaded.or(projectSupernet.isNotNull());
    /** Whether the loaded supernet is the project's: another project then drops it. */
    private boolean loadedFromProject;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    /** The loaded supernet and the manager that owns its arrays; guarded by this view model. */
    private NDManager manager;
    private OfaSupernet supernet;

    /**
     * @param selected the selected sub-network's config, or null when nothing is selected
     * @param version written into exported models as the producer version
     */
    public WeightsExportViewModel(Supplier<SubnetConfig> selected, DialogService dialogs, TaskExecutor executor,
            String version) {
        this.selected = selected;
        this.dialogs = dialogs;
        this.executor = executor;
        this.version = version;
        projectSupernet.addListener((o, was, now) -> {
            if (loadedFromProject && !busy.get()) {
                close();
            }
        });
    }

    /** Asks for supernet weights (OFA .pth or an OFA Studio checkpoint) and loads them in the background. */
    public BackgroundTask<?> openSupernet() {
        var file = dialogs.showOpenDialog(FileDialogSpec.of("Open supernet weights",
                new FileDialogSpec.Filter("Supernet weights", List.of("*.pth", "*.pt", "*.ofa"))));
        return file.map(this::loadSupernet).orElse(null);
    }

    public BackgroundTask<?> loadSupernet(Path file) {
        busy.set(true);
        return executor.execute(BackgroundTask.<Loaded>of("Loading supernet", (p, c) -> load(file)).onSuccess(l -> {
            replace(l.manager(), l.net());
            supernetLoaded.set(true);
            status.set("Supernet loaded: " + file.getFileName());
        }).onFailure(e -> failed("Cannot load the supernet", e)).onFinished(() -> busy.set(false)));
    }

    private record Loaded(NDManager manager, OfaSupernet net) {
    }

    private static Loaded load(Path file) throws OfaException {
        NDManager m = NDManager.newBaseManager();
        try {
            return new Loaded(m, SupernetFiles.load(file, m));
        } catch (OfaException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    private synchronized void replace(NDManager m, OfaSupernet net) {
        if (manager != null) {
            manager.close();
        }
        manager = m;
        supernet = net;
    }

    /** Asks for the target file and writes the selected sub-network's weights in the background. */
    public BackgroundTask<?> exportWeights() {
        // A supernet the user opened wins; else the open project's, loaded now.
        Path fromProject = supernetLoaded.get() ? null : projectSupernet.get();
        if (!supernetLoaded.get() && fromProject == null) {
            dialogs.showError("No supernet", "Open the supernet's weights first (File → Open supernet weights…).");
            return null;
        }
        SubnetConfig config = selected.get();
        if (config == null) {
            dialogs.showError("Nothing to export", "Select a sub-network on the chart first.");
            return null;
        }
        var target = dialogs.showSaveDialog(FileDialogSpec.of("Export sub-network weights", ONNX, PTH)
                .withInitialFileName("ofa_subnet_r" + config.r() + ".onnx"));
        if (target.isEmpty()) {
            return null;
        }
        Format format = Format.ofFile(target.get());
        Path out = format != null ? target.get()
                : target.get().resolveSibling(target.get().getFileName() + ".onnx");
        Format f = format != null ? format : Format.ONNX;
        if (Files.exists(out) && !dialogs.confirm("Replace existing file?", out.getFileName() + " already exists. Replace?")) {
            return null;
        }
        busy.set(true);
        return executor.execute(BackgroundTask.<Path>of("Exporting weights", (p, c) -> {
            if (fromProject != null) {
                Loaded l = load(fromProject);
                replace(l.manager(), l.net());
            }
            write(config, f, out);
            return out;
        }).onSuccess(o -> {
            loadedFromProject |= fromProject != null;
            supernetLoaded.set(true);
            status.set("Exported " + f.extension().toUpperCase() + " weights to " + o);
        })
                .onFailure(e -> failed("Export failed", e)).onFinished(() -> busy.set(false)));
    }

    /** Extracts under the lock: the supernet's active sub-network is shared state. */
    private synchronized void write(SubnetConfig config, Format f, Path out) throws OfaException {
        try (NDManager sub = manager.newSubManager()) {
            supernet.setActiveSubnet(config);
            SubnetWeights.write(SubnetExtractor.extract(supernet, config, sub), config, f, out, version);
        }
    }

    private void failed(String title, Throwable e) {
        dialogs.showErrors(title, "Nothing was written.", Problems.of(e));
    }

    /** Releases the supernet's native memory (on exit). */
    public synchronized void close() {
        replace(null, null);
        supernetLoaded.set(false);
    }

    /** The open project's supernet (null if it ships none); Studio keeps it in step with the project. */
    public ObjectProperty<Path> projectSupernetProperty() {
        return projectSupernet;
    }

    /** True when an export can run: a supernet is open or the project ships one. */
    public BooleanBinding canExportBinding() {
        return canExport;
    }

    public BooleanProperty supernetLoadedProperty() {
        return supernetLoaded;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
