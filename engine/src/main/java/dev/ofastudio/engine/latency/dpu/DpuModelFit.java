package dev.ofastudio.engine.latency.dpu;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.dpu.CalibrationPoints.Kind;
import dev.ofastudio.engine.latency.dpu.CalibrationPoints.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits the free constants of the DPU model ({@link DpuModelConstants} and the per-frame CPU
 * overhead) to published calibration points by minimising the sum of squared log errors, and
 * reports the leave-one-out error of every point: the model refitted on all other points,
 * predicting the one left out. The leave-one-out figure is the one to trust for unseen networks.
 *
 * <p>The optimiser is a bounded coordinate search with a shrinking step: seven constants, a few
 * hundred model evaluations per fit, deterministic.
 */
public final class DpuModelFit {
    /**
     * Lower and upper bounds of each constant, in {@link #toArray} order. {@code se_barrier_us} is
     * held at 0, not fitted: only MobileNetV3-Small (h-swish) and EfficientNet-B0 (swish) carry SE
     * blocks, so with either left out the other cannot tell the barrier from the activation pass
     * and the left-out net's prediction depended on where the search started (+49 % / −31 % from
     * a neutral start). The full fit put it at 0 anyway.
     */
    private static final double[] LO = {0.5, 0.3, 0.0, 0.2, 0.0, 0.0, 0.0, 0.0};
    private static final double[] HI = {1.0, 1.0, 20.0, 1.0, 8.0, 0.0, 1.0, 2.0};
    /**
     * Where every fit starts, the leave-one-out folds included: round physical guesses, not the
     * result of a fit. A fold that started from the fit on all points would inherit the left-out
     * point along every direction its own points leave flat.
     */
    static final DpuModelConstants NEUTRAL = new DpuModelConstants(0.75, 0.65, 10, 0.6, 4, 0, 0.5);
    static final double NEUTRAL_FRAME_MS = 0.45;
    private static final String[] NAMES = {"compute_efficiency", "memory_efficiency", "op_overhead_us",
        "alu_efficiency", "activation_pass", "se_barrier_us", "add_pass", "frame_overhead_ms"};
    private static final int FRAME = 7;
    static final double FRAME_PRIOR_MS = 0.45;
    static final double FRAME_PRIOR_SIGMA_MS = 0.1;
    /** One prior "point" weighs as much as a point 10 % off when the overhead is one sigma off. */
    static final double PRIOR_WEIGHT = 0.01;

    /** Fitted constants and the per-frame overhead. */
    public record Fit(DpuModelConstants constants, double frameOverheadMs, double rmsLogError) {
    }

    /** One point's in-sample and leave-one-out prediction. */
    public record PointError(Point point, double fittedMs, double leaveOneOutMs) {
        public double fittedError() {
            return fittedMs / point.measuredMs() - 1;
        }

        public double leaveOneOutError() {
            return leaveOneOutMs / point.measuredMs() - 1;
        }
    }

    /** A fit on every point and the leave-one-out table. */
    public record Report(Fit fit, List<PointError> points) {
        public double looMeanAbsError() {
            return points.stream().mapToDouble(p -> Math.abs(p.leaveOneOutError())).average().orElse(0);
        }

        public double looWorstAbsError() {
            return points.stream().mapToDouble(p -> Math.abs(p.leaveOneOutError())).max().orElse(0);
        }

        public double fittedMeanAbsError() {
            return points.stream().mapToDouble(p -> Math.abs(p.fittedError())).average().orElse(0);
        }
    }

    private final List<Point> points;
    private final List<NetworkDescription> nets = new ArrayList<>();
    private final List<BoardSpec> boards = new ArrayList<>();

    public DpuModelFit(List<Point> points) throws OfaException {
        this.points = List.copyOf(points);
        for (Point p : points) {
            nets.add(p.describe());
            boards.add(BoardSpecs.load(p.board()));
        }
    }

    /** Constant names in array order (for reports). */
    public static List<String> names() {
        return List.of(NAMES);
    }

    static double[] toArray(DpuModelConstants k, double frameMs) {
        return new double[] {k.computeEfficiency(), k.memoryEfficiency(), k.opOverheadUs(), k.aluEfficiency(),
            k.activationPass(), k.seBarrierUs(), k.addPass(), frameMs};
    }

    static DpuModelConstants constants(double[] x) {
        return new DpuModelConstants(x[0], x[1], x[2], x[3], x[4], x[5], x[6]);
    }

    /** Predicted ms of point {@code i} under constants {@code x}. */
    double predict(int i, double[] x) {
        DpuLatencyModel m = new DpuLatencyModel(boards.get(i), constants(x));
        double dpu = m.analyze(nets.get(i)).dpuMs();
        return points.get(i).kind() == Kind.E2E ? dpu + x[FRAME] : dpu;
    }

    /**
     * Sum of squared log errors plus a weak prior on the per-frame CPU time (dpu.md: "about
     * 0.3–0.5 ms per 224×224 frame"): without it the per-op and per-frame overheads trade against
     * each other on end-to-end points and a left-out DPU-only point is predicted badly.
     */
    private double loss(double[] x, int skip) {
        double prior = (x[FRAME] - FRAME_PRIOR_MS) / FRAME_PRIOR_SIGMA_MS;
        double sum = PRIOR_WEIGHT * prior * prior;
        for (int i = 0; i < points.size(); i++) {
            if (i != skip) {
                double e = Math.log(predict(i, x) / points.get(i).measuredMs());
                sum += e * e;
            }
        }
        return sum;
    }

    /** Fits on every point except {@code skip} (-1: all), starting from {@code start}. */
    public Fit fit(DpuModelConstants start, double startFrameMs, int skip) {
        double[] x = toArray(start, startFrameMs);
        double best = loss(x, skip);
        double[] step = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            step[j] = (HI[j] - LO[j]) / 8;
        }
        for (int round = 0; round < 14; round++) {
            boolean moved = true;
            while (moved) {
                moved = false;
                for (int j = 0; j < x.length; j++) {
                    for (int dir = -1; dir <= 1; dir += 2) {
                        double old = x[j];
                        x[j] = Math.max(LO[j], Math.min(HI[j], old + dir * step[j]));
                        double l = x[j] == old ? Double.MAX_VALUE : loss(x, skip);
                        if (l < best - 1e-12) {
                            best = l;
                            moved = true;
                        } else {
                            x[j] = old;
                        }
                    }
                }
            }
            for (int j = 0; j < x.length; j++) {
                step[j] /= 2;
            }
        }
        int n = skip < 0 ? points.size() : points.size() - 1;
        return new Fit(constants(x), x[FRAME], Math.sqrt(best / n));
    }

    /** The full fit and every point's leave-one-out prediction, each fit started from {@link #NEUTRAL}. */
    public Report report() {
        Fit all = fit(NEUTRAL, NEUTRAL_FRAME_MS, -1);
        double[] xa = toArray(all.constants(), all.frameOverheadMs());
        List<PointError> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            out.add(new PointError(points.get(i), predict(i, xa), leaveOneOutMs(i)));
        }
        return new Report(all, out);
    }

    /** Point {@code i} predicted by the model fitted, from {@link #NEUTRAL}, on every other point. */
    public double leaveOneOutMs(int i) {
        Fit loo = fit(NEUTRAL, NEUTRAL_FRAME_MS, i);
        return predict(i, toArray(loo.constants(), loo.frameOverheadMs()));
    }
}
