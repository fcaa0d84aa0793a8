package dev.ofastudio.app.training;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Holdout top-1 at each phase's end: the phase's largest and smallest sub-networks and its random
 * samples, one column per phase, the max and min joined across phases.
 */
final class PhaseAccuracyChart extends CurveCanvas {
    static final Color MAX = Color.web("#d9480f");
    static final Color MIN = Color.web("#3b82c4");
    static final Color RANDOM = Color.web("#868e96");

    private final List<String> phases = new ArrayList<>();
    private final List<MetricPoints.Eval> evals = new ArrayList<>();

    PhaseAccuracyChart() {
        super("Holdout top-1 % after each phase");
        canvas.setId("training-accuracy-chart");
        yMin = 0;
        yMax = 100;
    }

    void show(RunHistory h, RunSummary s) {
        phases.clear();
        if (s != null) {
            s.phases().forEach(p -> phases.add(p.name()));
        }
        for (String p : h.phases()) {
            if (!phases.contains(p)) {
                phases.add(p);
            }
        }
        evals.clear();
        evals.addAll(h.evals());
        redraw();
    }

    double xPixel(int phase) {
        return MARGIN_L + (phase + 0.5) / Math.max(1, phases.size()) * plotWidth();
    }

    /** Canvas pixel of an evaluation (tests). */
    double[] toPixel(MetricPoints.Eval e) {
        return new double[] {xPixel(phases.indexOf(e.phase())), yPixel(100 * e.top1())};
    }

    @Override
    void drawData(GraphicsContext g) {
        double bottom = MARGIN_T + plotHeight();
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < phases.size(); i++) {
            g.setFill(phaseColour(i));
            g.fillText(phases.get(i), xPixel(i), bottom + 14);
        }
        g.setTextAlign(TextAlignment.LEFT);
        for (String kind : List.of("random", "min", "max")) {
            Color c = kind.equals("max") ? MAX : kind.equals("min") ? MIN : RANDOM;
            List<double[]> line = new ArrayList<>();
            for (MetricPoints.Eval e : evals) {
                if (e.subnet().equals(kind) && phases.contains(e.phase())) {
                    double[] p = toPixel(e);
                    mark(g, p[0], p[1], kind.equals("random") ? 4 : 7, c);
                    if (!kind.equals("random")) {
                        line.add(p);
                    }
                }
            }
            g.setStroke(c);
            for (int i = 1; i < line.size(); i++) {
                g.strokeLine(line.get(i - 1)[0], line.get(i - 1)[1], line.get(i)[0], line.get(i)[1]);
            }
        }
        double lx = MARGIN_L + 8;
        double ly = MARGIN_T + 14;
        for (Object[] item : new Object[][] {{"max", MAX}, {"min", MIN}, {"random", RANDOM}}) {
            mark(g, lx, ly - 4, 7, (Color) item[1]);
            g.setFill(Color.web("#333333"));
            g.fillText((String) item[0], lx + 8, ly);
            lx += 62;
        }
    }
}
