package dev.ofastudio.app.training;

import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Training tab: job kind, dataset folder, recipe and run folder on top; Start, Pause, Resume,
 * Cancel with progress, ETA and status; the loss curve and the per-phase accuracies below, and the
 * final test figures. It only binds to its {@link TrainingViewModel}.
 */
public final class TrainingView extends BorderPane {
    private final TrainingViewModel vm;
    private final LossChart loss = new LossChart();
    private final PhaseAccuracyChart accuracy = new PhaseAccuracyChart();
    private final BooleanBinding active;

    public TrainingView(TrainingViewModel vm) {
        this.vm = vm;
        active = Bindings.createBooleanBinding(() -> vm.job().stateProperty().get().isActive(), vm.job().stateProperty());
        setId("trainingView");
        setTop(new VBox(8, settings(), controls()));
        SplitPane charts = new SplitPane(loss, accuracy);
        charts.setOrientation(Orientation.HORIZONTAL);
        charts.setDividerPositions(0.62);
        setCenter(charts);
        Label report = new Label();
        report.setId("training-report");
        report.textProperty().bind(vm.reportProperty());
        report.setPadding(new Insets(4, 8, 6, 8));
        setBottom(report);
        vm.historyRevisionProperty().addListener(o -> redraw());
        vm.summaryProperty().addListener(o -> redraw());
        redraw();
    }

    private GridPane settings() {
        ChoiceBox<JobKind> kind = new ChoiceBox<>(FXCollections.observableArrayList(vm.kinds()));
        kind.setId("training-kind");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(JobKind k) {
                return k == null ? "" : k.title();
            }

            @Override
            public JobKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());

        TextField data = pathField("training-data", vm.dataFolderProperty(), "the dataset folder");
        Button chooseData = button("Choose…", "training-choose-data", vm::chooseDataFolder);
        ChoiceBox<String> preset = new ChoiceBox<>();
        preset.setId("training-preset");
        Runnable fillPresets = () -> preset.getItems().setAll(vm.kindProperty().get().presets());
        fillPresets.run();
        vm.kindProperty().addListener(o -> fillPresets.run());
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        TextField scale = new TextField();
        scale.setId("training-scale");
        scale.setPrefColumnCount(5);
        scale.textProperty().bindBidirectional(vm.epochsScaleProperty());
        scale.setTooltip(new Tooltip("Multiplies every phase's epochs: 1 is the full recipe, 0.01 a quick trial"));
        TextField batch = new TextField();
        batch.setId("training-batch");
        batch.setPrefColumnCount(4);
        batch.setPromptText("preset");
        batch.textProperty().bindBidirectional(vm.batchProperty());
        TextField run = pathField("training-run", vm.runFolderProperty(), "a new folder under ~/ofa-runs, or an earlier run");
        Button chooseRun = button("Choose…", "training-choose-run", vm::chooseRunFolder);
        for (Node n : new Node[] {kind, chooseData, chooseRun, preset, scale, batch}) {
            n.disableProperty().bind(active);
        }

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8, 8, 0, 8));
        grid.addRow(0, label("Job"), kind);
        grid.addRow(1, label("Dataset folder"), data, chooseData);
        HBox recipe = new HBox(8, preset, label("Epochs scale"), scale, label("Batch"), batch);
        recipe.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(2, label("Preset"), recipe);
        grid.addRow(3, label("Run folder"), run, chooseRun);
        GridPane.setHgrow(data, Priority.ALWAYS);
        GridPane.setHgrow(run, Priority.ALWAYS);
        return grid;
    }

    private HBox controls() {
        Button start = button("Start", "training-start", vm::start);
        start.disableProperty().bind(vm.canStartProperty().not());
        Button pause = button("Pause", "training-pause", vm::pause);
        pause.disableProperty().bind(vm.canPauseProperty().not());
        pause.setTooltip(new Tooltip("Stop at the next step and keep a checkpoint; Resume continues"));
        Button resume = button("Resume", "training-resume", vm::resume);
        resume.disableProperty().bind(vm.canResumeProperty().not());
        Button cancel = button("Cancel", "training-cancel", vm::cancel);
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.setId("training-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progressProperty());
        Label eta = new Label();
        eta.setId("training-eta");
        eta.setMinWidth(Region.USE_PREF_SIZE);
        eta.textProperty().bind(vm.etaProperty());
        Label status = new Label();
        status.setId("training-status");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox box = new HBox(8, start, pause, resume, cancel, bar, eta, status);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 8, 6, 8));
        return box;
    }

    private void redraw() {
        loss.show(vm.history(), vm.summaryProperty().get());
        accuracy.show(vm.history(), vm.summaryProperty().get());
    }

    private static TextField pathField(String id, ObjectProperty<Path> path, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setEditable(false);
        f.setPromptText(prompt);
        f.textProperty().bind(Bindings.createStringBinding(() -> path.get() == null ? "" : path.get().toString(), path));
        return f;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    LossChart lossChart() {
        return loss;
    }

    PhaseAccuracyChart accuracyChart() {
        return accuracy;
    }
}
