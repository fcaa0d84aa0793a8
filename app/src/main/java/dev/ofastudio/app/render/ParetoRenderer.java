package dev.ofastudio.app.render;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints the accuracy-vs-latency chart on one canvas, layer by layer (grid and axes, random
 * cloud, search histories, Pareto fronts, reference markers, budget line, measured networks,
 * selection, legend),
 * each inside {@code save}/{@code restore}. Points are blended into one image per frame
 * ({@link PointRaster}); nothing is allocated per point.
 */
public final class ParetoRenderer {
    /** Board colours in legend order (colour-blind safe: Okabe–Ito). */
    public static final List<Color> PALETTE = List.of(Color.web("#0072B2"), Color.web("#D55E00"),
            Color.web("#009E73"), Color.web("#CC79A7"), Color.web("#E69F00"), Color.web("#56B4E9"));
    static final Color BUDGET = Color.web("#C00000");
    static final Color MARKER = Color.web("#555555");
    /** Measured networks: Okabe–Ito yellow (not a board colour) with a black outline. */
    public static final Color MEASURED = Color.web("#F0E442");
    static final double MEASURED_RADIUS = 6;

    private final double fontScale;
    private final PointRaster raster = new PointRaster();

    public ParetoRenderer(double fontScale) {
        this.fontScale = fontScale;
    }

    public static Color boardColor(int b) {
        return PALETTE.get(b % PALETTE.size());
    }

    /** Plot rectangle for a canvas of the given size (room for axis labels). */
    public Viewport layout(Viewport vp, double canvasW, double canvasH) {
        double left = 64 * fontScale;
        double bottom = 44 * fontScale;
        double top = 14 * fontScale;
        double right = 18;
        return vp.withPlot(left, top, canvasW - left - right, canvasH - top - bottom);
    }

