package dev.ofastudio.app.training;

import java.util.List;

/**
 * What one read of {@code metrics.jsonl} found: training steps and per-phase evaluations.
 *
 * @param reset true when the file was replaced or cut since the last read (start the curves over)
 */
public record MetricPoints(boolean reset, List<Step> steps, List<Eval> evals) {
    public MetricPoints {
        steps = List.copyOf(steps);
        evals = List.copyOf(evals);
    }

    public boolean isEmpty() {
        return !reset && steps.isEmpty() && evals.isEmpty();
    }

    /**
     * One logged training step (the mean loss since the previous line).
     *
     * @param step       steps done in the phase
     * @param etaSeconds the trainer's estimate of the whole run's remaining time
     */
    public record Step(String phase, int phaseIndex, long step, long phaseSteps, long globalStep, double loss,
            double etaSeconds) {
    }

    /**
     * One sub-network evaluated at a phase's end.
     *
     * @param subnet {@code max}, {@code min} or {@code random}
     * @param top1   holdout top-1 as a fraction
     */
    public record Eval(String phase, String subnet, double top1) {
    }
}
