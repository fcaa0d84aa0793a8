package dev.ofastudio.app.training;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Training loss against the global step, one colour per phase, with the phase boundaries marked. */
final class LossChart extends CurveCanvas {
    private RunHistory history = new RunHistory();
    private RunSummary summary;

    LossChart() {
        super("Training loss (mean per logged step), by phase");
        canvas.setId("training-loss-chart");
    }

    void show(RunHistory h, RunSummary s) {
        history = h;
        summary = s;
        double top = 0;
        long last = 0;
        for (MetricPoints.Step p : h.steps()) {
            top = Math.max(top, p.loss());
            last = Math.max(last, p.globalStep());
        }
        yMin = 0;
        yMax = top > 0 ? top * 1.1 : 1;
        xMax = Math.max(1, Math.max(last, s == null ? 0 : s.totalSteps()));
        redraw();
    }

    /** Canvas pixel of a logged step (tests). */
    double[] toPixel(MetricPoints.Step p) {
        return new double[] {xPixel(p.globalStep()), yPixel(p.loss())};
    }

    @Override
    void drawData(GraphicsContext g) {
        double bottom = MARGIN_T + plotHeight();
        drawXAxis(g, "global step");
        if (summary != null) {
            long start = 0;
            for (int i = 0; i < summary.phases().size(); i++) {
                double px = xPixel(start);
                g.setStroke(Color.web("#cccccc"));
                g.setLineDashes(4, 4);
                g.strokeLine(px, MARGIN_T, px, bottom);
                g.setLineDashes();
                g.setFill(phaseColour(i));
                // Alternate rows, so the names of short neighbouring phases do not overlap.
                g.fillText(summary.phases().get(i).name(), px + 3, MARGIN_T + 12 + (i % 2) * 13);
                start += summary.phases().get(i).steps();
            }
        }
        // One polyline per phase; a lone point still shows as its marker.
        int phase = Integer.MIN_VALUE;
        List<MetricPoints.Step> run = new ArrayList<>();
        for (MetricPoints.Step p : history.steps()) {
            if (p.phaseIndex() != phase && !run.isEmpty()) {
                drawPhase(g, run);
                run.clear();
            }
            phase = p.phaseIndex();
            run.add(p);
        }
        if (!run.isEmpty()) {
            drawPhase(g, run);
        }
    }

    private void drawPhase(GraphicsContext g, List<MetricPoints.Step> points) {
        Color c = phaseColour(points.get(0).phaseIndex());
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[i] = xPixel(points.get(i).globalStep());
            y[i] = yPixel(points.get(i).loss());
        }
        g.setStroke(c);
        g.setLineWidth(1.5);
        g.strokePolyline(x, y, x.length);
        g.setLineWidth(1);
        if (points.size() <= 400) {
            for (int i = 0; i < x.length; i++) {
                mark(g, x[i], y[i], 4, c);
            }
        }
    }
}