    public void render(GraphicsContext gc, Viewport vp, PlotData data, double canvasW, double canvasH) {
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, canvasW, canvasH);
        drawGrid(gc, vp);
        gc.save();
        // A failing layer must not leave the clip set: the axes and every later frame would lose their labels.
        try {
            gc.beginPath();
            gc.rect(vp.left(), vp.top(), vp.width(), vp.height());
            gc.clip();
            drawPointLayers(gc, vp, data);
            drawFronts(gc, vp, data);
            drawMarkers(gc, vp, data);
            drawBudget(gc, vp, data);
            drawMeasured(gc, vp, data);
            drawHighlight(gc, vp, data, data.hovered(), 5, Color.gray(0.1), 1.5);
            drawHighlight(gc, vp, data, data.selected(), 7, Color.BLACK, 2.5);
        } finally {
            gc.restore();
        }
        drawAxes(gc, vp);
        drawLegend(gc, vp, data);
    }

    private Font font(double size, boolean bold) {
        return Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size * fontScale);
    }

    private void drawGrid(GraphicsContext gc, Viewport vp) {
        gc.save();
        gc.setStroke(Color.gray(0.9));
        gc.setLineWidth(1);
        for (double x : NiceTicks.of(vp.xMin(), vp.xMax(), 8)) {
            double px = Math.round(vp.screenX(x)) + 0.5;
            gc.strokeLine(px, vp.top(), px, vp.top() + vp.height());
        }
        for (double y : NiceTicks.of(vp.yMin(), vp.yMax(), 6)) {
            double py = Math.round(vp.screenY(y)) + 0.5;
            gc.strokeLine(vp.left(), py, vp.left() + vp.width(), py);
        }
        gc.restore();
    }

    private void drawAxes(GraphicsContext gc, Viewport vp) {
        gc.save();
        gc.setStroke(Color.gray(0.3));
        gc.strokeRect(vp.left() + 0.5, vp.top() + 0.5, vp.width(), vp.height());
        gc.setFill(Color.gray(0.15));
        gc.setFont(font(11, false));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        double xStep = NiceTicks.step(vp.xMin(), vp.xMax(), 8);
        for (double x : NiceTicks.of(vp.xMin(), vp.xMax(), 8)) {
            gc.fillText(NiceTicks.label(x, xStep), vp.screenX(x), vp.top() + vp.height() + 4);
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        double yStep = NiceTicks.step(vp.yMin(), vp.yMax(), 6);
        for (double y : NiceTicks.of(vp.yMin(), vp.yMax(), 6)) {
            gc.fillText(NiceTicks.label(y, yStep), vp.left() - 6, vp.screenY(y));
        }
        gc.setFont(font(12, true));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText("latency (ms)", vp.left() + vp.width() / 2, vp.top() + vp.height() + 40 * fontScale);
        gc.translate(16 * fontScale, vp.top() + vp.height() / 2);
        gc.rotate(-90);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText("predicted top-1 accuracy (%)", 0, 0);
        gc.restore();
    }

    /** The cloud, then every search's history, blended into one image (see {@link PointRaster}). */
    private void drawPointLayers(GraphicsContext gc, Viewport vp, PlotData d) {
        int left = (int) Math.floor(vp.left());
        int top = (int) Math.floor(vp.top());
        Viewport local = vp.withPlot(vp.left() - left, vp.top() - top, vp.width(), vp.height());
        raster.begin((int) Math.ceil(vp.width() + (vp.left() - left)), (int) Math.ceil(vp.height() + (vp.top() - top)));
        double cloud = 2.5 * Math.max(1, fontScale * 0.8);
        double history = 3 * Math.max(1, fontScale * 0.8);
        for (int b = 0; b < d.boards().size(); b++) {
            if (d.visible()[b]) {
                raster.points(local, d.latency()[b], d.accuracy(), d.origin(), -1, cloud,
                        boardColor(b).deriveColor(0, 0.55, 1.25, 0.35));
            }
        }
        for (int b = 0; b < d.boards().size(); b++) {
            if (d.visible()[b]) {
                raster.points(local, d.latency()[b], d.accuracy(), d.origin(), b, history,
                        boardColor(b).deriveColor(0, 1, 0.8, 0.8));
            }
        }
        raster.draw(gc, left, top);
    }

    private void drawFronts(GraphicsContext gc, Viewport vp, PlotData d) {
        for (int b = 0; b < d.boards().size(); b++) {
            int[] front = d.fronts()[b];
            if (!d.visible()[b] || front.length == 0) {
                continue;
            }
            gc.save();
            gc.setStroke(boardColor(b).darker());
            gc.setLineWidth(2.2 * fontScale);
            gc.beginPath();
            for (int k = 0; k < front.length; k++) {
                int i = front[k];
                double px = vp.screenX(d.latency()[b][i]);
                double py = vp.screenY(d.accuracy()[i]);
                if (k == 0) {
                    gc.moveTo(px, py);
                } else {
                    gc.lineTo(px, py);
                }
            }
            gc.stroke();
            gc.restore();
        }
    }

    private void drawMarkers(GraphicsContext gc, Viewport vp, PlotData d) {
        gc.save();
        gc.setStroke(MARKER);
        gc.setFill(MARKER);
        gc.setLineWidth(1.2 * fontScale);
        gc.setLineDashes(6, 4);
        gc.setFont(font(11, true));
        gc.setTextBaseline(VPos.TOP);
        int k = 0;
        for (PlotData.Marker m : d.markers()) {
            double px = vp.screenX(m.latencyMs());
            gc.strokeLine(px, vp.top(), px, vp.top() + vp.height());
            String label = m.label() + (Double.isNaN(m.accuracy()) ? "" : String.format(" (%.1f%%)", m.accuracy()));
            double ly = vp.top() + 4 + (k++ % 4) * 16 * fontScale;
            // A white plate keeps the label readable over dense points.
            gc.setFill(Color.rgb(255, 255, 255, 0.85));
            gc.fillRect(px + 2, ly - 1, label.length() * 6.6 * fontScale, 15 * fontScale);
            gc.setFill(MARKER);
            gc.fillText(label, px + 4, ly);
        }
        gc.restore();
    }

    /**
     * Screen centre of a measured network's glyph: a diamond at (latency, accuracy), or, with no
     * known accuracy, a triangle on the latency axis (a rug tick inside the plot's bottom edge).
     */
    public static double[] measuredCentre(Viewport vp, PlotData.Measured m) {
        double y = m.onAxis() ? vp.top() + vp.height() - MEASURED_RADIUS - 1 : vp.screenY(m.accuracy());
        return new double[] {vp.screenX(m.latencyMs()), y};
    }

    private void drawMeasured(GraphicsContext gc, Viewport vp, PlotData d) {
        gc.save();
        gc.setLineWidth(1.5);
        gc.setFont(font(10, true));
        gc.setTextBaseline(VPos.BOTTOM);
        double r = MEASURED_RADIUS * fontScale;
        for (PlotData.Measured m : d.measured()) {
            double[] c = measuredCentre(vp, m);
            if (m.onAxis()) {
                triangle(gc, c[0], c[1], r);
            } else {
                diamond(gc, c[0], c[1], r);
            }
            gc.setFill(Color.BLACK);
            // Near the right edge the label goes to the left of the glyph.
            boolean left = c[0] + r + 2 + m.label().length() * 6 * fontScale > vp.left() + vp.width();
            gc.setTextAlign(left ? TextAlignment.RIGHT : TextAlignment.LEFT);
            gc.fillText(m.label(), left ? c[0] - r - 2 : c[0] + r + 2, c[1] - 2);
        }
        gc.restore();
    }

    private static void diamond(GraphicsContext gc, double x, double y, double r) {
        double[] xs = {x, x + r, x, x - r};
        double[] ys = {y - r, y, y + r, y};
        gc.setFill(MEASURED);
        gc.fillPolygon(xs, ys, 4);
        gc.setStroke(Color.BLACK);
        gc.strokePolygon(xs, ys, 4);
    }

    private static void triangle(GraphicsContext gc, double x, double y, double r) {
        double[] xs = {x - r, x + r, x};
        double[] ys = {y + r, y + r, y - r};
        gc.setFill(MEASURED);
        gc.fillPolygon(xs, ys, 3);
        gc.setStroke(Color.BLACK);
        gc.strokePolygon(xs, ys, 3);
    }

    /** The legend's lines: one per board, then the measured networks' entry when there are any. */
    public static List<String> legendEntries(PlotData d) {
        List<String> out = new java.util.ArrayList<>();
        for (int b = 0; b < d.boards().size(); b++) {
            out.add(d.boards().get(b) + (b == d.chosen() ? "  (chosen)" : ""));
        }
        if (!d.measured().isEmpty()) {
            out.add("measured on " + d.measuredOn() + " (" + d.measured().size() + ")");
        }
        return out;
    }

    private void drawBudget(GraphicsContext gc, Viewport vp, PlotData d) {
        if (Double.isNaN(d.budgetMs())) {
            return;
        }
        gc.save();
        double px = Math.round(vp.screenX(d.budgetMs())) + 0.5;
        gc.setStroke(BUDGET);
        gc.setLineWidth(2 * fontScale);
        gc.strokeLine(px, vp.top(), px, vp.top() + vp.height());
        gc.setFill(BUDGET);
        gc.fillRect(px - 5, vp.top() + vp.height() / 2 - 12, 10, 24);
        gc.setFont(font(11, true));
        gc.setTextBaseline(VPos.CENTER);
        // Beside the drag handle: clear of the legend (bottom right) and the marker labels (top).
        String label = String.format("budget %.2f ms", d.budgetMs());
        double ly = vp.top() + vp.height() / 2;
        gc.setFill(Color.rgb(255, 255, 255, 0.85));
        gc.fillRect(px + 7, ly - 8 * fontScale, label.length() * 6.6 * fontScale, 16 * fontScale);
        gc.setFill(BUDGET);
        gc.fillText(label, px + 9, ly);
        gc.restore();
    }

    private void drawHighlight(GraphicsContext gc, Viewport vp, PlotData d, int row, double r, Color c, double w) {
        if (row < 0 || row >= d.rows()) {
            return;
        }
        gc.save();
        gc.setStroke(c);
        gc.setLineWidth(w);
        for (int b = 0; b < d.boards().size(); b++) {
            if (d.visible()[b]) {
                double px = vp.screenX(d.latency()[b][row]);
                double py = vp.screenY(d.accuracy()[row]);
                gc.strokeOval(px - r * fontScale, py - r * fontScale, 2 * r * fontScale, 2 * r * fontScale);
            }
        }
        gc.restore();
    }

    private void drawLegend(GraphicsContext gc, Viewport vp, PlotData d) {
        if (d.boards().isEmpty() && d.measured().isEmpty()) {
            return;
        }
        gc.save();
        gc.setFont(font(12, false));
        gc.setTextBaseline(VPos.CENTER);
        List<String> lines = legendEntries(d);
        double lineH = 18 * fontScale;
        double w = 200 * fontScale;
        double x = vp.left() + vp.width() - w - 10;
        double y = vp.top() + vp.height() - 10 - lineH * lines.size() - 8;
        gc.setFill(Color.rgb(255, 255, 255, 0.85));
        gc.fillRect(x, y, w, lineH * lines.size() + 8);
        gc.setStroke(Color.gray(0.7));
        gc.strokeRect(x, y, w, lineH * lines.size() + 8);
        for (int b = 0; b < lines.size(); b++) {
            double cy = y + 4 + lineH * (b + 0.5);
            boolean board = b < d.boards().size();
            boolean shown = !board || d.visible()[b];
            if (board) {
                gc.setFill(shown ? boardColor(b) : Color.gray(0.8));
                gc.fillRect(x + 8, cy - 5 * fontScale, 10 * fontScale, 10 * fontScale);
            } else {
                gc.setLineWidth(1.5);
                diamond(gc, x + 13 * fontScale, cy, 5 * fontScale);
            }
            gc.setFill(shown ? Color.gray(0.1) : Color.gray(0.6));
            gc.fillText(lines.get(b), x + 24 * fontScale, cy);
        }
        gc.restore();
    }
}
