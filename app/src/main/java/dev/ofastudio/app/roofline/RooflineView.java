package dev.ofastudio.app.roofline;

import dev.ofastudio.app.roofline.RooflineViewModel.Kind;
import dev.ofastudio.app.roofline.RooflineViewModel.Plot;
import dev.ofastudio.app.roofline.RooflineViewModel.Point;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The roofline chart: log-log, ops/byte against GOPS/s, the board's memory slope and compute roof,
 * the selected net's layers (small dots), the front's nets (rings), the selected net (filled, large)
 * and MobileNetV2 (square). A board picker above it.
 */
public final class RooflineView extends BorderPane {
    static final Color LAYER = Color.web("#9aa5b1");
    static final Color FRONT = Color.web("#3b82c4");
    static final Color SELECTED = Color.web("#d9480f");
    static final Color BASELINE = Color.web("#2b8a3e");
    static final Color ROOF = Color.web("#222222");
    static final double X_MIN = 1;
    static final double X_MAX = 1000;
    static final double Y_MIN = 1;
    static final double Y_MAX = 3000;
    private static final double MARGIN_L = 56;
    private static final double MARGIN_B = 40;
    private static final double MARGIN_T = 12;
    private static final double MARGIN_R = 16;

    private final RooflineViewModel vm;
    private final Canvas canvas = new Canvas(640, 420);
    private final Label legend = new Label();

    public RooflineView(RooflineViewModel vm) {
        this.vm = vm;
        ChoiceBox<String> board = new ChoiceBox<>(FXCollections.observableArrayList(vm.boards()));
        board.setId("roofline-board");
        board.getSelectionModel().select(vm.boardProperty().get());
        board.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> vm.boardProperty().set(b.intValue()));
        canvas.setId("roofline-canvas");
        legend.setId("roofline-legend");
        HBox top = new HBox(8, new Label("Board"), board, legend);
        top.setPadding(new Insets(6));
        setTop(top);
        Pane holder = new Pane(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        holder.setMinSize(320, 240);
        setCenter(holder);
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        vm.plotProperty().addListener((o, a, p) -> draw());
        draw();
    }

    /** Canvas pixel of a point (for tests and tooltips). */
    public double[] toPixel(double opsPerByte, double gopsPerS) {
        double w = canvas.getWidth() - MARGIN_L - MARGIN_R;
        double h = canvas.getHeight() - MARGIN_T - MARGIN_B;
        double fx = Math.log(clamp(opsPerByte, X_MIN, X_MAX) / X_MIN) / Math.log(X_MAX / X_MIN);
        double fy = Math.log(clamp(gopsPerS, Y_MIN, Y_MAX) / Y_MIN) / Math.log(Y_MAX / Y_MIN);
        return new double[] {MARGIN_L + fx * w, MARGIN_T + (1 - fy) * h};
    }

    public Canvas canvas() {
        return canvas;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Plot p = vm.plotProperty().get();
        drawAxes(g);
        if (p == null) {
            legend.setText("no board");
            return;
        }
        // Memory slope up to the ridge, then the compute roof.
        double ridge = p.peakGops() / p.bandwidthGBps();
        double[] a = toPixel(X_MIN, p.roof(X_MIN));
        double[] r = toPixel(ridge, p.peakGops());
        double[] e = toPixel(X_MAX, p.peakGops());
        g.setStroke(ROOF);
        g.setLineWidth(2);
        g.strokeLine(a[0], a[1], r[0], r[1]);
        g.strokeLine(r[0], r[1], e[0], e[1]);
        for (Kind k : new Kind[] {Kind.LAYER, Kind.FRONT_NET, Kind.BASELINE, Kind.SELECTED_NET}) {
            for (Point pt : p.of(k)) {
                double[] c = toPixel(pt.opsPerByte(), pt.gopsPerS());
                switch (k) {
                    case LAYER -> dot(g, c, 3, LAYER);
                    case FRONT_NET -> {
                        g.setStroke(FRONT);
                        g.setLineWidth(1.5);
                        g.strokeOval(c[0] - 5, c[1] - 5, 10, 10);
                    }
                    case BASELINE -> {
                        g.setFill(BASELINE);
                        g.fillRect(c[0] - 6, c[1] - 6, 12, 12);
                        g.fillText("MobileNetV2", c[0] + 9, c[1] + 4);
                    }
                    case SELECTED_NET -> {
                        dot(g, c, 7, SELECTED);
                        g.fillText("selected", c[0] + 9, c[1] - 6);
                    }
                }
            }
        }
        legend.setText(String.format(Locale.ROOT, "%s: roof %.0f GOPS/s, slope %.1f GB/s, ridge %.0f ops/byte; "
                + "%d layers, %d front nets", p.board(), p.peakGops(), p.bandwidthGBps(), ridge,
                p.of(Kind.LAYER).size(), p.of(Kind.FRONT_NET).size()));
    }

    private static void dot(GraphicsContext g, double[] c, double radius, Color colour) {
        g.setFill(colour);
        g.fillOval(c[0] - radius, c[1] - radius, 2 * radius, 2 * radius);
    }

    private void drawAxes(GraphicsContext g) {
        g.setStroke(Color.web("#dddddd"));
        g.setLineWidth(1);
        g.setFill(Color.web("#444444"));
        for (double x = X_MIN; x <= X_MAX; x *= 10) {
            double[] p = toPixel(x, Y_MIN);
            double[] q = toPixel(x, Y_MAX);
            g.strokeLine(p[0], p[1], q[0], q[1]);
            g.fillText(String.format(Locale.ROOT, "%.0f", x), p[0] - 8, p[1] + 16);
        }
        for (double y = Y_MIN; y <= Y_MAX; y *= 10) {
            double[] p = toPixel(X_MIN, y);
            double[] q = toPixel(X_MAX, y);
            g.strokeLine(p[0], p[1], q[0], q[1]);
            g.fillText(String.format(Locale.ROOT, "%.0f", y), 8, p[1] + 4);
        }
        double[] o = toPixel(X_MIN, Y_MIN);
        g.fillText("ops/byte", canvas.getWidth() / 2, o[1] + 32);
        g.fillText("GOPS/s", 4, MARGIN_T + 8);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
