package dev.ofastudio.app.calibrate;

import dev.ofastudio.app.calibrate.CalibrationViewModel.Row;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.profile.ProfileCalibrator;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The calibration dialog's content: a board picker, a small table of measurements (typed or loaded
 * from a file), Calibrate, the measured-vs-predicted plot (uncalibrated, calibrated in-sample and
 * leave-one-out), the verdict, and "Add as latency source".
 */
public final class CalibrationView extends BorderPane {
    static final Color BEFORE = Color.web("#9aa5b1");
    static final Color AFTER = Color.web("#3b82c4");
    static final Color LOO = Color.web("#d9480f");
    private static final double PAD = 36;

    private final CalibrationViewModel vm;
    private final Canvas plot = new Canvas(360, 300);

    public CalibrationView(CalibrationViewModel vm) {
        this.vm = vm;
        ChoiceBox<String> board = new ChoiceBox<>(FXCollections.observableArrayList(BoardSpecs.SHIPPED));
        board.setId("calibrate-board");
        board.valueProperty().bindBidirectional(vm.boardProperty());
        TableView<Row> table = new TableView<>(vm.rows());
        table.setId("calibrate-table");
        TableColumn<Row, String> net = new TableColumn<>("network");
        net.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().network()));
        TableColumn<Row, String> kind = new TableColumn<>("kind");
        kind.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().kind().jsonName()));
        TableColumn<Row, String> ms = new TableColumn<>("measured ms");
        ms.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%.3f", c.getValue().measuredMs())));
        table.getColumns().add(net);
        table.getColumns().add(kind);
        table.getColumns().add(ms);
        table.setPrefHeight(180);
        TextField netField = new TextField();
        netField.setId("calibrate-network");
        netField.setPromptText("mobilenetv2_1.0_224");
        ChoiceBox<String> kindBox = new ChoiceBox<>(FXCollections.observableArrayList("e2e", "dpu"));
        kindBox.setId("calibrate-kind");
        kindBox.setValue("e2e");
        TextField msField = new TextField();
        msField.setId("calibrate-ms");
        msField.setPromptText("ms");
        msField.setPrefColumnCount(6);
        Button add = new Button("Add");
        add.setId("calibrate-add");
        add.setOnAction(e -> {
            if (vm.addRow(netField.getText(), kindBox.getValue(), msField.getText())) {
                netField.clear();
                msField.clear();
            }
        });
        Button open = new Button("Open measurements…");
        open.setId("calibrate-open");
        open.setOnAction(e -> vm.openMeasurements());
        Button run = new Button("Calibrate");
        run.setId("calibrate-run");
        run.disableProperty().bind(vm.busyProperty());
        run.setOnAction(e -> vm.calibrate());
        Button addSource = new Button("Add as latency source…");
        addSource.setId("calibrate-add-source");
        addSource.disableProperty().bind(vm.resultProperty().isNull());
        addSource.setOnAction(e -> vm.addAsSource());
        Label status = new Label();
        status.setId("calibrate-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        VBox left = new VBox(6, new HBox(6, new Label("Board"), board, open), table,
                new HBox(6, netField, kindBox, msField, add), new HBox(6, run, addSource), status);
        left.setPadding(new Insets(8));
        left.setPrefWidth(460);
        plot.setId("calibrate-plot");
        setLeft(left);
        setCenter(plot);
        vm.resultProperty().addListener((o, a, r) -> draw(r));
        draw(null);
    }

    /** Canvas pixel of (measured, predicted) on the log-log plot of the current result. */
    public double[] toPixel(double measuredMs, double predictedMs) {
        double[] range = range(vm.resultProperty().get());
        double w = plot.getWidth() - 2 * PAD;
        double h = plot.getHeight() - 2 * PAD;
        double fx = Math.log(measuredMs / range[0]) / Math.log(range[1] / range[0]);
        double fy = Math.log(predictedMs / range[0]) / Math.log(range[1] / range[0]);
        return new double[] {PAD + fx * w, PAD + (1 - fy) * h};
    }

    public Canvas plot() {
        return plot;
    }

    private static double[] range(ProfileCalibrator.Result r) {
        double lo = 0.5;
        double hi = 100;
        if (r != null) {
            lo = Double.MAX_VALUE;
            hi = 0;
            for (ProfileCalibrator.Point p : r.points()) {
                for (double v : new double[] {p.measuredMs(), p.beforeMs(), p.afterMs(), p.looMs()}) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            lo /= 1.5;
            hi *= 1.5;
        }
        return new double[] {lo, hi};
    }

    private void draw(ProfileCalibrator.Result r) {
        GraphicsContext g = plot.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, plot.getWidth(), plot.getHeight());
        double[] range = range(r);
        double[] a = toPixel(range[0], range[0]);
        double[] b = toPixel(range[1], range[1]);
        g.setStroke(Color.web("#bbbbbb"));
        g.strokeLine(a[0], a[1], b[0], b[1]);
        g.setFill(Color.web("#444444"));
        g.fillText("measured ms →", plot.getWidth() / 2 - 30, plot.getHeight() - 8);
        g.fillText("predicted ms", 4, 16);
        if (r == null) {
            return;
        }
        for (ProfileCalibrator.Point p : r.points()) {
            dot(g, toPixel(p.measuredMs(), p.beforeMs()), 4, BEFORE);
            dot(g, toPixel(p.measuredMs(), p.afterMs()), 4, AFTER);
            dot(g, toPixel(p.measuredMs(), p.looMs()), 5, LOO);
        }
        g.setFill(Color.web("#444444"));
        g.fillText("grey: uncalibrated   blue: calibrated   red: left out", PAD, plot.getHeight() - 22);
    }

    private static void dot(GraphicsContext g, double[] c, double radius, Color colour) {
        g.setFill(colour);
        g.fillOval(c[0] - radius, c[1] - radius, 2 * radius, 2 * radius);
    }
}
