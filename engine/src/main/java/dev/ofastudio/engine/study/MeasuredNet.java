package dev.ofastudio.engine.study;

import dev.ofastudio.engine.latency.measure.Measurement;
import dev.ofastudio.engine.latency.profile.ProfileCalibrator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A network the user measured on a board, for the chart: at its measured end-to-end latency and,
 * when known, its accuracy (published for reference networks, predicted for configs of the
 * project's space). Without an accuracy it has only a place on the latency axis.
 *
 * @param network        the measurement's network spec
 * @param board          board id the measurement was made on
 * @param kind           end-to-end or DPU-only
 * @param measuredMs     as measured
 * @param latencyMs      end-to-end latency for the chart: a DPU-only time plus the profile's per-frame overhead
 * @param top1           accuracy in %, NaN when unknown
 * @param accuracySource "published (source)", "predicted", or "" when unknown
 */
public record MeasuredNet(String network, String board, Measurement.Kind kind, double measuredMs, double latencyMs,
        double top1, String accuracySource) {

    public boolean hasAccuracy() {
        return !Double.isNaN(top1);
    }

    /**
     * The measured networks of a calibration, one per point. {@code predictedTop1} gives the
     * accuracy of a spec that is a config of the project's space (NaN otherwise); the published
     * top-1 of a reference network is used when there is none.
     */
    public static List<MeasuredNet> of(ProfileCalibrator.Result r, ToDoubleFunction<String> predictedTop1) {
        List<MeasuredNet> out = new ArrayList<>();
        String board = r.profile().board().id();
        for (ProfileCalibrator.Point p : r.points()) {
            double e2e = p.kind() == Measurement.Kind.E2E ? p.measuredMs() : p.measuredMs() + r.frameOverheadMs();
            double top1 = predictedTop1.applyAsDouble(p.network());
            String source = "predicted";
            if (Double.isNaN(top1)) {
                PublishedTop1.Entry e = PublishedTop1.of(p.network());
                top1 = e == null ? Double.NaN : e.top1();
                source = e == null ? "" : "published (" + e.source() + ")";
            }
            out.add(new MeasuredNet(p.network(), board, p.kind(), p.measuredMs(), e2e, top1, source));
        }
        return out;
    }
}
