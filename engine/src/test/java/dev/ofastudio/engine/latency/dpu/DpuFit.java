package dev.ofastudio.engine.latency.dpu;

import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.latency.dpu.CalibrationPoints.Kind;
import dev.ofastudio.engine.latency.dpu.CalibrationPoints.Point;

/**
 * Refits {@link DpuModelConstants} and the per-frame CPU overhead to {@link CalibrationPoints}
 * (grid search on the RMS of log error). Not a test: run it by hand when the model changes,
 * then copy the printed constants into {@code DpuModelConstants.FITTED} and the board specs.
 */
public final class DpuFit {
    private DpuFit() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--report")) {
            report();
            return;
        }
        double best = Double.MAX_VALUE;
        double[] arg = null;
        java.util.List<Point> pts = CalibrationPoints.ALL;
        double[] dpu = new double[pts.size()];
        for (int ec = 70; ec <= 100; ec += 1) {
            for (int em = 50; em <= 100; em += 1) {
                for (int ov2 = 0; ov2 <= 16; ov2 += 1) {
                    double ov = ov2 / 2.0;
                    DpuModelConstants k = new DpuModelConstants(ec / 100.0, em / 100.0, ov);
                    for (int i = 0; i < pts.size(); i++) {
                        dpu[i] = dpuMs(k, pts.get(i));
                    }
                    for (int fo = 20; fo <= 100; fo += 1) {
                        double sum = 0;
                        for (int i = 0; i < pts.size(); i++) {
                            double pred = pts.get(i).kind() == Kind.E2E ? dpu[i] + fo / 100.0 : dpu[i];
                            double e = Math.log(pred / pts.get(i).measuredMs());
                            sum += e * e;
                        }
                        if (sum < best) {
                            best = sum;
                            arg = new double[] {ec / 100.0, em / 100.0, ov, fo / 100.0};
                        }
                    }
                }
            }
        }
        best = Math.sqrt(best / pts.size());
        System.out.printf("best rms log error %.4f at computeEff=%.2f memEff=%.2f opOverheadUs=%.1f frameMs=%.2f%n",
                best, arg[0], arg[1], arg[2], arg[3]);
        rms(new DpuModelConstants(arg[0], arg[1], arg[2]), arg[3], true);
    }

    /** Prints the README's calibration table for the shipped constants and boards. */
    static void report() throws Exception {
        System.out.println("| Vitis AI model | board | measures | measured ms | model ms | error |");
        System.out.println("|---|---|---|---|---|---|");
        for (Point p : CalibrationPoints.ALL) {
            BoardSpec b = BoardSpecs.load(p.board());
            NetworkReport r = new DpuLatencyModel(b).analyze(ReferenceNetworks.describe(p.network(), 1.0, 224));
            double pred = p.kind() == Kind.E2E ? r.latencyMs() : r.dpuMs();
            System.out.printf("| %s | %s | %s | %.3f | %.3f | %+.1f %% |%n", p.model(), p.board(),
                    p.kind() == Kind.E2E ? "1-thread E2E" : "DPU (1000/fps)", p.measuredMs(), pred,
                    100 * (pred / p.measuredMs() - 1));
        }
    }

    static double dpuMs(DpuModelConstants k, Point p) throws Exception {
        BoardSpec b = BoardSpecs.load(p.board());
        NetworkReport r = new DpuLatencyModel(b, k).analyze(ReferenceNetworks.describe(p.network(), 1.0, 224));
        return r.latencyMs() - b.cpu().frameOverheadMs();
    }

    static double rms(DpuModelConstants k, double frameMs, boolean print) throws Exception {
        double sum = 0;
        for (Point p : CalibrationPoints.ALL) {
            BoardSpec b = BoardSpecs.load(p.board());
            NetworkDescription net = ReferenceNetworks.describe(p.network(), 1.0, 224);
            NetworkReport r = new DpuLatencyModel(b, k).analyze(net);
            double dpu = r.latencyMs() - b.cpu().frameOverheadMs();
            double pred = p.kind() == Kind.E2E ? dpu + frameMs : dpu;
            double e = Math.log(pred / p.measuredMs());
            sum += e * e;
            if (print) {
                System.out.printf("%-20s %-7s %-4s measured %7.3f predicted %7.3f error %+6.1f%%%n", p.model(),
                        p.board(), p.kind(), p.measuredMs(), pred, 100 * (pred / p.measuredMs() - 1));
            }
        }
        return Math.sqrt(sum / CalibrationPoints.ALL.size());
    }
}
