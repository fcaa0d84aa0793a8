package dev.ofastudio.app.export;

import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.inputs.Problems;
import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.app.pareto.SelectedNet;
import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Export commands: the selected sub-network (config, net.config, metadata), the Pareto table as
 * CSV and the chart as PNG. Targets come from the dialog service; an existing file is replaced
 * only after the user confirms, and every write is atomic.
 */
public final class ExportViewModel {
    private final ParetoViewModel pareto;
    private final InputsViewModel inputs;
    private final DialogService dialogs;
    private final SubnetExporter exporter = new SubnetExporter();
    private final StringProperty status = new SimpleStringProperty("");

    public ExportViewModel(ParetoViewModel pareto, InputsViewModel inputs, DialogService dialogs) {
        this.pareto = pareto;
        this.inputs = inputs;
        this.dialogs = dialogs;
    }

    /** Asks for a base file name and writes {@code name.config.json}, {@code name.net.config.json}, {@code name.meta.json}. */
    public boolean exportSelected() {
        SelectedNet net = pareto.selectedProperty().get();
        if (net == null) {
            dialogs.showError("Nothing to export", "Select a sub-network on the chart first.");
            return false;
        }
        String suggested = String.format("ofa_subnet_%.0fpct_r%d", net.accuracy(), net.config().r())
                .replace('.', '_');
        var target = dialogs.showSaveDialog(FileDialogSpec.of("Export selected sub-network",
                new FileDialogSpec.Filter("OFA config (base name)", List.of("*.json"))).withInitialFileName(suggested
                + ".config.json"));
        if (target.isEmpty()) {
            return false;
        }
        Path dir = target.get().toAbsolutePath().getParent();
        String name = target.get().getFileName().toString().replaceFirst("(\\.config)?\\.json$", "");
        var files = SubnetExporter.SubnetFiles.of(dir, name);
        if (!mayOverwrite(files.all())) {
            return false;
        }
        return write(() -> exporter.writeSubnet(files, net, inputs.predictorLabelProperty().get()),
                "Exported " + name + " (config, net.config, metadata) to " + dir);
    }

    public boolean exportParetoCsv() {
        var t = pareto.tableProperty().get();
        if (t.size() == 0) {
            dialogs.showError("Nothing to export", "Run a sweep first.");
            return false;
        }
        var target = dialogs.showSaveDialog(FileDialogSpec.of("Export Pareto table",
                new FileDialogSpec.Filter("CSV", List.of("*.csv"))).withInitialFileName("pareto.csv"));
        if (target.isEmpty() || !mayOverwrite(List.of(target.get()))) {
            return false;
        }
        int[][] fronts = new int[t.boards().size()][];
        for (int b = 0; b < fronts.length; b++) {
            fronts[b] = pareto.front(b);
        }
        return write(() -> exporter.writeParetoCsv(target.get(), t, fronts), "Exported " + target.get());
    }

    /** @param png the chart image, taken by the view (the only part that needs the scene graph) */
    public boolean exportChartPng(Supplier<byte[]> png) {
        var target = dialogs.showSaveDialog(FileDialogSpec.of("Export chart",
                new FileDialogSpec.Filter("PNG image", List.of("*.png"))).withInitialFileName("pareto.png"));
        if (target.isEmpty() || !mayOverwrite(List.of(target.get()))) {
            return false;
        }
        byte[] bytes = png.get();
        return write(() -> AtomicFiles.writeBytes(target.get(), bytes), "Exported " + target.get());
    }

    private boolean mayOverwrite(List<Path> files) {
        List<String> existing = files.stream().filter(Files::exists).map(p -> p.getFileName().toString()).toList();
        return existing.isEmpty() || dialogs.confirm("Replace existing files?",
                String.join(", ", existing) + " already exist" + (existing.size() == 1 ? "s" : "") + ". Replace?");
    }

    @FunctionalInterface
    private interface Write {
        void run() throws OfaException;
    }

    private boolean write(Write w, String done) {
        try {
            w.run();
            status.set(done);
            return true;
        } catch (OfaException e) {
            dialogs.showErrors("Export failed", "The export stopped; no file was left half-written.", Problems.of(e));
            return false;
        }
    }

    public StringProperty statusProperty() {
        return status;
    }
}
