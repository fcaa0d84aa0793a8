package dev.ofastudio.app.present;

import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.app.pareto.ReferenceMarkers;
import dev.ofastudio.app.pareto.SelectedNet;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;

/**
 * Present mode's comparison: the selected sub-network against a reference network (MobileNetV2)
 * on the chosen board: latency, accuracy, ops/byte and achieved GOPS/s.
 */
public final class PresentViewModel {
    public static final String BASELINE = "MobileNetV2";

    /** One figure of the comparison; NaN where unknown. */
    public record Row(String metric, String unit, double selected, double baseline, boolean higherIsBetter) {
    }

    /** The comparison on one board, or empty when nothing is selected. */
    public record Comparison(String board, String baselineName, List<Row> rows) {
    }

    private final ObjectBinding<Comparison> comparison;

    public PresentViewModel(ParetoViewModel pareto) {
        comparison = Bindings.createObjectBinding(() -> compare(pareto), pareto.selectedProperty(),
                pareto.chosenBoardProperty(), pareto.referencesProperty());
    }

    static Comparison compare(ParetoViewModel pareto) {
        SelectedNet s = pareto.selectedProperty().get();
        int b = pareto.chosenBoardProperty().get();
        if (s == null || b < 0 || b >= s.boards().size()) {
            return new Comparison("", BASELINE, List.of());
        }
        ReferenceMarkers refs = pareto.referencesProperty().get();
        int r = refs.indexOf(BASELINE);
        double bLat = r < 0 || b >= refs.latency().length ? Double.NaN : refs.latency()[b][r];
        double bAcc = r < 0 ? Double.NaN : refs.top1()[r];
        double bOpb = r < 0 ? Double.NaN : refs.metrics()[r].opsPerByte();
        double bGops = r < 0 ? Double.NaN : 2.0 * refs.metrics()[r].macs() / (bLat * 1e-3) / 1e9;
        return new Comparison(s.boards().get(b), BASELINE, List.of(
                new Row("Latency", "ms", s.latencyMs()[b], bLat, false),
                new Row("Top-1", "%", s.accuracy(), bAcc, true),
                new Row("Intensity", "ops/B", s.opsPerByte(), bOpb, true),
                new Row("Throughput", "GOPS/s", s.gopsPerS(b), bGops, true)));
    }

    public ObjectBinding<Comparison> comparisonBinding() {
        return comparison;
    }
}
