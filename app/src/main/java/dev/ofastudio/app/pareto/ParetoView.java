package dev.ofastudio.app.pareto;

import dev.ofastudio.app.render.ParetoRenderer;
import dev.ofastudio.app.render.PlotData;
import dev.ofastudio.app.render.PointPicker;
import dev.ofastudio.app.render.Viewport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javax.imageio.ImageIO;

/**
 * The accuracy-vs-latency chart: one canvas painted by {@link ParetoRenderer}, redrawn at most
 * once per pulse and only when something changed. Mouse: hover shows a tooltip, click selects,
 * drag pans, wheel zooms (Shift: x only, Ctrl: y only), dragging the red budget line re-runs the
 * search for that budget when released. Keys: arrows pan, +/- zoom, 0 fits all points.
 */
public final class ParetoView extends Pane {
    private static final double PICK_RADIUS = 8;

    private final ParetoViewModel vm;
    private final ParetoRenderer renderer;
    private final double fontScale;
    /** Exported PNGs are drawn at this multiple of the on-screen size. */
    static final double PNG_SCALE = 2;
    private final Canvas canvas = new Canvas();
    private final Label tooltip = new Label();
    private Viewport viewport = new Viewport(0, 10, 60, 82, 0, 0, 100, 100);
    private boolean dirty = true;
    private boolean fitPending = true;
    private boolean userMoved;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean draggingBudget;
    private boolean dragged;
    private long frames;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (dirty) {
                paint();
            }
        }
    };

    public ParetoView(ParetoViewModel vm, double fontScale) {
        this.vm = vm;
        this.renderer = new ParetoRenderer(fontScale);
        this.fontScale = fontScale;
        setId("paretoChart");
        getChildren().addAll(canvas, tooltip);
        setMinSize(200, 150);
        setFocusTraversable(true);
        tooltip.setId("paretoTooltip");
        tooltip.setVisible(false);
        tooltip.setMouseTransparent(true);
        tooltip.setPadding(new Insets(4, 8, 4, 8));
        tooltip.setStyle("-fx-background-color: rgba(255,255,240,0.95); -fx-border-color: #888; -fx-font-size: "
                + (12 * fontScale) + "px;");
        vm.plotBinding().addListener((o, a, b) -> markDirty());
        vm.tableProperty().addListener((o, a, b) -> {
            // Refit for new data unless the user has zoomed or panned since the last fit.
            if (!userMoved || a == null || a.size() == 0 || !a.boards().equals(b.boards()) || b.size() < a.size()) {
                fitPending = true;
                userMoved = false;
            }
            markDirty();
        });
        vm.visibleBoards().addListener((javafx.collections.ListChangeListener<Object>) c -> fitPending = true);
        widthProperty().addListener((o, a, b) -> markDirty());
        heightProperty().addListener((o, a, b) -> markDirty());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMove);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            vm.hover(-1);
            tooltip.setVisible(false);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onRelease);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                pulse.stop();
            } else {
                pulse.start();
            }
        });
    }

    private void markDirty() {
        dirty = true;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            markDirty();
        }
        tooltip.autosize();
    }

    /** Paints now (the pulse calls this when dirty; tests and snapshots call it directly). */
    public void paint() {
        dirty = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 2 || h < 2) {
            return;
        }
        PlotData data = vm.plotBinding().get();
        viewport = renderer.layout(viewport, w, h);
        if (fitPending && data.rows() > 0) {
            fitPending = false;
            viewport = fit(data, viewport);
        }
        renderer.render(canvas.getGraphicsContext2D(), viewport, data, w, h);
        frames++;
    }

    /** Data bounds of the visible points (and markers, budget) with a margin. */
    static Viewport fit(PlotData d, Viewport vp) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < d.boards().size(); b++) {
            for (int i = 0; i < d.rows(); i++) {
                if (d.drawn(b, i)) {
                    double x = d.latency()[b][i];
                    double y = d.accuracy()[i];
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        for (PlotData.Marker m : d.markers()) {
            x0 = Math.min(x0, m.latencyMs());
            x1 = Math.max(x1, m.latencyMs());
        }
        for (PlotData.Measured m : d.measured()) {
            x0 = Math.min(x0, m.latencyMs());
            x1 = Math.max(x1, m.latencyMs());
            if (!m.onAxis()) {
                y0 = Math.min(y0, m.accuracy());
                y1 = Math.max(y1, m.accuracy());
            }
        }
        if (!(x1 > x0) || !(y1 > y0)) {
            return vp;
        }
        double mx = (x1 - x0) * 0.04;
        double my = (y1 - y0) * 0.06;
        return vp.withData(Math.max(0, x0 - mx), x1 + mx, y0 - my, y1 + my);
    }

    private void onMove(MouseEvent e) {
        PlotData d = vm.plotBinding().get();
        // A measured network's glyph sits above the cloud, so it is picked first.
        int measured = PointPicker.nearestMeasured(d, viewport, e.getX(), e.getY(), PICK_RADIUS);
        int row = measured >= 0 ? -1 : PointPicker.nearest(d, viewport, e.getX(), e.getY(), PICK_RADIUS);
        vm.hover(row);
        boolean nearBudget = nearBudget(e.getX());
        canvas.setCursor(nearBudget ? javafx.scene.Cursor.H_RESIZE : row >= 0 ? javafx.scene.Cursor.HAND
                : javafx.scene.Cursor.DEFAULT);
        if (row < 0 && measured < 0) {
            tooltip.setVisible(false);
            return;
        }
        tooltip.setText(measured >= 0 ? vm.describeMeasured(measured) : vm.describe(row));
        tooltip.autosize();
        double tx = e.getX() + 14;
        double ty = e.getY() + 14;
        if (tx + tooltip.getWidth() > getWidth()) {
            tx = e.getX() - tooltip.getWidth() - 10;
        }
        if (ty + tooltip.getHeight() > getHeight()) {
            ty = e.getY() - tooltip.getHeight() - 10;
        }
        tooltip.relocate(tx, ty);
        tooltip.setVisible(true);
    }

    private boolean nearBudget(double px) {
        double b = vm.budgetMsProperty().get();
        return !Double.isNaN(b) && Math.abs(viewport.screenX(b) - px) < 6;
    }

    private void onPress(MouseEvent e) {
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragged = false;
        draggingBudget = e.getButton() == MouseButton.PRIMARY && nearBudget(e.getX());
    }

    private void onDrag(MouseEvent e) {
        if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > 3) {
            dragged = true;
        }
        if (draggingBudget) {
            vm.budgetMsProperty().set(Math.max(0, viewport.dataX(e.getX())));
        } else {
            panBy(e.getX() - lastX, e.getY() - lastY);
        }
        lastX = e.getX();
        lastY = e.getY();
        tooltip.setVisible(false);
    }

    private void onRelease(MouseEvent e) {
        if (draggingBudget && dragged) {
            vm.searchAtBudget(vm.budgetMsProperty().get());
        } else if (!dragged && e.getButton() == MouseButton.PRIMARY) {
            int row = PointPicker.nearest(vm.plotBinding().get(), viewport, e.getX(), e.getY(), PICK_RADIUS);
            if (row >= 0) {
                vm.select(row);
            } else if (e.getClickCount() == 2 && viewport.insidePlot(e.getX(), e.getY())) {
                // Double-click on empty chart: put the budget line there and search.
                vm.searchAtBudget(viewport.dataX(e.getX()));
            }
        }
        draggingBudget = false;
    }

    private void onScroll(ScrollEvent e) {
        // With Shift held most platforms report the wheel as horizontal scrolling (deltaX).
        double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
        if (delta == 0) {
            return;
        }
        double f = delta > 0 ? 0.85 : 1 / 0.85;
        zoomAt(e.isControlDown() ? 1 : f, e.isShiftDown() ? 1 : f, e.getX(), e.getY());
        e.consume();
    }

    private void onKey(KeyEvent e) {
        double step = 40;
        double cx = viewport.left() + viewport.width() / 2;
        double cy = viewport.top() + viewport.height() / 2;
        KeyCode k = e.getCode();
        switch (k) {
            case LEFT -> panBy(step, 0);
            case RIGHT -> panBy(-step, 0);
            case UP -> panBy(0, step);
            case DOWN -> panBy(0, -step);
            case PLUS, EQUALS, ADD -> zoomAt(0.8, 0.8, cx, cy);
            case MINUS, SUBTRACT -> zoomAt(1.25, 1.25, cx, cy);
            case DIGIT0, NUMPAD0, HOME -> fitAll();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Pans by pixels (dragging right shows lower latencies). */
    public void panBy(double dxPx, double dyPx) {
        userMoved = true;
        viewport = viewport.pan(dxPx, dyPx);
        markDirty();
    }

    public void zoomAt(double fx, double fy, double px, double py) {
        userMoved = true;
        viewport = viewport.zoom(fx, fy, px, py);
        markDirty();
    }

    public void fitAll() {
        fitPending = true;
        userMoved = false;
        markDirty();
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Canvas coordinates of measured network {@code k}'s glyph (for tests). */
    public double[] screenOfMeasured(int k) {
        return ParetoRenderer.measuredCentre(viewport, vm.plotBinding().get().measured().get(k));
    }

    /** Canvas coordinates of a row on board {@code b} (for tests and the frame-time harness). */
    public double[] screenOf(int b, int row) {
        PlotData d = vm.plotBinding().get();
        return new double[] {viewport.screenX(d.latency()[b][row]), viewport.screenY(d.accuracy()[row])};
    }

    public Canvas canvas() {
        return canvas;
    }

    public long framesPainted() {
        return frames;
    }

    /** The chart as PNG bytes at twice the on-screen size (for slides and papers), without a title. */
    public byte[] snapshotPng() {
        return snapshotPng("");
    }

    /**
     * The chart as PNG bytes at twice the on-screen size with {@code title} above it (none if
     * empty). It is drawn afresh at 2× with fonts and lines scaled, not upsampled from the screen.
     */
    public byte[] snapshotPng(String title) {
        paint();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double titleH = title.isEmpty() ? 0 : 34 * fontScale * PNG_SCALE;
        javafx.scene.canvas.Canvas sheet = new javafx.scene.canvas.Canvas(w * PNG_SCALE, h * PNG_SCALE + titleH);
        javafx.scene.canvas.GraphicsContext g = sheet.getGraphicsContext2D();
        g.setFill(javafx.scene.paint.Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        if (titleH > 0) {
            g.setFill(javafx.scene.paint.Color.BLACK);
            g.setFont(javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD, 15 * fontScale * PNG_SCALE));
            g.setTextBaseline(javafx.geometry.VPos.CENTER);
            g.fillText(title, 12 * PNG_SCALE, titleH / 2);
        }
        g.save();
        g.translate(0, titleH);
        ParetoRenderer big = new ParetoRenderer(fontScale * PNG_SCALE);
        big.render(g, big.layout(viewport, w * PNG_SCALE, h * PNG_SCALE), vm.plotBinding().get(), w * PNG_SCALE,
                h * PNG_SCALE);
        g.restore();
        WritableImage img = sheet.snapshot(null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}
