package dev.ofastudio.app.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The curves' data: every step and evaluation read so far from one run folder. Used on the FX thread only. */
public final class RunHistory {
    private final List<MetricPoints.Step> steps = new ArrayList<>();
    private final List<MetricPoints.Eval> evals = new ArrayList<>();
    private final List<String> phaseOrder = new ArrayList<>();

    public void clear() {
        steps.clear();
        evals.clear();
        phaseOrder.clear();
    }

    /** Adds a read's points (after clearing, if the file started over). */
    public void add(MetricPoints points) {
        if (points.reset()) {
            clear();
        }
        for (MetricPoints.Step s : points.steps()) {
            steps.add(s);
            seen(s.phase());
        }
        for (MetricPoints.Eval e : points.evals()) {
            evals.add(e);
            seen(e.phase());
        }
    }

    private void seen(String phase) {
        if (!phaseOrder.contains(phase)) {
            phaseOrder.add(phase);
        }
    }

    public List<MetricPoints.Step> steps() {
        return Collections.unmodifiableList(steps);
    }

    public List<MetricPoints.Eval> evals() {
        return Collections.unmodifiableList(evals);
    }

    /** Phases in the order the file first names them. */
    public List<String> phases() {
        return Collections.unmodifiableList(phaseOrder);
    }

    /** The latest logged step, or null. */
    public MetricPoints.Step lastStep() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }
}
