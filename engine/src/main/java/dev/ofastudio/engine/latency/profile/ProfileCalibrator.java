package dev.ofastudio.engine.latency.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import dev.ofastudio.engine.space.mbv3.SpaceVariant;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.latency.LatencyModel.LayerLatency;
import dev.ofastudio.engine.latency.measure.Measurement;
import dev.ofastudio.engine.latency.measure.NetworkSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits a profile to a user's handful of measured networks, and says how far to trust the result.
 *
 * <p>Candidates, from simplest: the uncalibrated profile; one scale on every layer; one scale and
 * the per-frame overhead; a scale per engine class (conv, ALU, memory-bound — the split comes from
 * the analytic model on the profile's board); per-class scales and the overhead. Each is fitted
 * with a ridge prior towards the uncalibrated model at several strengths, and the candidate with
 * the lowest <em>leave-one-out</em> error wins (ties go to the simpler one): in-sample error always
 * falls as numbers are added, leave-one-out error only when they predict networks the fit did not
 * see. The overhead is a candidate only when the end-to-end points span small and large networks
 * (or one network is measured both end-to-end and DPU-only); per-class scales only from five points.
 * When nothing beats the uncalibrated profile's error, the result says so and recommends the shipped
 * profile. DPU-only measurements constrain the scales, end-to-end ones the scales and the overhead.
 */
public final class ProfileCalibrator {
    /** Prior strengths tried (0: no shrinkage). */
    static final double[] PRIOR_STRENGTHS = {0, 0.02, 0.1, 0.5};
    /** Smallest DPU-time ratio between the largest and the smallest end-to-end point to fit the overhead. */
    static final double OVERHEAD_SPAN = 3.0;
    /**
     * A "small" network for the overhead: DPU time at most this many times the per-frame overhead,
     * so the overhead is a fifth or more of its end-to-end time and the points can tell the two apart.
     */
    static final double SMALL_NET_OVERHEADS = 4.0;
    /**
     * How much a calibration must beat the uncalibrated profile out of sample to be recommended:
     * one percentage point, or a fifth of the uncalibrated error if that is more. Smaller gains are
     * within the spread between toolchain releases and not worth a profile nobody else can check.
     */
    static final double MIN_GAIN_ABS = 0.01;
    static final double MIN_GAIN_REL = 0.2;
    /** Points needed before per-class scales are a candidate. */
    static final int PER_CLASS_MIN_POINTS = 5;

    private ProfileCalibrator() {
    }

    /**
     * One measurement before and after.
     *
     * @param network    network spec
     * @param kind       e2e or dpu
     * @param measuredMs measured
     * @param beforeMs   predicted by the base profile
     * @param afterMs    predicted by the calibrated profile (fitted on every point)
     * @param looMs      predicted by the chosen calibration fitted on every other point
     * @param trace      measured vs model workload and traffic, when the measurement carries them
     */
    public record Point(String network, Measurement.Kind kind, double measuredMs, double beforeMs, double afterMs,
            double looMs, TraceCheck trace) {
        public double errorBefore() {
            return beforeMs / measuredMs - 1;
        }

        public double errorAfter() {
            return afterMs / measuredMs - 1;
        }

        public double looError() {
            return looMs / measuredMs - 1;
        }
    }

    /**
     * A vaitrace summary against the model: the same network's workload and DDR traffic. A time
     * error with matching traffic but a GOP/s gap points at compute; a traffic gap at memory.
     */
    public record TraceCheck(double measuredGop, double modelGop, double measuredTrafficMb, double modelTrafficMb,
            double measuredGopsPerS, double modelGopsPerS) {
        /** Which side of the roofline the time error most likely comes from. */
        public String hint() {
            double traffic = modelTrafficMb > 0 && measuredTrafficMb > 0 ? measuredTrafficMb / modelTrafficMb : 1;
            return Math.abs(Math.log(traffic)) > 0.2 ? "memory: measured traffic differs from the model's by "
                    + String.format(java.util.Locale.ROOT, "%+.0f %%", 100 * (traffic - 1))
                    : "compute: traffic matches, the engines run at another rate than the model's";
        }
    }

    /**
     * The calibrated profile and the report.
     *
     * @param profile         the chosen calibration applied to the base profile
     * @param scale           the overall layer scale (DPU-time weighted mean of the class scales)
     * @param classScales     scale per engine class (conv, alu, memory)
     * @param frameOverheadMs per-frame overhead of the result
     * @param model           the chosen candidate ({@code uncalibrated}, {@code scale}, …)
     * @param priorStrength   ridge strength λ of the chosen candidate
     * @param overheadNote    why the overhead was or was not a candidate
     * @param recommended     true when the calibration beats the uncalibrated profile out of sample
     * @param recommendation  one plain sentence for the user
     * @param points          every measurement
     */
    public record Result(FpgaProfile profile, double scale, Map<String, Double> classScales, double frameOverheadMs,
            String model, double priorStrength, String overheadNote, boolean recommended, String recommendation,
            List<Point> points) {
        public double meanAbsErrorBefore() {
            return points.stream().mapToDouble(p -> Math.abs(p.errorBefore())).average().orElse(0);
        }

        public double meanAbsErrorAfter() {
            return points.stream().mapToDouble(p -> Math.abs(p.errorAfter())).average().orElse(0);
        }

        /** The uncalibrated profile's error on the same points (it was fitted to none of them). */
        public double uncalibratedMeanAbsError() {
            return meanAbsErrorBefore();
        }

        public double looMeanAbsError() {
            return points.stream().mapToDouble(p -> Math.abs(p.looError())).average().orElse(0);
        }
    }

    public static Result calibrate(FpgaProfile base, String baseName, List<Measurement> measurements, Path baseDir)
            throws OfaException {
        if (measurements.isEmpty()) {
            throw new OfaException("calibration: expected at least one measurement, found none");
        }
        ProfileLatencyModel model = new ProfileLatencyModel(base, baseName);
        DpuLatencyModel shapes = new DpuLatencyModel(base.board());
        List<CalibrationFit.Row> rows = new ArrayList<>();
        List<NetworkDescription> nets = new ArrayList<>();
        for (Measurement m : measurements) {
            NetworkDescription net;
            try {
                net = NetworkSpec.describe(m.network(), baseDir);
            } catch (OfaException ex) {
                throw new OfaException(m.source() + ": " + ex.getMessage(), ex);
            }
            nets.add(net);
            double[] classes = new double[3];
            double cpu = 0;
            List<LayerLatency> lat = model.layers(net);
            for (int l = 0; l < lat.size(); l++) {
                double[] split = shares(shapes.engineClassMs(net.layers().get(l)));
                double ms = lat.get(l).latencyMs();
                for (int c = 0; c < 3; c++) {
                    classes[c] += ms * split[c];
                }
                cpu += ms * split[3];
            }
            rows.add(new CalibrationFit.Row(classes, cpu, m.kind() == Measurement.Kind.E2E, m.measuredMs()));
        }
        CalibrationFit fit = new CalibrationFit(base.frameOverheadMs());
        String overheadNote = overheadNote(measurements, rows, base.frameOverheadMs());
        boolean overheadAllowed = overheadNote.startsWith("fitted");
        // Candidates in order of simplicity; the first with the lowest leave-one-out error wins.
        CalibrationFit.Shape bestShape = CalibrationFit.Shape.NONE;
        double bestLambda = 0;
        double[] bestLoo = predictAll(fit.uncalibrated(), rows);
        double uncalibrated = CalibrationFit.meanAbsError(bestLoo, rows);
        double bestErr = uncalibrated - Math.max(MIN_GAIN_ABS, MIN_GAIN_REL * uncalibrated);
        for (CalibrationFit.Shape shape : CalibrationFit.Shape.values()) {
            if (shape == CalibrationFit.Shape.NONE || shape.overhead && !overheadAllowed
                    || shape.scales > 1 && rows.size() < PER_CLASS_MIN_POINTS) {
                continue;
            }
            for (double lambda : PRIOR_STRENGTHS) {
                double[] loo = fit.leaveOneOut(shape, lambda, rows);
                double err = CalibrationFit.meanAbsError(loo, rows);
                if (err < bestErr - 1e-9) {
                    bestErr = err;
                    bestShape = shape;
                    bestLambda = lambda;
                    bestLoo = loo;
                }
            }
        }
        if (bestShape == CalibrationFit.Shape.NONE) {
            bestErr = uncalibrated;
        }
        CalibrationFit.Params chosen = fit.fit(bestShape, bestLambda, rows);
        boolean recommended = bestShape != CalibrationFit.Shape.NONE;
        String recommendation = recommended
                ? String.format(Locale.ROOT, "use the calibrated profile: leave-one-out error %.1f %% vs %.1f %% "
                        + "uncalibrated", 100 * bestErr, 100 * uncalibrated)
                : String.format(Locale.ROOT, "keep the shipped profile: no calibration predicts a left-out "
                        + "measurement clearly better than the uncalibrated profile (%.1f %%)", 100 * uncalibrated);

        Map<String, Layer> layers = ProfileGenerator.layersByKey(variantOf(base));
        Map<String, Double> table = new LinkedHashMap<>();
        for (var e : base.latencyMs().entrySet()) {
            Layer l = layers.get(e.getKey());
            double[] split = l == null ? new double[] {1, 0, 0, 0} : shares(shapes.engineClassMs(l));
            double factor = split[3];
            for (int c = 0; c < 3; c++) {
                factor += chosen.scales()[c] * split[c];
            }
            table.put(e.getKey(), e.getValue() * (l == null ? overallScale(chosen, rows) : factor));
        }
        double scale = overallScale(chosen, rows);
        Map<String, Double> classScales = new LinkedHashMap<>();
        for (int c = 0; c < 3; c++) {
            classScales.put(DpuLatencyModel.ENGINE_CLASSES.get(c), chosen.scales()[c]);
        }
        ObjectNode details = Json.MAPPER.createObjectNode();
        details.put("calibrated_from", baseName);
        details.set("base_source", base.source().details() == null ? Json.MAPPER.nullNode()
                : base.source().details().deepCopy());
        details.put("scale", scale);
        ObjectNode cs = details.putObject("class_scales");
        classScales.forEach(cs::put);
        details.put("frame_overhead_ms", chosen.overheadMs());
        details.put("model", bestShape.label);
        details.put("prior_strength", bestLambda);
        details.put("loo_mean_abs_error", bestErr);
        details.put("uncalibrated_mean_abs_error", uncalibrated);
        details.put("recommendation", recommendation);
        ArrayNode pts = details.putArray("measurements");
        List<Point> points = new ArrayList<>();
        double[] before = predictAll(fit.uncalibrated(), rows);
        for (int i = 0; i < rows.size(); i++) {
            Measurement m = measurements.get(i);
            points.add(new Point(m.network(), m.kind(), m.measuredMs(), before[i], chosen.predict(rows.get(i)),
                    bestLoo[i], traceCheck(m, shapes, nets.get(i), rows.get(i))));
            ObjectNode p = pts.addObject();
            p.put("network", m.network());
            p.put("kind", m.kind().jsonName());
            p.put("measured_ms", m.measuredMs());
            p.put("source", m.source());
        }
        FpgaProfile out = new FpgaProfile(base.board(), new ProfileSource("calibrated", base.source().modelVersion(),
                details), chosen.overheadMs(), base.resolutions(), base.widths(), base.networks(), table);
        return new Result(out, scale, classScales, chosen.overheadMs(), bestShape.label, bestLambda, overheadNote,
                recommended, recommendation, points);
    }

    private static double[] predictAll(CalibrationFit.Params p, List<CalibrationFit.Row> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = p.predict(rows.get(i));
        }
        return out;
    }

    /** Class shares of a layer's time (fractions summing to 1). */
    private static double[] shares(double[] ms) {
        double sum = ms[0] + ms[1] + ms[2] + ms[3];
        double[] out = new double[4];
        for (int c = 0; c < 4; c++) {
            out[c] = sum > 0 ? ms[c] / sum : c == 0 ? 1 : 0;
        }
        return out;
    }

    /** The class scales averaged over the measured networks' DPU time. */
    private static double overallScale(CalibrationFit.Params p, List<CalibrationFit.Row> rows) {
        double num = 0;
        double den = 0;
        for (CalibrationFit.Row r : rows) {
            for (int c = 0; c < 3; c++) {
                num += p.scales()[c] * r.classMs()[c];
                den += r.classMs()[c];
            }
        }
        return den > 0 ? num / den : 1;
    }

    private static String overheadNote(List<Measurement> ms, List<CalibrationFit.Row> rows, double baseOverheadMs) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        int e2e = 0;
        for (CalibrationFit.Row r : rows) {
            if (r.e2e()) {
                double d = r.classMs()[0] + r.classMs()[1] + r.classMs()[2] + r.cpuMs();
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
                e2e++;
            }
        }
        for (Measurement a : ms) {
            for (Measurement b : ms) {
                if (a.network().equals(b.network()) && a.kind() != b.kind()) {
                    return "fitted: " + a.network() + " is measured both end-to-end and DPU-only";
                }
            }
        }
        double small = SMALL_NET_OVERHEADS * Math.max(0.1, baseOverheadMs);
        if (e2e >= 2 && hi >= OVERHEAD_SPAN * lo && lo <= small) {
            return String.format(Locale.ROOT, "fitted: the end-to-end points span small (%.2f ms of DPU time) and "
                    + "large (%.2f ms) networks", lo, hi);
        }
        return e2e < 2 ? "kept: fewer than two end-to-end points"
                : String.format(Locale.ROOT, "kept: no small network among the end-to-end points (smallest %.2f ms of "
                        + "DPU time; need one under %.2f ms and a %.0fx span), so a fitted overhead would soak up the "
                        + "model's error on the large ones", lo, small, OVERHEAD_SPAN);
    }

    private static TraceCheck traceCheck(Measurement m, DpuLatencyModel shapes, NetworkDescription net,
            CalibrationFit.Row row) {
        if (m.trace() == null) {
            return null;
        }
        NetworkReport r = shapes.analyze(net);
        double modelGop = r.ops() / 1e9;
        double modelMb = r.bytes() / 1e6;
        double modelMs = row.classMs()[0] + row.classMs()[1] + row.classMs()[2] + row.cpuMs();
        return new TraceCheck(m.trace().workloadGop(), modelGop, m.trace().trafficMb(), modelMb,
                m.trace().workloadGop() / (m.measuredMs() * 1e-3), modelGop / (modelMs * 1e-3));
    }

    private static SpaceVariant variantOf(FpgaProfile p) {
        JsonNode space = p.source().details() == null ? null : p.source().details().path("space");
        SpaceVariant v = space == null ? null : SpaceVariant.byId(space.asText(""));
        if (v == null && p.source().details() != null) {
            JsonNode baseSpace = p.source().details().path("base_source").path("space");
            v = SpaceVariant.byId(baseSpace.asText(""));
        }
        return v == null ? SpaceVariant.REFERENCE : v;
    }
}
