package dev.ofastudio.app.present;

import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.engine.study.HardwareFigures;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.ReferenceMarkers;
import dev.ofastudio.app.pareto.SelectedNet;
import dev.ofastudio.engine.study.ResultTable;
import java.util.ArrayList;
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

    /** A headline number with a plain-language caption, e.g. "+11.3 pts" / "top-1 at MobileNetV2's latency on ZCU102". */
    public record Headline(String value, String caption, boolean score) {
    }

    private final ObjectBinding<Comparison> comparison;
    private final ObjectBinding<List<Headline>> headlines;

    public PresentViewModel(ParetoViewModel pareto) {
        comparison = Bindings.createObjectBinding(() -> compare(pareto), pareto.selectedProperty(),
                pareto.chosenBoardProperty(), pareto.referencesProperty());
        headlines = Bindings.createObjectBinding(() -> headlines(pareto, comparison.get()), comparison,
                pareto.tableProperty());
    }

    /**
     * The chosen board's front against MobileNetV2: the top-1 gained at its latency and the
     * speed-up at its top-1, then the selection's achieved GOPS/s and arithmetic intensity next
     * to MobileNetV2's (intensity is context, not a score: higher only means less memory-bound).
     */
    static List<Headline> headlines(ParetoViewModel pareto, Comparison c) {
        ResultTable t = pareto.tableProperty().get();
        int b = pareto.chosenBoardProperty().get();
        ReferenceMarkers refs = pareto.referencesProperty().get();
        int r = refs.indexOf(BASELINE);
        if (b < 0 || b >= t.boards().size() || r < 0 || b >= refs.latency().length) {
            return List.of();
        }
        String board = t.boards().get(b);
        double refLat = refs.latency()[b][r];
        double refTop1 = refs.top1(r);
        List<Headline> out = new ArrayList<>();
        double bestAcc = Double.NaN;
        double fastest = Double.NaN;
        for (int i : t.front(b)) {
            if (t.latency(b, i) <= refLat) {
                bestAcc = t.accuracy(i);
            }
            if (Double.isNaN(fastest) && t.accuracy(i) >= refTop1) {
                fastest = t.latency(b, i);
            }
        }
        if (!Double.isNaN(bestAcc)) {
            out.add(new Headline(String.format("%+.1f pts", bestAcc - refTop1),
                    String.format("top-1 at MobileNetV2's latency on %s (%.1f%% vs %.1f%% in %.2f ms)", board, bestAcc,
                            refTop1, refLat), true));
        }
        if (!Double.isNaN(fastest)) {
            out.add(new Headline(String.format("%.2f× faster", refLat / fastest),
                    String.format("at MobileNetV2's top-1 on %s (%.2f ms vs %.2f ms)", board, fastest, refLat), true));
        }
        if (!c.rows().isEmpty()) {
            Row gops = c.rows().get(3);
            Row opb = c.rows().get(2);
            if (!Double.isNaN(gops.selected())) {
                out.add(new Headline(String.format("%.0f GOPS/s", gops.selected()), String.format(
                        "achieved by the selected net on the DPU (MobileNetV2: %.0f GOPS/s)", gops.baseline()), false));
            }
            if (!Double.isNaN(opb.selected())) {
                out.add(new Headline(String.format("%.1f ops/B", opb.selected()), String.format("arithmetic intensity "
                        + "of the selected net (MobileNetV2: %.1f); more ops per byte leans less on DDR bandwidth",
                        opb.baseline()), false));
            }
        }
        return out;
    }

    public ObjectBinding<List<Headline>> headlinesBinding() {
        return headlines;
    }

    static Comparison compare(ParetoViewModel pareto) {
        SelectedNet s = pareto.selectedProperty().get();
        int b = pareto.chosenBoardProperty().get();
        if (s == null || b < 0 || b >= s.boards().size()) {
            return new Comparison("", BASELINE, List.of());
        }
        ReferenceMarkers refs = pareto.referencesProperty().get();
        int r = refs.indexOf(BASELINE);
        HardwareFigures base = baseline(refs, r, b, pareto.sweepBoards());
        double bAcc = r < 0 ? Double.NaN : refs.top1(r);
        HardwareFigures mine = s.figures().get(b);
        return new Comparison(s.boards().get(b), BASELINE, List.of(
                new Row("Latency", "ms", mine.latencyMs(), base.latencyMs(), false),
                new Row("Top-1", "%", s.accuracy(), bAcc, true),
                new Row("Intensity", "ops/B", mine.opsPerByte(), base.opsPerByte(), true),
                new Row("Throughput", "GOPS/s", mine.gopsPerS(), base.gopsPerS(), true)));
    }

    /** The baseline's engine figures on board {@code b}; NaN figures when its source cannot time it. */
    static HardwareFigures baseline(ReferenceMarkers refs, int r, int b, List<LatencySource> boards) {
        if (r >= 0 && b < boards.size()) {
            try {
                return HardwareFigures.of(boards.get(b), refs.nets().get(r).network());
            } catch (dev.ofastudio.engine.OfaException | RuntimeException e) {
                // Falls through to the latency the markers carry (NaN when the source lacks the net).
            }
        }
        double lat = r < 0 || b >= refs.latency().length ? Double.NaN : refs.latency()[b][r];
        return new HardwareFigures(BASELINE, lat, Double.NaN, Double.NaN, -1, -1, Double.NaN, Double.NaN, Double.NaN);
    }

    public ObjectBinding<Comparison> comparisonBinding() {
        return comparison;
    }
}
