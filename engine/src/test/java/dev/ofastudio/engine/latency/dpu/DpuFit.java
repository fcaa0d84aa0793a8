package dev.ofastudio.engine.latency.dpu;

import dev.ofastudio.engine.latency.dpu.CalibrationPoints.Kind;
import dev.ofastudio.engine.latency.dpu.CalibrationPoints.Point;

/**
 * Not a test: refits {@link DpuModelConstants} and the per-frame CPU overhead to
 * {@link CalibrationPoints} with {@link DpuModelFit} and prints the README's table: every point's
 * error with the shipped constants and its leave-one-out error. Run it by hand when the model
 * changes, then copy the printed constants into {@code DpuModelConstants.FITTED} and the board specs.
 */
public final class DpuFit {
    private DpuFit() {
    }

    public static void main(String[] args) throws Exception {
        DpuModelFit fit = new DpuModelFit(CalibrationPoints.ALL);
        DpuModelFit.Report r = fit.report();
        System.out.println("refit: " + r.fit());
        System.out.println("| Vitis AI model | board | figure | measured ms | model ms | error | leave-one-out ms | LOO error |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        double sumShipped = 0;
        for (DpuModelFit.PointError p : r.points()) {
            Point pt = p.point();
            double shipped = shipped(pt);
            sumShipped += Math.abs(shipped / pt.measuredMs() - 1);
            System.out.printf("| %s | %s | %s | %.3f | %.3f | %+.1f %% | %.3f | %+.1f %% |%n", pt.model(), pt.board(),
                    describe(pt), pt.measuredMs(), shipped, 100 * (shipped / pt.measuredMs() - 1), p.leaveOneOutMs(),
                    100 * p.leaveOneOutError());
        }
        System.out.printf("shipped constants: mean |error| %.2f %%; leave-one-out: mean |error| %.2f %%, worst %.2f %%%n",
                100 * sumShipped / r.points().size(), 100 * r.looMeanAbsError(), 100 * r.looWorstAbsError());
    }

    static String describe(Point p) {
        String release = p.source().startsWith("Vitis AI 2.0") ? "VAI 2.0" : p.source().startsWith("Vitis AI 2.5")
                ? "VAI 2.5" : "VAI 3.0";
        if (!p.fpsDerived()) {
            return "E2E latency (" + release + ")";
        }
        String fps = p.source().substring(p.source().lastIndexOf(' ') + 1);
        return (p.kind() == Kind.E2E ? "1000 / 1-thread fps " : "DPU: 1000 / all-thread fps ") + fps + " (" + release
                + ")";
    }

    static double shipped(Point p) throws Exception {
        NetworkReport r = new DpuLatencyModel(BoardSpecs.load(p.board())).analyze(p.describe());
        return p.kind() == Kind.E2E ? r.latencyMs() : r.dpuMs();
    }
}
