package dev.ofastudio.app.training;

import static dev.ofastudio.app.training.FormControls.button;
import static dev.ofastudio.app.training.FormControls.label;
import static dev.ofastudio.app.training.FormControls.pathField;
import static dev.ofastudio.app.training.FormControls.textField;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Training tab: the job choice on top, then its form. Supernet training: dataset folder,
 * recipe and run folder; Start, Pause, Resume, Cancel with progress, ETA and status; the loss
 * curve and the per-phase accuracies below, and the final test figures. The accuracy dataset
 * build has a form of its own ({@link DatasetBuildView}). It only binds to its {@link TrainingViewModel}.
 */
public final class TrainingView extends BorderPane {
    private final TrainingViewModel vm;
    private final LossChart loss = new LossChart();
    private final PhaseAccuracyChart accuracy = new PhaseAccuracyChart();
    private final DatasetBuildView dataset;
    private final BooleanBinding active;

    public TrainingView(TrainingViewModel vm) {
        this.vm = vm;
        active = Bindings.createBooleanBinding(() -> vm.job().stateProperty().get().isActive()
                || vm.dataset().job().stateProperty().get().isActive(), vm.job().stateProperty(),
                vm.dataset().job().stateProperty());
        setId("trainingView");
        BorderPane training = new BorderPane();
        training.setTop(new VBox(8, settings(), FormControls.jobBar(vm, "training",
                "Stop at the next step and keep a checkpoint; Resume continues")));
        SplitPane charts = new SplitPane(loss, accuracy);
        charts.setOrientation(Orientation.HORIZONTAL);
        charts.setDividerPositions(0.62);
        training.setCenter(charts);
        Label report = new Label();
        report.setId("training-report");
        report.textProperty().bind(vm.reportProperty());
        report.setPadding(new Insets(4, 8, 6, 8));
        training.setBottom(report);
        dataset = new DatasetBuildView(vm.dataset());
        setTop(jobChoice());
        Runnable page = () -> setCenter(DatasetBuildViewModel.TITLE.equals(vm.jobChoiceProperty().get()) ? dataset
                : training);
        vm.jobChoiceProperty().addListener(o -> page.run());
        page.run();
        vm.historyRevisionProperty().addListener(o -> redraw());
        vm.summaryProperty().addListener(o -> redraw());
        redraw();
    }

    private HBox jobChoice() {
        ChoiceBox<String> kind = new ChoiceBox<>(FXCollections.observableArrayList(vm.jobChoices()));
        kind.setId("training-kind");
        kind.valueProperty().bindBidirectional(vm.jobChoiceProperty());
        kind.disableProperty().bind(active);
        Label l = label("Job");
        l.setMinWidth(FormControls.LABEL_WIDTH);
        HBox row = new HBox(8, l, kind);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(8, 8, 0, 8));
        return row;
    }

    private GridPane settings() {
        TextField data = pathField("training-data", vm.dataFolderProperty(), "the dataset folder (type, paste or choose)",
                vm::setDataFolder);
        Button chooseData = button("Choose…", "training-choose-data", vm::chooseDataFolder);
        ChoiceBox<String> preset = new ChoiceBox<>();
        preset.setId("training-preset");
        Runnable fillPresets = () -> preset.getItems().setAll(vm.kindProperty().get().presets());
        fillPresets.run();
        vm.kindProperty().addListener(o -> fillPresets.run());
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        TextField scale = textField("training-scale", 5, vm.epochsScaleProperty(),
                "Multiplies every phase's epochs: 1 is the full recipe, 0.01 a quick trial");
        TextField batch = textField("training-batch", 4, vm.batchProperty(), "Batch size; empty for the preset's");
        batch.setPromptText("preset");
        TextField run = pathField("training-run", vm.runFolderProperty(),
                "a new folder under ~/ofa-runs, or an earlier run (type, paste or choose)", vm::openRunFolder);
        Button chooseRun = button("Choose…", "training-choose-run", vm::chooseRunFolder);
        for (Node n : new Node[] {data, chooseData, run, chooseRun, preset, scale, batch}) {
            n.disableProperty().bind(active);
        }

        GridPane grid = FormControls.grid();
        grid.addRow(0, label("Dataset folder"), data, chooseData);
        HBox recipe = new HBox(8, preset, label("Epochs scale"), scale, label("Batch"), batch);
        recipe.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(1, label("Preset"), recipe);
        grid.addRow(2, label("Run folder"), run, chooseRun);
        GridPane.setHgrow(data, Priority.ALWAYS);
        GridPane.setHgrow(run, Priority.ALWAYS);
        return grid;
    }

    private void redraw() {
        loss.show(vm.history(), vm.summaryProperty().get());
        accuracy.show(vm.history(), vm.summaryProperty().get());
    }

    LossChart lossChart() {
        return loss;
    }

    PhaseAccuracyChart accuracyChart() {
        return accuracy;
    }

    DatasetBuildView datasetView() {
        return dataset;
    }
}
