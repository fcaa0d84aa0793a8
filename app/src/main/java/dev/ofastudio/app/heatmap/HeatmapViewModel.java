package dev.ofastudio.app.heatmap;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.dpu.LayerReport;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the heatmap pane: the selected sub-network's table and the baseline's, the metric
 * the colours show, the colour range shared by both tables, the hovered cell's text and the
 * "what if" grid of the hovered block.
 *
 * <p>Lifecycle: construct with the boards to show (one column each), then call
 * {@link #setSubnet} whenever the selection changes and {@link #setBaseline} once;
 * {@link #setBoards} replaces the columns (the studio follows the checked latency sources) and
 * recomputes both tables. With no board the tables are empty and {@link #noteProperty} says
 * why. Analyses run on the calling thread: the analytic DPU model prices a ~30-layer net in well
 * under a millisecond, so a selection change (boards × 1 analysis, and 9 per board for a what-if)
 * does not need a background task. A board whose analyzer fails on a network loses its column in
 * that table (no table when every board fails) and {@link #errorProperty} says why.
 */
public final class HeatmapViewModel {
    private List<BoardAnalyzer> analyzers;
    private List<String> boards;
    private NetworkDescription baseline;

    private final ObjectProperty<HeatmapMetric> metric = new SimpleObjectProperty<>(this, "metric",
            HeatmapMetric.LATENCY);
    private final ReadOnlyObjectWrapper<HeatmapTable> subnetTable = new ReadOnlyObjectWrapper<>(this, "subnetTable");
    private final ReadOnlyObjectWrapper<HeatmapTable> baselineTable =
            new ReadOnlyObjectWrapper<>(this, "baselineTable");
    private final ReadOnlyObjectWrapper<ColourScale> colourScale =
            new ReadOnlyObjectWrapper<>(this, "colourScale", new ColourScale(1, 1, true));
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final ReadOnlyObjectWrapper<WhatIfGrid> whatIf = new ReadOnlyObjectWrapper<>(this, "whatIf");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    /** Board of the last what-if, so a block picked elsewhere (the diagram) keeps the board. */
    private int whatIfBoard;
    private SearchSpace space;
    private SubnetConfig config;
    /** What-if grids already computed for the current sub-network, by (block, board). */
    private final Map<Long, WhatIfGrid> whatIfCache = new HashMap<>();

    /** A heatmap with one column per analyzer, in order; the list may be empty (no columns yet). */
    public HeatmapViewModel(List<BoardAnalyzer> analyzers) {
        useBoards(analyzers);
        metric.addListener((obs, old, now) -> {
            if (now == null) {
                metric.set(HeatmapMetric.LATENCY);
                return;
            }
            updateColourScale();
        });
    }

    /** Board ids, one per column. */
    public List<String> boards() {
        return boards;
    }

    /**
     * Replaces the columns with {@code analyzers} (in order) and recomputes the sub-network's and
     * the baseline's tables; the what-if grid is cleared, and keeps its board only if that column
     * is still there. An empty list leaves both tables empty.
     */
    public void setBoards(List<BoardAnalyzer> analyzers) {
        String lastWhatIfBoard = whatIfBoard < boards.size() ? boards.get(whatIfBoard) : null;
        useBoards(analyzers);
        whatIfBoard = Math.max(0, boards.indexOf(lastWhatIfBoard));
        whatIfCache.clear();
        whatIf.set(null);
        hoverText.set("");
        analyzeTables();
        updateColourScale();
    }

    private void useBoards(List<BoardAnalyzer> list) {
        List<BoardAnalyzer> copy = List.copyOf(list);
        List<String> ids = copy.stream().map(BoardAnalyzer::boardId).toList();
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("heatmap board ids must be distinct, got " + ids);
        }
        this.analyzers = copy;
        this.boards = ids;
    }

    /**
     * A short remark shown above the tables, e.g. which checked sources give no per-layer DPU
     * report and so have no column; empty for none.
     */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public void setNote(String text) {
        note.set(text == null ? "" : text);
    }

    /** The metric that the cell colours show. */
    public ObjectProperty<HeatmapMetric> metricProperty() {
        return metric;
    }

    public ReadOnlyObjectProperty<HeatmapTable> subnetTableProperty() {
        return subnetTable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HeatmapTable> baselineTableProperty() {
        return baselineTable.getReadOnlyProperty();
    }

    /** Colour range of the current metric over both tables' layer cells, so the two compare. */
    public ReadOnlyObjectProperty<ColourScale> colourScaleProperty() {
        return colourScale.getReadOnlyProperty();
    }

    /** Text of the hovered cell (layer, board, all three metrics, shapes); empty when none. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** The what-if grid of the last hovered elastic block, or null. */
    public ReadOnlyObjectProperty<WhatIfGrid> whatIfProperty() {
        return whatIf.getReadOnlyProperty();
    }

    /** One-line message of the last analysis failure; empty when the last analysis worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows sub-network {@code config} of {@code space}; null clears the table. */
    public void setSubnet(SearchSpace space, SubnetConfig config) {
        this.space = space;
        this.config = config;
        whatIfCache.clear();
        whatIf.set(null);
        hoverText.set("");
        analyzeTables();
        updateColourScale();
    }

    /** Shows {@code baseline} (MobileNetV2) beside the sub-network; null hides it. */
    public void setBaseline(NetworkDescription baseline) {
        this.baseline = baseline;
        analyzeTables();
        updateColourScale();
    }

    /**
     * The pointer is over a cell of {@code table}: sets the hover text and, for an elastic block
     * of the sub-network, the what-if grid of that block on that board. {@code row ==
     * table.rows().size()} is the total row.
     */
    public void hoverCell(HeatmapTable table, int row, int board) {
        if (table == null || row < 0 || row > table.rows().size() || board < 0 || board >= table.boards().size()) {
            clearHover();
            return;
        }
        if (row == table.rows().size()) {
            hoverText.set(totalText(table, board));
            return;
        }
        HeatmapRow r = table.rows().get(row);
        hoverText.set(cellText(r, table.boards().get(board), r.reports().get(board)));
        if (table == subnetTable.get() && r.block() >= 0) {
            // A table may lack a board that failed on it: find the column's board by id.
            showWhatIf(r.block(), boards.indexOf(table.boards().get(board)));
        }
    }

    public void clearHover() {
        hoverText.set("");
    }

    /** The what-if grid of {@code block} on the board of the last what-if (the first board at first). */
    public void showWhatIf(int block) {
        showWhatIf(block, whatIfBoard);
    }

    /**
     * Computes the what-if grid of elastic block {@code block} on board {@code board}: for each
     * (k, e) of the space, the same config with that block changed, described and analyzed; the
     * value is the block's own layer latency. Inactive blocks and no selection clear the grid.
     */
    public void showWhatIf(int block, int board) {
        if (config == null || block < 0 || block >= SubnetConfig.BLOCKS || !config.isActive(block)
                || board < 0 || board >= boards.size()) {
            whatIf.set(null);
            return;
        }
        whatIfBoard = board;
        long key = (long) block * 1000 + board;
        WhatIfGrid grid = whatIfCache.get(key);
        if (grid == null) {
            try {
                grid = computeWhatIf(block, board);
            } catch (OfaException | RuntimeException e) {
                error.set(boards.get(board) + ": what-if of block " + block + " failed: " + e.getMessage());
                whatIf.set(null);
                return;
            }
            whatIfCache.put(key, grid);
        }
        whatIf.set(grid);
    }

    private WhatIfGrid computeWhatIf(int block, int board) throws OfaException {
        String layerName = "blocks." + (block + 1);
        BoardAnalyzer analyzer = analyzers.get(board);
        List<Double> values = new ArrayList<>();
        for (int k : space.kernelSizes()) {
            for (int e : space.expandRatios()) {
                NetworkDescription variant = space.describe(config.withBlock(block, k, e));
                values.add(layerLatency(analyzer.analyze(variant), layerName));
            }
        }
        return new WhatIfGrid(block, layerName, boards.get(board), space.kernelSizes(), space.expandRatios(), values,
                config.ks(block), config.e(block));
    }

    private static double layerLatency(NetworkReport report, String layerName) {
        for (LayerReport l : report.layers()) {
            if (l.name().equals(layerName)) {
                return l.latencyMs();
            }
        }
        throw new IllegalStateException("report of " + report.network() + " on " + report.board()
                + " has no layer " + layerName);
    }

    /**
     * The table of {@code net} on every board that can analyze it. A board that fails (a measured
     * profile that lacks some layer of the baseline, say) loses its column in this table only and is
     * named in {@link #errorProperty}; null (no table) when no board is left.
     */
    private HeatmapTable analyzeAll(String title, NetworkDescription net, List<String> failures) {
        List<String> ok = new ArrayList<>(analyzers.size());
        List<NetworkReport> reports = new ArrayList<>(analyzers.size());
        for (BoardAnalyzer a : analyzers) {
            try {
                NetworkReport r = Objects.requireNonNull(a.analyze(net), a.boardId() + " returned no report");
                // Checks the layer alignment of this board's report alone.
                HeatmapTable.of(title, net, List.of(a.boardId()), List.of(r));
                ok.add(a.boardId());
                reports.add(r);
            } catch (OfaException | RuntimeException e) {
                failures.add(net.name() + " on " + a.boardId() + ": analysis failed: " + e.getMessage());
            }
        }
        return ok.isEmpty() ? null : HeatmapTable.of(title, net, ok, reports);
    }

    /** Recomputes both tables and the error line from the current boards, sub-network and baseline. */
    private void analyzeTables() {
        List<String> failures = new ArrayList<>();
        if (space == null || config == null) {
            subnetTable.set(null);
        } else {
            subnetTable.set(analyzeAll("Selected sub-network", space.describe(config), failures));
        }
        baselineTable.set(baseline == null ? null
                : analyzeAll("Baseline " + baseline.name(), baseline, failures));
        // One line: the first failure in full, then how many more.
        error.set(failures.isEmpty() ? "" : failures.get(0).lines().findFirst().orElse("")
                + (failures.size() > 1 ? " (+" + (failures.size() - 1) + " more)" : ""));
    }

    private void updateColourScale() {
        HeatmapMetric m = metric.get();
        List<HeatmapTable> tables = new ArrayList<>(2);
        if (subnetTable.get() != null) {
            tables.add(subnetTable.get());
        }
        if (baselineTable.get() != null) {
            tables.add(baselineTable.get());
        }
        int n = 0;
        for (HeatmapTable t : tables) {
            n += t.rows().size() * t.boards().size();
        }
        double[] values = new double[n];
        int i = 0;
        for (HeatmapTable t : tables) {
            for (int r = 0; r < t.rows().size(); r++) {
                for (int b = 0; b < t.boards().size(); b++) {
                    values[i++] = t.value(r, b, m);
                }
            }
        }
        colourScale.set(ColourScale.spanning(values, n, m.logScale()));
    }

    private static String cellText(HeatmapRow row, String board, LayerReport r) {
        Layer l = row.layer();
        StringBuilder s = new StringBuilder();
        s.append(row.label()).append(" on ").append(board).append('\n');
        s.append(HeatmapMetric.LATENCY.formatWithUnit(r.latencyMs())).append(" · ")
                .append(HeatmapMetric.OPS_PER_BYTE.formatWithUnit(r.opsPerByte())).append(" · ")
                .append(HeatmapMetric.PEAK_FRACTION.formatWithUnit(r.peakFraction())).append('\n');
        s.append(l.in().lutString()).append(" → ").append(l.out().lutString())
                .append(" · ").append(String.format(java.util.Locale.ROOT, "%.2f", r.ops() / 1e6)).append(" Mops")
                .append(" · ").append(r.bound().jsonName()).append(" bound");
        return s.toString();
    }

    private static String totalText(HeatmapTable t, int board) {
        return "Total of " + t.network().name() + " on " + t.boards().get(board) + '\n'
                + HeatmapMetric.LATENCY.formatWithUnit(t.total(board, HeatmapMetric.LATENCY)) + " in layers · "
                + HeatmapMetric.LATENCY.formatWithUnit(t.reports().get(board).latencyMs()) + " end to end\n"
                + HeatmapMetric.OPS_PER_BYTE.formatWithUnit(t.total(board, HeatmapMetric.OPS_PER_BYTE)) + " · "
                + HeatmapMetric.PEAK_FRACTION.formatWithUnit(t.total(board, HeatmapMetric.PEAK_FRACTION));
    }
}
