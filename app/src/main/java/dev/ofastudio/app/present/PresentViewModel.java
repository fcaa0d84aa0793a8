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
    /** The baseline of a project without published references: its own most accurate net found. */
    public static final String OWN_BEST = "Most accurate found";
    public static final String NO_BASELINE = "no baseline";

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
                pareto.chosenBoardProperty(), pareto.referencesProperty(), pareto.tableProperty());
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
        if (b < 0 || b >= t.boards().size()) {
            return List.of();
        }
        if (r < 0) {
            return ownHeadlines(t, b, c);
        }
        if (b >= refs.latency().length) {
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

    /**
     * Without a published baseline (a project whose data is not ImageNet) the headlines say what
     * the sweep itself found: its most accurate net on the board, and the selection against it.
     */
    private static List<Headline> ownHeadlines(ResultTable t, int b, Comparison c) {
        int[] front = t.front(b);
        if (front.length == 0) {
            return List.of();
        }
        String board = t.boards().get(b);
        int best = front[front.length - 1];
        List<Headline> out = new ArrayList<>();
        out.add(new Headline(String.format("%.1f%% top-1", t.accuracy(best)), String.format("most accurate net "
                + "found on %s (%.2f ms); no published network applies to this project's data", board,
                t.latency(b, best)), true));
        if (!c.rows().isEmpty()) {
            Row lat = c.rows().get(0);
            Row top1 = c.rows().get(1);
            if (lat.selected() > 0 && !Double.isNaN(lat.baseline())) {
                out.add(new Headline(String.format("%.2f× faster", lat.baseline() / lat.selected()), String.format(
                        "selected vs the most accurate found on %s (%.2f ms vs %.2f ms, %.1f%% vs %.1f%% top-1)",
                        board, lat.selected(), lat.baseline(), top1.selected(), top1.baseline()), true));
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
        if (r < 0) {
            return againstOwnBest(pareto, s, b);
        }
        HardwareFigures base = baseline(refs, r, b, pareto.sweepBoards());
        return rows(s, b, BASELINE, base, refs.top1(r));
    }

    /** No published baseline: the selection against the most accurate net of the board's front. */
    private static Comparison againstOwnBest(ParetoViewModel pareto, SelectedNet s, int b) {
        ResultTable t = pareto.tableProperty().get();
        int[] front = t == null || b >= t.boards().size() ? new int[0] : t.front(b);
        if (front.length == 0 || pareto.resultSpaceProperty().get() == null) {
            return new Comparison(s.boards().get(b), NO_BASELINE, List.of());
        }
        int best = front[front.length - 1];
        SelectedNet top = SelectedNet.of(t, best, pareto.resultSpaceProperty().get(), pareto.sweepBoards());
        return rows(s, b, OWN_BEST, top.figures().get(b), top.accuracy());
    }

    private static Comparison rows(SelectedNet s, int b, String baselineName, HardwareFigures base, double bAcc) {
        HardwareFigures mine = s.figures().get(b);
        return new Comparison(s.boards().get(b), baselineName, List.of(
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
