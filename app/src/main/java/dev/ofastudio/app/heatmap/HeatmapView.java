package dev.ofastudio.app.heatmap;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.util.Duration;

/**
 * The heatmap pane: the metric switch on top, the sub-network's and the baseline's tables side by
 * side, and at the right the what-if grid, the colour legend and the hovered cell's values. It
 * only draws the view model's state and forwards the pointer to it.
 */
public final class HeatmapView extends BorderPane {
    private final HeatmapViewModel viewModel;
    private final HeatmapTableCanvas subnetCanvas =
            new HeatmapTableCanvas("Select a sub-network in the chart to see its layers here.");
    private final HeatmapTableCanvas baselineCanvas = new HeatmapTableCanvas("");
    private final WhatIfCanvas whatIfCanvas = new WhatIfCanvas();
    private final ColourLegend legend = new ColourLegend();
    private final Label whatIfTitle = new Label();
    private final Label hoverLabel = new Label();
    private final Tooltip tooltip = new Tooltip();
    private final Tooltip baselineTooltip = new Tooltip();

    public HeatmapView(HeatmapViewModel viewModel) {
        this.viewModel = viewModel;
        setId("heatmap-view");
        subnetCanvas.setId("heatmap-subnet");
        baselineCanvas.setId("heatmap-baseline");
        whatIfCanvas.setId("heatmap-whatif");
        legend.setId("heatmap-legend");
        hoverLabel.setId("heatmap-hover");

        ChoiceBox<HeatmapMetric> metric = new ChoiceBox<>();
        metric.setId("heatmap-metric");
        metric.getItems().setAll(HeatmapMetric.values());
        metric.valueProperty().bindBidirectional(viewModel.metricProperty());
        Label error = new Label();
        error.setId("heatmap-error");
        error.setStyle("-fx-text-fill: #b91c1c;");
        error.textProperty().bind(viewModel.errorProperty());
        Label note = new Label();
        note.setId("heatmap-note");
        note.setStyle("-fx-text-fill: #4b5563;");
        note.textProperty().bind(viewModel.noteProperty());
        HBox top = new HBox(8, new Label("Colour by"), metric, error, note);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);

        HBox tables = new HBox(24, subnetCanvas, baselineCanvas);
        tables.setPadding(new Insets(4, 8, 8, 8));
        ScrollPane scroll = new ScrollPane(tables);
        scroll.setFitToHeight(false);
        setCenter(scroll);

        whatIfTitle.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 12));
        whatIfTitle.setWrapText(true);
        hoverLabel.setWrapText(true);
        hoverLabel.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace; -fx-font-size: 11px;");
        hoverLabel.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.hoverTextProperty().isEmpty())
                .then("Hover a cell for its values;\nhover a block row for its what-if grid.")
                .otherwise(viewModel.hoverTextProperty()));
        VBox side = new VBox(8, whatIfTitle, whatIfCanvas, legend, hoverLabel);
        side.setPadding(new Insets(8));
        side.setPrefWidth(300);
        side.setMinWidth(260);
        setRight(side);

        // one tooltip per canvas, both showing the view model's hover text
        for (Tooltip t : new Tooltip[] {tooltip, baselineTooltip}) {
            t.setShowDelay(Duration.millis(80));
            t.setHideDelay(Duration.millis(80));
            t.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace;");
            t.textProperty().bind(viewModel.hoverTextProperty());
        }
        Tooltip.install(subnetCanvas, tooltip);
        Tooltip.install(baselineCanvas, baselineTooltip);
        wirePointer(subnetCanvas);
        wirePointer(baselineCanvas);

        viewModel.subnetTableProperty().addListener(o -> redraw());
        viewModel.baselineTableProperty().addListener(o -> redraw());
        viewModel.colourScaleProperty().addListener(o -> redraw());
        viewModel.metricProperty().addListener(o -> redraw());
        viewModel.whatIfProperty().addListener(o -> redraw());
        redraw();
    }

    /** The tooltip that shows the hovered cell's values over the sub-network's table. */
    public Tooltip tooltip() {
        return tooltip;
    }

    /** Screen-independent centre of a sub-network cell (row n = total), in the subnet canvas. */
    public double[] subnetCellCentre(int row, int board) {
        return subnetCanvas.cellCentre(row, board);
    }

    private void wirePointer(HeatmapTableCanvas canvas) {
        canvas.setOnMouseMoved(e -> {
            int row = canvas.rowAt(e.getY());
            int col = canvas.columnAt(e.getX());
            if (row < 0 || col < 0) {
                canvas.setHover(-1, -1);
                viewModel.clearHover();
                return;
            }
            canvas.setHover(row, col);
            viewModel.hoverCell(canvas.table(), row, col);
        });
        canvas.setOnMouseExited(e -> {
            canvas.setHover(-1, -1);
            viewModel.clearHover();
        });
    }

    private void redraw() {
        HeatmapMetric m = viewModel.metricProperty().get();
        ColourScale scale = viewModel.colourScaleProperty().get();
        WhatIfGrid grid = viewModel.whatIfProperty().get();
        HeatmapTable subnet = viewModel.subnetTableProperty().get();
        int marked = grid == null || subnet == null ? -1 : subnet.rowOfBlock(grid.block());
        subnetCanvas.show(subnet, m, scale, marked);
        baselineCanvas.show(viewModel.baselineTableProperty().get(), m, scale, -1);
        baselineCanvas.setVisible(viewModel.baselineTableProperty().get() != null);
        baselineCanvas.setManaged(baselineCanvas.isVisible());
        whatIfCanvas.show(grid);
        whatIfTitle.setText(grid == null ? "What if (kernel × expand)"
                : "What if " + grid.layerName() + " on " + grid.board() + " (ms, current outlined)");
        legend.show(scale, m);
    }
}
