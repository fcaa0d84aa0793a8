package dev.ofastudio.app.inputs;

import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.engine.space.SearchSpace;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.GridPane;
import java.util.List;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The inputs panel: space, predictor, latency sources, sweep settings and the Run button. Binds only. */
public final class InputsView extends VBox {
    // Strong references: bidirectional bindings hold their ends weakly.
    private final javafx.beans.property.ObjectProperty<Integer> budgetCountObject;
    private final javafx.beans.property.ObjectProperty<Integer> cloudSizeObject;

    public InputsView(InputsViewModel vm, ParetoViewModel pareto) {
        super(8);
        setId("inputsPanel");
        setPadding(new Insets(10));
        setPrefWidth(290);

        ComboBox<SearchSpace> space = new ComboBox<>(vm.spaces());
        space.setId("spaceChoice");
        space.valueProperty().bindBidirectional(vm.spaceProperty());
        space.setConverter(new StringConverter<>() {
            @Override
            public String toString(SearchSpace s) {
                return s == null ? "" : "OFA MobileNetV3 w" + s.widthMult();
            }

            @Override
            public SearchSpace fromString(String s) {
                return null;
            }
        });
        space.setMaxWidth(Double.MAX_VALUE);

        Label predictor = new Label();
        predictor.setId("predictorLabel");
        predictor.textProperty().bind(vm.predictorLabelProperty());
        predictor.setWrapText(true);
        Button openPredictor = new Button("Open predictor…");
        openPredictor.setId("openPredictor");
        openPredictor.setOnAction(e -> vm.openPredictor());

        ListView<SourceItem> sources = new ListView<>(vm.sources());
        sources.setId("sourcesList");
        sources.setCellFactory(CheckBoxListCell.forListView(SourceItem::enabledProperty));
        sources.setPrefHeight(150);
        VBox.setVgrow(sources, Priority.SOMETIMES);
        Button openFile = new Button("Load profile / table…");
        openFile.setId("openLatencyFile");
        openFile.setOnAction(e -> vm.openLatencyFile());
        Button openFolder = new Button("Load YAML folder…");
        openFolder.setId("openLatencyFolder");
        openFolder.setOnAction(e -> vm.openLatencyFolder());
        // Wraps instead of cutting the labels when the panel is narrow (1280-px screens).
        FlowPane loadButtons = new FlowPane(6, 6, openFile, openFolder);
        for (Button b : List.of(openPredictor, openFile, openFolder)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        ComboBox<SourceItem> chosen = new ComboBox<>(vm.sources());
        chosen.setId("chosenBoard");
        chosen.valueProperty().bindBidirectional(vm.chosenProperty());
        chosen.setMaxWidth(Double.MAX_VALUE);
        chosen.valueProperty().addListener((o, a, s) -> {
            if (s != null) {
                int b = pareto.sweepBoards().stream().map(LatencySource::id).toList().indexOf(s.source().id());
                if (b >= 0) {
                    pareto.chosenBoardProperty().set(b);
                }
            }
        });

        Spinner<Integer> budgets = new Spinner<>(1, 50, pareto.budgetCountProperty().get());
        budgets.setId("budgetCount");
        budgets.setEditable(true);
        budgetCountObject = pareto.budgetCountProperty().asObject();
        budgets.getValueFactory().valueProperty().bindBidirectional(budgetCountObject);
        Spinner<Integer> cloud = new Spinner<>(0, 200_000, pareto.cloudSizeProperty().get(), 5_000);
        cloud.setId("cloudSize");
        cloud.setEditable(true);
        cloudSizeObject = pareto.cloudSizeProperty().asObject();
        cloud.getValueFactory().valueProperty().bindBidirectional(cloudSizeObject);
        GridPane sweep = new GridPane();
        sweep.setHgap(8);
        sweep.setVgap(6);
        Label budgetsLabel = new Label("Budgets/board");
        Label cloudLabel = new Label("Random nets");
        budgetsLabel.setMinWidth(Region.USE_PREF_SIZE);
        cloudLabel.setMinWidth(Region.USE_PREF_SIZE);
        sweep.addRow(0, budgetsLabel, budgets);
        sweep.addRow(1, cloudLabel, cloud);

        Button run = new Button("Run sweep");
        run.setId("runSweep");
        run.setDefaultButton(true);
        run.setMaxWidth(Double.MAX_VALUE);
        run.disableProperty().bind(Bindings.not(vm.readyBinding()).or(pareto.runningProperty()).or(vm.busyProperty()));
        run.setOnAction(e -> pareto.runSweep());

        Label status = new Label();
        status.setId("inputsStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        getChildren().addAll(heading("1  Search space"), space, new Separator(),
                heading("2  Accuracy predictor"), predictor, openPredictor, new Separator(),
                heading("3  Latency sources"), sources, loadButtons, new Label("Chosen board"), chosen,
                new Separator(), heading("Sweep"), sweep, run, status);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        return l;
    }
}
