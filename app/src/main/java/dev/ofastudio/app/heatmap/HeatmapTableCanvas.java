package dev.ofastudio.app.heatmap;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws one {@link HeatmapTable}: a title, board headers, one row of cells per layer (fillRect
 * per cell: tens of rows × a few boards) and the total row. Sizes itself to the table.
 */
final class HeatmapTableCanvas extends Canvas {
    static final double TITLE_H = 22;
    static final double HEADER_H = 20;
    static final double ROW_H = 17;
    static final double TOTAL_GAP = 6;
    static final double LABEL_W = 168;
    static final double COL_W = 66;
    private static final Font CELL_FONT = Font.font("DejaVu Sans", 10.5);
    private static final Font BOLD_FONT = Font.font("DejaVu Sans", FontWeight.BOLD, 11);
    private static final Color GRID = Color.web("#ffffff");
    private static final Color INK = Color.web("#1f2430");
    private static final Color MUTED = Color.web("#6b7280");
    private static final Color TOTAL_FILL = Color.web("#e5e7eb");

    private HeatmapTable table;
    private HeatmapMetric metric = HeatmapMetric.LATENCY;
    private ColourScale scale = new ColourScale(1, 1, true);
    private int hoverRow = -1;
    private int hoverCol = -1;
    private int markedRow = -1;
    private final String placeholder;

    /** @param placeholder what to say while there is no table */
    HeatmapTableCanvas(String placeholder) {
        this.placeholder = placeholder;
    }

    void show(HeatmapTable table, HeatmapMetric metric, ColourScale scale, int markedRow) {
        this.table = table;
        this.metric = metric;
        this.scale = scale;
        this.markedRow = markedRow;
        int rows = table == null ? 1 : table.rows().size();
        int cols = table == null ? 3 : table.boards().size();
        setWidth(LABEL_W + cols * COL_W + 2);
        // Total (layers), then the per-frame CPU overhead and the end-to-end latency as rows of their own.
        setHeight(TITLE_H + HEADER_H + rows * ROW_H + TOTAL_GAP + (table == null ? 1 : 3) * ROW_H + 4);
        redraw();
    }

    HeatmapTable table() {
        return table;
    }

    /** Row under {@code y}: 0..n-1 for layers, n for the total row, -1 elsewhere. */
    int rowAt(double y) {
        if (table == null) {
            return -1;
        }
        int n = table.rows().size();
        double top = TITLE_H + HEADER_H;
        if (y >= top && y < top + n * ROW_H) {
            return (int) ((y - top) / ROW_H);
        }
        double totalTop = top + n * ROW_H + TOTAL_GAP;
        return y >= totalTop && y < totalTop + ROW_H ? n : -1;
    }

    /** Board column under {@code x}, -1 outside the cells. */
    int columnAt(double x) {
        if (table == null || x < LABEL_W) {
            return -1;
        }
        int c = (int) ((x - LABEL_W) / COL_W);
        return c < table.boards().size() ? c : -1;
    }

    /** Centre of a cell in canvas coordinates (row n = total row). */
    double[] cellCentre(int row, int col) {
        return new double[] {LABEL_W + (col + 0.5) * COL_W, rowTop(row) + ROW_H / 2};
    }

    void setHover(int row, int col) {
        if (row != hoverRow || col != hoverCol) {
            hoverRow = row;
            hoverCol = col;
            redraw();
        }
    }

    private double rowTop(int row) {
        double top = TITLE_H + HEADER_H + row * ROW_H;
        return table != null && row >= table.rows().size() ? top + TOTAL_GAP : top;
    }

    private void redraw() {
        GraphicsContext gc = getGraphicsContext2D();
        gc.clearRect(0, 0, getWidth(), getHeight());
        gc.setTextBaseline(VPos.CENTER);
        if (table == null) {
            gc.setFont(CELL_FONT);
            gc.setFill(MUTED);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.fillText(placeholder, 2, TITLE_H / 2);
            return;
        }
        gc.setTextBaseline(VPos.CENTER);
        gc.setFont(BOLD_FONT);
        gc.setFill(INK);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(table.title(), 2, TITLE_H / 2);
        int cols = table.boards().size();
        gc.setTextAlign(TextAlignment.CENTER);
        for (int c = 0; c < cols; c++) {
            // a long header (a loaded file's name) is squeezed into its column
            gc.fillText(table.boards().get(c), LABEL_W + (c + 0.5) * COL_W, TITLE_H + HEADER_H / 2, COL_W - 4);
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setFill(MUTED);
        gc.fillText(metric.unit(), LABEL_W - 6, TITLE_H + HEADER_H / 2);
        int n = table.rows().size();
        for (int r = 0; r < n; r++) {
            double y = rowTop(r);
            gc.setFont(CELL_FONT);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setFill(INK);
            gc.fillText(table.rows().get(r).label(), 2, y + ROW_H / 2, LABEL_W - 8);
            for (int c = 0; c < cols; c++) {
                double v = table.value(r, c, metric);
                int argb = scale.argb(v);
                cell(gc, c, y, Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff),
                        ColourScale.prefersDarkText(argb) ? INK : Color.WHITE, metric.format(v));
            }
        }
        double y = rowTop(n);
        gc.setFont(BOLD_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(INK);
        gc.fillText("Total (layers)", 2, y + ROW_H / 2);
        for (int c = 0; c < cols; c++) {
            cell(gc, c, y, TOTAL_FILL, INK, metric.format(table.total(c, metric)));
        }
        gc.setFont(CELL_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(INK);
        gc.fillText("+ frame overhead, CPU (ms)", 2, y + ROW_H * 1.5, LABEL_W - 8);
        gc.setFont(BOLD_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(INK);
        gc.fillText("End to end (ms)", 2, y + ROW_H * 2.5, LABEL_W - 8);
        for (int c = 0; c < cols; c++) {
            var report = table.reports().get(c);
            cell(gc, c, y + ROW_H, Color.WHITE, INK, HeatmapMetric.LATENCY.format(report.frameOverheadMs()));
            cell(gc, c, y + 2 * ROW_H, TOTAL_FILL, INK, HeatmapMetric.LATENCY.format(report.latencyMs()));
        }
        if (markedRow >= 0 && markedRow < n) {
            gc.setStroke(Color.web("#f43f5e"));
            gc.setLineWidth(2);
            gc.strokeRect(1, rowTop(markedRow) + 1, LABEL_W + cols * COL_W - 1, ROW_H - 2);
        }
        if (hoverRow >= 0 && hoverCol >= 0) {
            gc.setStroke(Color.BLACK);
            gc.setLineWidth(2);
            gc.strokeRect(LABEL_W + hoverCol * COL_W + 1, rowTop(hoverRow) + 1, COL_W - 2, ROW_H - 2);
        }
    }

    private static void cell(GraphicsContext gc, int c, double y, Color fill, Color text, String value) {
        double x = LABEL_W + c * COL_W;
        gc.setFill(fill);
        gc.fillRect(x, y, COL_W, ROW_H);
        gc.setStroke(GRID);
        gc.setLineWidth(1);
        gc.strokeRect(x + 0.5, y + 0.5, COL_W - 1, ROW_H - 1);
        gc.setFill(text);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText(value, x + COL_W / 2, y + ROW_H / 2);
    }
}
