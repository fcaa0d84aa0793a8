package dev.ofastudio.app.training;

import dev.ofastudio.app.render.NiceTicks;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * A resizable canvas with a titled plot area and a numeric y axis: the frame both training charts
 * draw in. One canvas, no node per point, so a long run's thousands of points stay cheap.
 */
abstract class CurveCanvas extends Pane {
    /** One colour per phase (teacher, kernel, depth-1, depth-2, expand-1, expand-2, then again). */
    static final Color[] PHASE_COLOURS = {Color.web("#495057"), Color.web("#3b82c4"), Color.web("#2b8a3e"),
        Color.web("#74b816"), Color.web("#d9480f"), Color.web("#ae3ec9")};
    static final double MARGIN_L = 52;
    static final double MARGIN_R = 14;
    static final double MARGIN_T = 26;
    static final double MARGIN_B = 34;

    final Canvas canvas = new Canvas(400, 260);
    private final String title;
    double yMin;
    double yMax = 1;
    double xMin;
    double xMax = 1;

    CurveCanvas(String title) {
        this.title = title;
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        setMinSize(240, 180);
        setPrefSize(480, 300);
    }

    static Color phaseColour(int index) {
        return PHASE_COLOURS[Math.floorMod(index, PHASE_COLOURS.length)];
    }

    double plotWidth() {
        return Math.max(1, canvas.getWidth() - MARGIN_L - MARGIN_R);
    }

    double plotHeight() {
        return Math.max(1, canvas.getHeight() - MARGIN_T - MARGIN_B);
    }

    double yPixel(double y) {
        return MARGIN_T + (1 - (y - yMin) / (yMax - yMin)) * plotHeight();
    }

    double xPixel(double x) {
        return MARGIN_L + (x - xMin) / (xMax - xMin) * plotWidth();
    }

    /** Tick labels along the bottom for a numeric x axis, and its title. */
    void drawXAxis(GraphicsContext g, String name) {
        double bottom = MARGIN_T + plotHeight();
        double step = NiceTicks.step(xMin, xMax, 6);
        g.setFill(Color.web("#555555"));
        g.setTextAlign(TextAlignment.CENTER);
        for (double x : NiceTicks.of(xMin, xMax, 6)) {
            g.fillText(NiceTicks.label(x, step), xPixel(x), bottom + 14);
        }
        g.fillText(name, MARGIN_L + plotWidth() / 2, bottom + 28);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** Clears and draws the frame, title and y axis; subclasses then draw their data. */
    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#222222"));
        g.fillText(title, MARGIN_L, 16);
        g.setStroke(Color.web("#e3e3e3"));
        g.setLineWidth(1);
        g.setFill(Color.web("#555555"));
        g.setTextAlign(TextAlignment.RIGHT);
        double step = NiceTicks.step(yMin, yMax, 5);
        for (double y : NiceTicks.of(yMin, yMax, 5)) {
            double py = yPixel(y);
            g.strokeLine(MARGIN_L, py, MARGIN_L + plotWidth(), py);
            g.fillText(NiceTicks.label(y, step), MARGIN_L - 6, py + 4);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setStroke(Color.web("#999999"));
        g.strokeRect(MARGIN_L, MARGIN_T, plotWidth(), plotHeight());
        drawData(g);
    }

    abstract void drawData(GraphicsContext g);

    /** A small square marker (rectangles draw fastest with the software pipeline). */
    static void mark(GraphicsContext g, double x, double y, double size, Color c) {
        g.setFill(c);
        g.fillRect(x - size / 2, y - size / 2, size, size);
    }
}
