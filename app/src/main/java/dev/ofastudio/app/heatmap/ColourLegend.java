package dev.ofastudio.app.heatmap;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The heatmap's colour bar: the scale's gradient with low, middle and high values. */
final class ColourLegend extends Canvas {
    private static final double BAR_W = 200;
    private static final double BAR_H = 12;
    private static final double PAD = 14;

    ColourLegend() {
        super(BAR_W + 2 * PAD, 46);
    }

    void show(ColourScale scale, HeatmapMetric metric) {
        GraphicsContext gc = getGraphicsContext2D();
        gc.clearRect(0, 0, getWidth(), getHeight());
        gc.setTextBaseline(VPos.CENTER);
        gc.setFont(Font.font("DejaVu Sans", 10.5));
        gc.setFill(Color.web("#1f2430"));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(metric.label() + " (" + metric.unit() + (metric.logScale() ? ", log scale)" : ")"), PAD, 7);
        for (int i = 0; i < BAR_W; i++) {
            int argb = ColourScale.viridis(i / (BAR_W - 1));
            gc.setFill(Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff));
            gc.fillRect(PAD + i, 16, 1, BAR_H);
        }
        gc.setFill(Color.web("#1f2430"));
        gc.setTextAlign(TextAlignment.CENTER);
        for (double t : new double[] {0, 0.5, 1}) {
            gc.fillText(metric.format(scale.valueAt(t)), PAD + t * BAR_W, 16 + BAR_H + 9);
        }
    }
}
