package dev.ofastudio.app.diagram;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The architecture diagram pane: a canvas that draws the view model's layout scaled to fit, and
 * the selected box's details below it. Clicks and hover are forwarded in diagram units.
 */
public final class DiagramView extends BorderPane {
    private final DiagramViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private final Pane canvasHolder = new Pane(canvas);
    private final Label details = new Label();
    private DiagramBox hovered;
    private double scale = 1;
    private double offsetX;
    private double offsetY;

    /** A diagram without export buttons. */
    public DiagramView(DiagramViewModel viewModel) {
        this(viewModel, null);
    }

    /**
     * A diagram with "PNG…" and "SVG…" export buttons. {@code saveTarget} gets the extension
     * ({@code png} or {@code svg}) and returns the chosen file, typically through the
     * studio's dialog service; null leaves the buttons out.
     */
    public DiagramView(DiagramViewModel viewModel, Function<String, Optional<Path>> saveTarget) {
        this.viewModel = viewModel;
        setId("diagram-view");
        canvas.setId("diagram-canvas");
        details.setId("diagram-details");
        details.setWrapText(true);
        details.setMinHeight(54);
        details.setStyle("-fx-padding: 6 10 6 10; -fx-font-family: 'DejaVu Sans Mono', monospace;");
        details.textProperty().bind(viewModel.detailsProperty());
        canvasHolder.setMinSize(200, 120);
        canvasHolder.setPrefSize(1200, 330);
        // The canvas follows its holder so the diagram rescales with the window.
        canvas.widthProperty().bind(canvasHolder.widthProperty());
        canvas.heightProperty().bind(canvasHolder.heightProperty());
        setCenter(canvasHolder);
        setBottom(details);
        if (saveTarget != null) {
            setTop(exportBar(saveTarget));
        }

        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        viewModel.layoutProperty().addListener(o -> {
            hovered = null;
            redraw();
        });
        viewModel.selectedIdProperty().addListener(o -> redraw());
        canvas.setOnMouseClicked(e -> viewModel.clickAt(toDiagramX(e.getX()), toDiagramY(e.getY())));
        canvas.setOnMouseMoved(e -> {
            hover(boxAt(e.getX(), e.getY()).orElse(null));
            viewModel.hoverAt(toDiagramX(e.getX()), toDiagramY(e.getY()));
        });
        canvas.setOnMouseExited(e -> {
            hover(null);
            viewModel.hoverAt(Double.NaN, Double.NaN);
        });
        redraw();
    }

    private HBox exportBar(Function<String, Optional<Path>> saveTarget) {
        Button png = new Button("PNG…");
        png.setId("diagram-export-png");
        Button svg = new Button("SVG…");
        svg.setId("diagram-export-svg");
        png.disableProperty().bind(viewModel.layoutProperty().isNull().or(viewModel.exportingProperty()));
        svg.disableProperty().bind(viewModel.layoutProperty().isNull());
        // PNG at 2x so the export stays sharp on slides; the snapshot is taken here, on the FX
        // thread, and the view model encodes and writes it in the background.
        png.setOnAction(e -> saveTarget.apply("png").ifPresent(p -> viewModel.exportPngInBackground(p,
                layout -> DiagramExporter.snapshot(layout, 2))));
        svg.setOnAction(e -> saveTarget.apply("svg").ifPresent(viewModel::exportSvg));
        Label status = new Label();
        status.setId("diagram-export-status");
        status.textProperty().bind(viewModel.exportStatusProperty());
        HBox bar = new HBox(6, new Label("Export"), png, svg, status);
        HBox.setHgrow(status, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    /** Canvas coordinates of the centre of box {@code id}, for tests and keyboard focus. */
    public Optional<double[]> centreOf(String id) {
        DiagramLayout l = viewModel.layoutProperty().get();
        return l == null ? Optional.empty() : l.box(id).map(b -> new double[] {
            offsetX + (b.x() + b.w() / 2) * scale, offsetY + (b.y() + b.h() / 2) * scale});
    }

    public Canvas canvas() {
        return canvas;
    }

    private Optional<DiagramBox> boxAt(double cx, double cy) {
        DiagramLayout l = viewModel.layoutProperty().get();
        return l == null ? Optional.empty() : l.boxAt(toDiagramX(cx), toDiagramY(cy));
    }

    private double toDiagramX(double cx) {
        return (cx - offsetX) / scale;
    }

    private double toDiagramY(double cy) {
        return (cy - offsetY) / scale;
    }

    private void hover(DiagramBox box) {
        if (box != hovered) {
            hovered = box;
            canvas.setCursor(box == null ? Cursor.DEFAULT : Cursor.HAND);
            redraw();
        }
    }

    private void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        DiagramLayout l = viewModel.layoutProperty().get();
        if (l == null || w <= 0 || h <= 0) {
            gc.setFill(Color.web("#6b7280"));
            gc.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            gc.setTextBaseline(javafx.geometry.VPos.CENTER);
            gc.fillText("Select a sub-network in the chart to see its blocks.", w / 2, h / 2);
            return;
        }
        // Fit the whole diagram, never enlarging past 1.5× (big boxes look clumsy, not clearer).
        scale = Math.min(1.5, Math.min(w / l.width(), h / l.height()));
        offsetX = Math.max(0, (w - l.width() * scale) / 2);
        offsetY = 0;
        gc.save();
        gc.translate(offsetX, offsetY);
        gc.scale(scale, scale);
        DiagramRenderer.draw(gc, l);
        if (hovered != null) {
            DiagramRenderer.highlight(gc, hovered, false);
        }
        viewModel.selectedBox().ifPresent(b -> DiagramRenderer.highlight(gc, b, true));
        gc.restore();
    }
}
