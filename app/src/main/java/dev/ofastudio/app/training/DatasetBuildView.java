package dev.ofastudio.app.training;

import static dev.ofastudio.app.training.FormControls.button;
import static dev.ofastudio.app.training.FormControls.label;
import static dev.ofastudio.app.training.FormControls.pathField;
import static dev.ofastudio.app.training.FormControls.textField;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The accuracy dataset form of the Training tab: supernet, dataset folder, CSV, N and seed; the job
 * bar with rows done; the scatter of the rows built so far and their spread. It only binds to its
 * {@link DatasetBuildViewModel}.
 */
final class DatasetBuildView extends BorderPane {
    private final DatasetBuildViewModel vm;
    private final AccuracyScatterChart scatter = new AccuracyScatterChart();

    DatasetBuildView(DatasetBuildViewModel vm) {
        this.vm = vm;
        setId("datasetBuildView");
        Label rows = new Label();
        rows.setId("dataset-rows");
        rows.setMinWidth(Region.USE_PREF_SIZE);
        rows.textProperty().bind(vm.rowsDoneProperty());
        setTop(new VBox(8, form(), FormControls.jobBar(vm, "dataset",
                "Stop after the rows in progress; the CSV keeps them and Resume continues it", rows)));
        setCenter(scatter);
        Label report = new Label();
        report.setId("dataset-report");
        report.textProperty().bind(vm.reportProperty());
        report.setPadding(new Insets(4, 8, 6, 8));
        setBottom(report);
        vm.rowsRevisionProperty().addListener(o -> scatter.show(vm.rows()));
        scatter.show(vm.rows());
    }

    private GridPane form() {
        BooleanBinding active = Bindings.createBooleanBinding(() -> vm.job().stateProperty().get().isActive(),
                vm.job().stateProperty());
        TextField supernet = pathField("dataset-supernet", vm.supernetProperty(),
                "a training run folder or a supernet file (type, paste or choose)", vm::setSupernet);
        Button chooseSupernet = button("Choose…", "dataset-choose-supernet", vm::chooseSupernet);
        TextField data = pathField("dataset-data", vm.dataFolderProperty(),
                "the run's dataset folder (a bare supernet file needs one)", vm::setDataFolder);
        Button chooseData = button("Choose…", "dataset-choose-data", vm::chooseDataFolder);
        TextField out = pathField("dataset-out", vm.outFileProperty(), "the CSV to write, or one to continue",
                vm::openOutFile);
        Button chooseOut = button("Choose…", "dataset-choose-out", vm::chooseOutFile);
        Button open = button("Open…", "dataset-open", vm::openDatasetFile);
        open.setTooltip(new Tooltip("Show an accuracy dataset built earlier; Resume continues it"));
        TextField n = textField("dataset-n", 7, vm.nProperty(),
                "Sub-networks to evaluate: each is BN-recalibrated and tested on the holdout");
        TextField seed = textField("dataset-seed", 5, vm.seedProperty(),
                "Seed of the sub-network sample: the same seed draws the same sub-networks");
        for (Node node : new Node[] {supernet, chooseSupernet, data, chooseData, out, chooseOut, open, n, seed}) {
            node.disableProperty().bind(active);
        }

        GridPane grid = FormControls.grid();
        grid.addRow(0, label("Supernet"), supernet, chooseSupernet);
        grid.addRow(1, label("Dataset folder"), data, chooseData);
        grid.addRow(2, label("Dataset CSV"), out, new HBox(8, chooseOut, open));
        HBox sample = new HBox(8, n, label("Seed"), seed);
        sample.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(3, label("Sub-networks"), sample);
        GridPane.setHgrow(supernet, Priority.ALWAYS);
        GridPane.setHgrow(data, Priority.ALWAYS);
        GridPane.setHgrow(out, Priority.ALWAYS);
        return grid;
    }

    AccuracyScatterChart scatterChart() {
        return scatter;
    }
}
