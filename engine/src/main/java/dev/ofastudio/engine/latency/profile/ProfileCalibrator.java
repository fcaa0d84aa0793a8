package dev.ofastudio.engine.latency.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.latency.LatencyModel.LayerLatency;
import dev.ofastudio.engine.latency.measure.Measurement;
import dev.ofastudio.engine.latency.measure.NetworkSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a profile to a user's handful of measured networks: every layer latency is multiplied by one
 * scale {@code s} and the per-frame overhead becomes {@code o}, minimising the squared relative
 * error. DPU-only measurements constrain {@code s}; end-to-end ones constrain {@code s} and {@code o}
 * ({@code o} is refitted only with at least two end-to-end points, and never below zero). Two free
 * numbers, because a handful of points cannot support more.
 */
public final class ProfileCalibrator {
    private ProfileCalibrator() {
    }

    /**
     * One measurement before and after.
     *
     * @param network    network spec
     * @param kind       e2e or dpu
     * @param measuredMs measured
     * @param beforeMs   predicted by the base profile
     * @param afterMs    predicted by the calibrated profile
     */
    public record Point(String network, Measurement.Kind kind, double measuredMs, double beforeMs, double afterMs) {
        public double errorBefore() {
            return beforeMs / measuredMs - 1;
        }

        public double errorAfter() {
            return afterMs / measuredMs - 1;
        }
    }

    /** The calibrated profile and the report. */
    public record Result(FpgaProfile profile, double scale, double frameOverheadMs, List<Point> points) {
        public double meanAbsErrorBefore() {
            return points.stream().mapToDouble(p -> Math.abs(p.errorBefore())).average().orElse(0);
        }

        public double meanAbsErrorAfter() {
            return points.stream().mapToDouble(p -> Math.abs(p.errorAfter())).average().orElse(0);
        }
    }

    public static Result calibrate(FpgaProfile base, String baseName, List<Measurement> measurements, Path baseDir)
            throws OfaException {
        if (measurements.isEmpty()) {
            throw new OfaException("calibration: expected at least one measurement, found none");
        }
        ProfileLatencyModel model = new ProfileLatencyModel(base, baseName);
        int n = measurements.size();
        double[] dpu = new double[n];
        int e2e = 0;
        for (int i = 0; i < n; i++) {
            Measurement m = measurements.get(i);
            NetworkDescription net;
            try {
                net = NetworkSpec.describe(m.network(), baseDir);
            } catch (OfaException ex) {
                throw new OfaException(m.source() + ": " + ex.getMessage(), ex);
            }
            for (LayerLatency l : model.layers(net)) {
                dpu[i] += l.latencyMs();
            }
            e2e += m.kind() == Measurement.Kind.E2E ? 1 : 0;
        }
        double o = base.frameOverheadMs();
        double s;
        // Rows a_i·s + b_i·o = 1 with a = D/m, b = [e2e]/m (relative error).
        double saa = 0;
        double sab = 0;
        double sbb = 0;
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < n; i++) {
            double m = measurements.get(i).measuredMs();
            double a = dpu[i] / m;
            double b = measurements.get(i).kind() == Measurement.Kind.E2E ? 1 / m : 0;
            saa += a * a;
            sab += a * b;
            sbb += b * b;
            sa += a;
            sb += b;
        }
        double det = saa * sbb - sab * sab;
        if (e2e >= 2 && det > 1e-12 * saa * sbb) {
            s = (sa * sbb - sb * sab) / det;
            o = (saa * sb - sab * sa) / det;
        } else {
            s = Double.NaN;
        }
        if (Double.isNaN(s) || o < 0 || s <= 0) {
            o = Math.max(0, Double.isNaN(s) ? base.frameOverheadMs() : Math.max(0, o));
            // Fix o, fit s: minimise Σ (a_i s + b_i o - 1)^2.
            s = (sa - o * sab) / saa;
        }
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new OfaException("calibration: the measurements imply a non-positive scale (" + s + "); check that "
                    + "the measured networks and kinds (e2e or dpu) are right");
        }
        Map<String, Double> table = new LinkedHashMap<>();
        final double scale = s;
        base.latencyMs().forEach((k, v) -> table.put(k, v * scale));
        ObjectNode details = Json.MAPPER.createObjectNode();
        details.put("calibrated_from", baseName);
        details.set("base_source", base.source().details() == null ? Json.MAPPER.nullNode()
                : base.source().details().deepCopy());
        details.put("scale", s);
        details.put("frame_overhead_ms", o);
        ArrayNode pts = details.putArray("measurements");
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Measurement m = measurements.get(i);
            boolean isE2e = m.kind() == Measurement.Kind.E2E;
            double before = dpu[i] + (isE2e ? base.frameOverheadMs() : 0);
            double after = s * dpu[i] + (isE2e ? o : 0);
            points.add(new Point(m.network(), m.kind(), m.measuredMs(), before, after));
            ObjectNode p = pts.addObject();
            p.put("network", m.network());
            p.put("kind", m.kind().jsonName());
            p.put("measured_ms", m.measuredMs());
            p.put("source", m.source());
        }
        FpgaProfile out = new FpgaProfile(base.board(), new ProfileSource("calibrated", base.source().modelVersion(),
                details), o, base.resolutions(), base.widths(), base.networks(), table);
        return new Result(out, s, o, points);
    }
}
