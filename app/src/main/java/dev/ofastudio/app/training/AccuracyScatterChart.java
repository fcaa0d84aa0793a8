package dev.ofastudio.app.training;

import dev.ofastudio.engine.accuracy.AccuracyRow;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The accuracy dataset so far: holdout top-1 against MACs, one point per evaluated sub-network,
 * coloured by resolution, with the upper-left front (the most accurate at each cost) drawn as a
 * line under the points. Shows at a glance whether the supernet's accuracy spreads the way a
 * predictor can learn, while the build runs.
 */
final class AccuracyScatterChart extends CurveCanvas {
    static final Color FRONT = Color.web("#adb5bd");
    private final List<AccuracyRow> rows = new ArrayList<>();
    private final List<Integer> resolutions = new ArrayList<>();

    AccuracyScatterChart() {
        super("Holdout top-1 % against MACs, one point per sub-network");
        canvas.setId("dataset-scatter");
    }

    void show(List<AccuracyRow> data) {
        rows.clear();
        rows.addAll(data);
        TreeSet<Integer> rs = new TreeSet<>();
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        double left = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        for (AccuracyRow r : data) {
            rs.add(r.config().r());
            lo = Math.min(lo, 100 * r.top1());
            hi = Math.max(hi, 100 * r.top1());
            left = Math.min(left, r.macs() / 1e6);
            right = Math.max(right, r.macs() / 1e6);
        }
        resolutions.clear();
        resolutions.addAll(rs);
        if (data.isEmpty()) {
            yMin = 0;
            yMax = 100;
            xMin = 0;
            xMax = 1;
        } else {
            // A margin around the points, so none sits on the frame; a lone point gets a range of its own.
            double dy = Math.max(1, (hi - lo) * 0.08);
            yMin = Math.max(0, lo - dy);
            yMax = Math.min(100, hi + dy);
            double dx = Math.max(right * 0.02, (right - left) * 0.06);
            xMin = Math.max(0, left - dx);
            xMax = right + dx;
        }
        redraw();
    }

    /** Colour of the points at resolution {@code r}. */
    Color colour(int r) {
        return phaseColour(Math.max(0, resolutions.indexOf(r)) + 1);
    }

    /** Canvas pixel of a row's point (tests). */
    double[] toPixel(AccuracyRow r) {
        return new double[] {xPixel(r.macs() / 1e6), yPixel(100 * r.top1())};
    }

    @Override
    void drawData(GraphicsContext g) {
        drawXAxis(g, "MACs (millions)");
        List<AccuracyRow> byCost = new ArrayList<>(rows);
        byCost.sort((a, b) -> a.macs() != b.macs() ? Long.compare(a.macs(), b.macs()) : Double.compare(b.top1(),
                a.top1()));
        List<double[]> front = new ArrayList<>();
        double best = -1;
        for (AccuracyRow r : byCost) {
            if (r.top1() > best) {
                best = r.top1();
                front.add(toPixel(r));
            }
        }
        g.setStroke(FRONT);
        g.setLineWidth(1.5);
        for (int i = 1; i < front.size(); i++) {
            // A staircase: a costlier sub-network is only worth it once it is more accurate.
            double[] a = front.get(i - 1);
            double[] b = front.get(i);
            g.strokeLine(a[0], a[1], b[0], a[1]);
            g.strokeLine(b[0], a[1], b[0], b[1]);
        }
        g.setLineWidth(1);
        for (AccuracyRow r : rows) {
            double[] p = toPixel(r);
            mark(g, p[0], p[1], 5, colour(r.config().r()));
        }
        double lx = MARGIN_L + 8;
        double ly = MARGIN_T + 14;
        for (int r : resolutions) {
            mark(g, lx, ly - 4, 7, colour(r));
            g.setFill(Color.web("#333333"));
            g.fillText("r " + r, lx + 8, ly);
            lx += 56;
        }
    }
}
