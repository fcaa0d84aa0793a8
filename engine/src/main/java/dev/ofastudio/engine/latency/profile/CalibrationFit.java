package dev.ofastudio.engine.latency.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The small regression behind {@link ProfileCalibrator}: measured network i is predicted as
 * {@code Σ_c s_c·D_ic + cpu_i + e_i·o}, where {@code D_ic} is the base profile's time of engine class
 * c (conv, ALU, memory-bound) for that network, {@code cpu_i} its CPU-fallback time (never scaled),
 * {@code e_i} 1 for an end-to-end measurement and 0 for a DPU-only one, and {@code o} the per-frame
 * overhead. The fit minimises squared log error plus a ridge prior {@code λ·Σ (log s)² + λ·((o−o₀)/o₀)²}
 * that pulls towards the uncalibrated model. A {@link Shape} says which numbers are free.
 */
final class CalibrationFit {
    /** Which numbers a candidate fits. */
    enum Shape {
        /** Nothing: the base profile as it is. */
        NONE("uncalibrated", 0, false),
        /** One scale for every layer. */
        SCALE("scale", 1, false),
        /** One scale and the per-frame overhead. */
        SCALE_OVERHEAD("scale+overhead", 1, true),
        /** A scale per engine class. */
        PER_CLASS("per-class scales", 3, false),
        /** A scale per engine class and the per-frame overhead. */
        PER_CLASS_OVERHEAD("per-class scales+overhead", 3, true);

        final String label;
        final int scales;
        final boolean overhead;

        Shape(String label, int scales, boolean overhead) {
            this.label = label;
            this.scales = scales;
            this.overhead = overhead;
        }
    }

    /** One measured network as the fit sees it. */
    record Row(double[] classMs, double cpuMs, boolean e2e, double measuredMs) {
    }

    /** Fitted numbers: scales per class (conv, ALU, memory) and the overhead. */
    record Params(double[] scales, double overheadMs) {
        double predict(Row r) {
            double p = r.cpuMs() + (r.e2e() ? overheadMs : 0);
            for (int c = 0; c < 3; c++) {
                p += scales[c] * r.classMs()[c];
            }
            return p;
        }
    }

    private final double baseOverheadMs;

    CalibrationFit(double baseOverheadMs) {
        this.baseOverheadMs = baseOverheadMs;
    }

    Params uncalibrated() {
        return new Params(new double[] {1, 1, 1}, baseOverheadMs);
    }

    /** Fits {@code shape} with prior strength {@code lambda} to {@code rows}. */
    Params fit(Shape shape, double lambda, List<Row> rows) {
        if (shape == Shape.NONE || rows.isEmpty()) {
            return uncalibrated();
        }
        int n = shape.scales + (shape.overhead ? 1 : 0);
        double[] x = new double[n];
        if (shape.overhead) {
            x[n - 1] = baseOverheadMs;
        }
        double[] step = new double[n];
        for (int j = 0; j < n; j++) {
            step[j] = shape.overhead && j == n - 1 ? Math.max(0.05, baseOverheadMs / 2) : 0.25;
        }
        double best = loss(shape, lambda, rows, x);
        for (int round = 0; round < 30; round++) {
            boolean moved = true;
            while (moved) {
                moved = false;
                for (int j = 0; j < n; j++) {
                    for (int dir = -1; dir <= 1; dir += 2) {
                        double old = x[j];
                        x[j] = old + dir * step[j];
                        if (shape.overhead && j == n - 1 && x[j] < 0) {
                            x[j] = 0;
                        }
                        double l = x[j] == old ? Double.MAX_VALUE : loss(shape, lambda, rows, x);
                        if (l < best - 1e-15) {
                            best = l;
                            moved = true;
                        } else {
                            x[j] = old;
                        }
                    }
                }
            }
            for (int j = 0; j < n; j++) {
                step[j] /= 2;
            }
        }
        return params(shape, x);
    }

    private Params params(Shape shape, double[] x) {
        double[] s = new double[3];
        for (int c = 0; c < 3; c++) {
            s[c] = Math.exp(x[shape.scales == 1 ? 0 : c]);
        }
        return new Params(s, shape.overhead ? x[x.length - 1] : baseOverheadMs);
    }

    private double loss(Shape shape, double lambda, List<Row> rows, double[] x) {
        Params p = params(shape, x);
        double sum = 0;
        for (Row r : rows) {
            double pred = p.predict(r);
            if (!(pred > 0)) {
                return Double.MAX_VALUE;
            }
            double e = Math.log(pred / r.measuredMs());
            sum += e * e;
        }
        for (int j = 0; j < shape.scales; j++) {
            sum += lambda * x[j] * x[j];
        }
        if (shape.overhead) {
            double rel = (p.overheadMs() - baseOverheadMs) / Math.max(0.05, baseOverheadMs);
            sum += lambda * rel * rel;
        }
        return sum;
    }

    /** Leave-one-out predictions of every row under {@code shape} and {@code lambda}. */
    double[] leaveOneOut(Shape shape, double lambda, List<Row> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            List<Row> rest = new ArrayList<>(rows);
            rest.remove(i);
            out[i] = fit(shape, lambda, rest).predict(rows.get(i));
        }
        return out;
    }

    static double meanAbsError(double[] predicted, List<Row> rows) {
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            sum += Math.abs(predicted[i] / rows.get(i).measuredMs() - 1);
        }
        return rows.isEmpty() ? 0 : sum / rows.size();
    }
}
