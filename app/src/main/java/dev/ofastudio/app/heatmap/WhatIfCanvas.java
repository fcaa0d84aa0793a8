package dev.ofastudio.app.heatmap;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Draws a {@link WhatIfGrid}: kernels down, expands across, the current choice outlined. */
final class WhatIfCanvas extends Canvas {
    static final double HEAD = 20;
    static final double CELL_W = 62;
    static final double CELL_H = 30;
    private static final Color INK = Color.web("#1f2430");
    private static final Color MUTED = Color.web("#6b7280");

    WhatIfCanvas() {
        super(HEAD + 3 * CELL_W + 4, HEAD + 3 * CELL_H + 4);
    }

    void show(WhatIfGrid grid) {
        int rows = grid == null ? 3 : grid.kernels().size();
        int cols = grid == null ? 3 : grid.expands().size();
        setWidth(HEAD + cols * CELL_W + 4);
        setHeight(HEAD + rows * CELL_H + 4);
        GraphicsContext gc = getGraphicsContext2D();
        gc.clearRect(0, 0, getWidth(), getHeight());
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.CENTER);
        if (grid == null) {
            gc.setFill(MUTED);
            gc.setFont(Font.font("DejaVu Sans", 11));
            gc.fillText("hover an elastic block", getWidth() / 2, getHeight() / 2);
            return;
        }
        ColourScale scale = grid.colourScale();
        gc.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 11));
        gc.setFill(INK);
        for (int e = 0; e < cols; e++) {
            gc.fillText("e" + grid.expands().get(e), HEAD + (e + 0.5) * CELL_W, HEAD / 2);
        }
        for (int k = 0; k < rows; k++) {
            gc.setFill(INK);
            gc.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 11));
            gc.fillText("k" + grid.kernels().get(k), HEAD / 2, HEAD + (k + 0.5) * CELL_H);
            for (int e = 0; e < cols; e++) {
                double v = grid.latencyMs(k, e);
                int argb = scale.argb(v);
                double x = HEAD + e * CELL_W;
                double y = HEAD + k * CELL_H;
                gc.setFill(Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff));
                gc.fillRect(x, y, CELL_W, CELL_H);
                gc.setStroke(Color.WHITE);
                gc.setLineWidth(1);
                gc.strokeRect(x + 0.5, y + 0.5, CELL_W - 1, CELL_H - 1);
                boolean current = grid.isCurrent(k, e);
                gc.setFill(ColourScale.prefersDarkText(argb) ? INK : Color.WHITE);
                gc.setFont(Font.font("DejaVu Sans", current ? FontWeight.BOLD : FontWeight.NORMAL, 11));
                gc.fillText(HeatmapMetric.LATENCY.format(v), x + CELL_W / 2, y + CELL_H / 2);
                if (current) {
                    gc.setStroke(Color.web("#f43f5e"));
                    gc.setLineWidth(3);
                    gc.strokeRect(x + 2, y + 2, CELL_W - 4, CELL_H - 4);
                }
            }
        }
    }
}
