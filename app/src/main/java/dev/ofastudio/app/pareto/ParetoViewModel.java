package dev.ofastudio.app.pareto;

import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.inputs.Problems;
import dev.ofastudio.app.render.PlotData;
import dev.ofastudio.app.service.BackgroundTask;
import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.TaskExecutor;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.latency.measure.Measurement;
import dev.ofastudio.engine.latency.profile.ProfileCalibrator;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.MeasuredNet;
import dev.ofastudio.engine.study.ReferenceMarkers;
import dev.ofastudio.engine.study.ReferenceNet;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.engine.study.Sweep;
import dev.ofastudio.engine.study.SweepEvaluator;
import dev.ofastudio.engine.study.SweepRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Pareto chart's state and commands: runs sweeps and single-budget searches in the
 * background (progress, cancel), holds every evaluated net, the fronts, the selection and the
 * hover, the budget line and which boards are shown, and publishes one {@link PlotData} for the
 * renderer. The selection is what the diagram, the heatmap, export and present mode follow.
 */
public final class ParetoViewModel {
    private final InputsViewModel inputs;
    private final Sweep runner;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ObjectProperty<ResultTable> table = new SimpleObjectProperty<>(ResultTable.empty(List.of()));
    private final ObjectProperty<SearchSpace> resultSpace = new SimpleObjectProperty<>();
    private final ObjectProperty<ReferenceMarkers> references = new SimpleObjectProperty<>(ReferenceMarkers.empty());
    /** The published networks a sweep marks: ImageNet's, or none for a project on other data; null = the loaders'. */
    private final ObjectProperty<List<ReferenceNet>> referenceNets = new SimpleObjectProperty<>();
    private final ObjectProperty<List<MeasuredNet>> measured = new SimpleObjectProperty<>(List.of());
    private final ObservableList<BooleanProperty> visible = FXCollections.observableArrayList(
            p -> new Observable[] {p});
    private final IntegerProperty chosenBoard = new SimpleIntegerProperty(-1);
    private final IntegerProperty budgetCount = new SimpleIntegerProperty(6);
    private final IntegerProperty cloudSize = new SimpleIntegerProperty(10_000);
    private final LongProperty seed = new SimpleLongProperty(1);
    private final DoubleProperty budgetMs = new SimpleDoubleProperty(Double.NaN);
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(-1);
    private final IntegerProperty hoveredRow = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<SelectedNet> selected = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<BackgroundTask<?>> currentTask = new SimpleObjectProperty<>();
    private SweepEvaluator evaluator;
    /** Table, space and boards before a running sweep began showing partial results. */
    private Object[] previous;
    private List<LatencySource> sweepBoards = List.of();
    private final ObjectBinding<PlotData> plot;

    public ParetoViewModel(InputsViewModel inputs, Sweep runner, TaskExecutor executor, DialogService dialogs) {
        this.inputs = inputs;
        this.runner = runner;
        this.executor = executor;
        this.dialogs = dialogs;
        table.addListener((o, a, t) -> {
            while (visible.size() < t.boards().size()) {
                visible.add(new SimpleBooleanProperty(true));
            }
            while (visible.size() > t.boards().size()) {
                visible.remove(visible.size() - 1);
            }
        });
        selectedRow.addListener((o, a, r) -> selected.set(r.intValue() < 0 || r.intValue() >= table.get().size()
                ? null : SelectedNet.of(table.get(), r.intValue(), resultSpace.get(), sweepBoards)));
        plot = Bindings.createObjectBinding(this::buildPlot, table, references, measured, visible, chosenBoard,
                budgetMs, selectedRow, hoveredRow);
    }

    private PlotData buildPlot() {
        ResultTable t = table.get();
        int nb = t.boards().size();
        boolean[] vis = new boolean[nb];
        double[][] lat = new double[nb][];
        for (int b = 0; b < nb; b++) {
            vis[b] = b < visible.size() && visible.get(b).get();
            lat[b] = t.latencyColumn(b);
        }
        int chosen = chosenBoard.get();
        List<PlotData.Marker> markers = new ArrayList<>();
        ReferenceMarkers refs = references.get();
        if (chosen >= 0 && chosen < refs.latency().length) {
            for (int r = 0; r < refs.names().size(); r++) {
                double l = refs.latency()[chosen][r];
                if (!Double.isNaN(l)) {
                    markers.add(new PlotData.Marker(refs.names().get(r), l, refs.top1(r)));
                }
            }
        }
        List<PlotData.Measured> ms = new ArrayList<>();
        for (MeasuredNet m : measured.get()) {
            ms.add(new PlotData.Measured(shortName(m.network()), m.latencyMs(), m.top1()));
        }
        return new PlotData(t.boards(), vis, lat, t.accuracyColumn(), t.originColumn(), t.frontsView(), markers, chosen,
                budgetMs.get(), selectedRow.get(), hoveredRow.get(), ms,
                measured.get().isEmpty() ? "" : measured.get().get(0).board());
    }

    /**
     * Marks the networks of a calibration on the chart (null clears them): configs of the project's
     * space at their predicted accuracy, reference networks at their published one, the rest on the
     * latency axis.
     */
    public void showMeasured(ProfileCalibrator.Result r) {
        measured.set(r == null ? List.of() : MeasuredNet.of(r, this::predictedTop1));
    }

    /** A config file's name without its folder (the chart has no room for paths); reference specs as they are. */
    private static String shortName(String spec) {
        int slash = Math.max(spec.lastIndexOf('/'), spec.lastIndexOf('\\'));
        return slash >= 0 ? spec.substring(slash + 1) : spec;
    }

    public ObjectProperty<List<MeasuredNet>> measuredProperty() {
        return measured;
    }

    /** Predicted top-1 (%) of an OFA config spec {@code FILE.json[@WIDTH]} in the project's space, else NaN. */
    private double predictedTop1(String spec) {
        String s = spec.strip();
        int at = s.lastIndexOf('@');
        String file = at > 0 ? s.substring(0, at) : s;
        SearchSpace space = resultSpace.get() != null ? resultSpace.get() : inputs.spaceProperty().get();
        AccuracyPredictor p = inputs.predictorProperty().get();
        if (!file.toLowerCase(Locale.ROOT).endsWith(".json") || space == null || p == null || !p.supports(space)) {
            return Double.NaN;
        }
        try {
            double width = at > 0 ? Double.parseDouble(s.substring(at + 1)) : 1.0;
            SubnetConfig c = SubnetConfigJson.read(Path.of(file));
            if (width != space.widthMult()) {
                return Double.NaN;
            }
            space.validate(c);
            return 100 * p.predict(c);
        } catch (OfaException | RuntimeException e) {
            // Not a config of this space: it is placed like any other network without a known accuracy.
            return Double.NaN;
        }
    }

    /** The tooltip text of measured network {@code k}: its name, "measured", the board, latency and accuracy. */
    public String describeMeasured(int k) {
        List<MeasuredNet> all = measured.get();
        if (k < 0 || k >= all.size()) {
            return "";
        }
        MeasuredNet m = all.get(k);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: measured on %s%n", m.network(), m.board()));
        if (m.kind() == Measurement.Kind.E2E) {
            sb.append(String.format(Locale.ROOT, "%.3f ms end to end (measured)", m.measuredMs()));
        } else {
            sb.append(String.format(Locale.ROOT, "%.3f ms = %.3f ms DPU (measured) + %.3f ms per-frame overhead",
                    m.latencyMs(), m.measuredMs(), m.latencyMs() - m.measuredMs()));
        }
        sb.append('\n').append(m.hasAccuracy()
                ? String.format(Locale.ROOT, "top-1 %.1f%% (%s)", m.top1(), m.accuracySource())
                : "accuracy unknown: marked on the latency axis");
        return sb.toString();
    }

    /** Runs the cloud and the budget sweep on every enabled source, replacing the results. */
    public BackgroundTask<?> runSweep() {
        if (running.get()) {
            return currentTask.get();
        }
        if (inputs.predictorProperty().get() == null || inputs.enabledSources().isEmpty()) {
            dialogs.showError("Cannot run the sweep", "Load an accuracy predictor and enable at least one latency source.");
            return null;
        }
        SearchSpace space = inputs.spaceProperty().get();
        List<LatencySource> boards = inputs.enabledSources();
        SweepRequest req = new SweepRequest(space, inputs.predictorProperty().get(), boards, budgetCount.get(),
                cloudSize.get(), seed.get());
        var refs = referenceNets.get() != null ? referenceNets.get() : inputs.loaders().referenceNets();
        record Outcome(ResultTable table, ReferenceMarkers refs, SweepEvaluator eval) {
        }
        return start(BackgroundTask.<Outcome>of("Sweep", (p, cancel) -> {
            ResultTable t = runner.run(req, p, cancel, part -> executor.runOnUiThread(() -> {
                if (!cancel.isCancelled()) {
                    showPartial(part, space, boards);
                }
            }));
            return new Outcome(t, ReferenceMarkers.evaluate(refs, boards), new SweepEvaluator(space, req.predictor(), boards));
        }).onSuccess(o -> {
            previous = null;
            evaluator = o.eval();
            sweepBoards = boards;
            resultSpace.set(space);
            selectedRow.set(-1);
            hoveredRow.set(-1);
            references.set(o.refs());
            table.set(o.table());
            chosenBoard.set(Math.max(0, indexOfChosen()));
            message.set(String.format("%,d sub-networks evaluated on %d board(s)", o.table().size(), boards.size())
                    + hideOtherScales(o.table()));
            if (Double.isNaN(budgetMs.get())) {
                // Start where a demo starts: the budget of MobileNetV2 on the chosen board.
                budgetMs.set(defaultBudget(o.refs(), o.table()));
            }
            selectBestUnder(budgetMs.get());
        }));
    }

    /** Hides boards on another latency scale than the chosen one; the note for the status bar. */
    private String hideOtherScales(ResultTable t) {
        List<String> hidden = new ArrayList<>();
        for (int b : LatencyScales.otherScale(t, chosenBoard.get())) {
            visible.get(b).set(false);
            hidden.add(t.boards().get(b));
        }
        return hidden.isEmpty() ? "" : "; " + String.join(", ", hidden) + " hidden: another latency scale than "
                + t.boards().get(chosenBoard.get()) + " (tick it above the chart to show it)";
    }

    /** Shows a sweep's results so far; the final table replaces them (or the previous one on cancel). */
    private void showPartial(ResultTable part, SearchSpace space, List<LatencySource> boards) {
        if (previous == null) {
            previous = new Object[] {table.get(), resultSpace.get(), sweepBoards};
        }
        sweepBoards = boards;
        resultSpace.set(space);
        table.set(part);
        if (chosenBoard.get() < 0 || chosenBoard.get() >= boards.size()) {
            chosenBoard.set(Math.max(0, indexOfChosen()));
        }
    }

    @SuppressWarnings("unchecked")
    private void restorePrevious() {
        if (previous != null) {
            resultSpace.set((SearchSpace) previous[1]);
            sweepBoards = (List<LatencySource>) previous[2];
            table.set((ResultTable) previous[0]);
            chosenBoard.set(sweepBoards.isEmpty() ? -1 : Math.min(chosenBoard.get(), sweepBoards.size() - 1));
            previous = null;
        }
    }

    private double defaultBudget(ReferenceMarkers refs, ResultTable t) {
        int b = chosenBoard.get();
        int r = refs.indexOf("MobileNetV2");
        if (r >= 0 && b < refs.latency().length && !Double.isNaN(refs.latency()[b][r])) {
            return refs.latency()[b][r];
        }
        int[] f = b < t.boards().size() ? t.front(b) : new int[0];
        return f.length == 0 ? Double.NaN : t.latency(b, f[f.length / 2]);
    }

    private int indexOfChosen() {
        var c = inputs.chosenProperty().get();
        if (c == null) {
            return 0;
        }
        for (int b = 0; b < sweepBoards.size(); b++) {
            if (sweepBoards.get(b).id().equals(c.source().id())) {
                return b;
            }
        }
        return 0;
    }

    /** Searches the chosen board under {@code budget}, adds the history, and selects the winner. */
    public BackgroundTask<?> searchAtBudget(double budget) {
        budgetMs.set(budget);
        if (evaluator == null || chosenBoard.get() < 0 || running.get()) {
            return null;
        }
        int b = chosenBoard.get();
        ResultTable base = table.get();
        SweepEvaluator eval = evaluator;
        record Found(ResultTable table, SubnetConfig best) {
        }
        return start(BackgroundTask.<Found>of("Search", (p, cancel) -> {
            p.progress(0, 1, String.format("searching under %.2f ms", budget));
            ResultTable.Builder out = base.toBuilder();
            SubnetConfig best = runner.searchInto(eval, b, budget, seed.get() + Double.doubleToLongBits(budget), out, cancel);
            p.progress(1, 1, "done");
            return new Found(out.build(), best);
        }).onSuccess(f -> {
            table.set(f.table());
            int row = f.best() == null ? -1 : lastIndexOf(f.table(), f.best());
            if (row < 0) {
                message.set(String.format("No sub-network fits under %.2f ms on %s", budget, f.table().boards().get(b)));
            } else {
                selectedRow.set(row);
                message.set(String.format("Best under %.2f ms: %.2f%% at %.2f ms", budget, f.table().accuracy(row),
                        f.table().latency(b, row)));
            }
        }));
    }

    private static int lastIndexOf(ResultTable t, SubnetConfig c) {
        for (int i = t.size() - 1; i >= 0; i--) {
            if (t.config(i).equals(c)) {
                return i;
            }
        }
        return -1;
    }

    private <V> BackgroundTask<V> start(BackgroundTask<V> task) {
        running.set(true);
        progress.set(-1);
        currentTask.set(task);
        return executor.execute(task
                .onProgress((done, total, msg) -> {
                    progress.set(total <= 0 ? -1 : (double) done / total);
                    message.set(msg);
                })
                .onFailure(e -> {
                    restorePrevious();
                    // The dialog blocks until dismissed; the task itself is over.
                    running.set(false);
                    message.set(task.title() + " failed");
                    dialogs.showErrors(task.title() + " failed", e instanceof OfaException
                            ? "The inputs could not be evaluated." : "Unexpected error: " + e, Problems.of(e));
                })
                .onCancelled(() -> {
                    restorePrevious();
                    message.set(task.title() + " cancelled; previous results kept");
                })
                .onFinished(() -> {
                    running.set(false);
                    progress.set(0);
                    currentTask.set(null);
                }));
    }

    /** Cancels the running sweep or search; the previous results stay. */
    public void cancel() {
        BackgroundTask<?> t = currentTask.get();
        if (t != null) {
            t.cancel();
        }
    }

    /** Selects the most accurate row on the chosen board's front under {@code budget}. */
    public void selectBestUnder(double budget) {
        int b = chosenBoard.get();
        if (b < 0 || b >= table.get().boards().size()) {
            return;
        }
        int best = -1;
        for (int i : table.get().front(b)) {
            if (table.get().latency(b, i) <= budget) {
                best = i;
            }
        }
        if (best >= 0) {
            selectedRow.set(best);
        }
    }

    public void select(int row) {
        selectedRow.set(row);
    }

    public void hover(int row) {
        hoveredRow.set(row);
    }

    /** Replaces the results wholesale (reopening a workspace). */
    public void restore(ResultTable t, SearchSpace space, List<LatencySource> boards, ReferenceMarkers refs,
            int chosen, double budget, int selection) throws OfaException {
        evaluator = inputs.predictorProperty().get() == null ? null
                : new SweepEvaluator(space, inputs.predictorProperty().get(), boards);
        sweepBoards = List.copyOf(boards);
        resultSpace.set(space);
        references.set(refs);
        selectedRow.set(-1);
        table.set(t);
        chosenBoard.set(chosen);
        budgetMs.set(budget);
        selectedRow.set(selection);
    }

    /** Pareto front rows of board {@code b}, sorted by latency. */
    public int[] front(int b) {
        return b >= 0 && b < table.get().boards().size() ? table.get().front(b) : new int[0];
    }

    public List<LatencySource> sweepBoards() {
        return sweepBoards;
    }

    public ObjectBinding<PlotData> plotBinding() {
        return plot;
    }

    public ObjectProperty<ResultTable> tableProperty() {
        return table;
    }

    public ObjectProperty<SearchSpace> resultSpaceProperty() {
        return resultSpace;
    }

    /**
     * The reference networks the next sweep marks and present mode compares with; an empty list
     * hides them (their ImageNet accuracies mean nothing on another data set). Null: the standard ones.
     */
    public ObjectProperty<List<ReferenceNet>> referenceNetsProperty() {
        return referenceNets;
    }

    public ObjectProperty<ReferenceMarkers> referencesProperty() {
        return references;
    }

    public ObservableList<BooleanProperty> visibleBoards() {
        return visible;
    }

    public IntegerProperty chosenBoardProperty() {
        return chosenBoard;
    }

    public IntegerProperty budgetCountProperty() {
        return budgetCount;
    }

    public IntegerProperty cloudSizeProperty() {
        return cloudSize;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public DoubleProperty budgetMsProperty() {
        return budgetMs;
    }

    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    public IntegerProperty hoveredRowProperty() {
        return hoveredRow;
    }

    public ReadOnlyObjectProperty<SelectedNet> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /**
     * The tooltip text of a row: accuracy, then per board the engine's figures (latency with the
     * per-frame overhead as its own term, GOPS/s, ops/byte), MACs, params and where it came from.
     */
    public String describe(int row) {
        ResultTable t = table.get();
        if (row < 0 || row >= t.size() || resultSpace.get() == null) {
            return "";
        }
        SelectedNet s = SelectedNet.of(t, row, resultSpace.get(), sweepBoards);
        StringBuilder sb = new StringBuilder(String.format("top-1 %.2f%% (predicted)%n", t.accuracy(row)));
        for (int b = 0; b < t.boards().size(); b++) {
            sb.append(FigureText.line(s.figures().get(b), t.boards().get(b))).append('\n');
        }
        sb.append(String.format("MACs %.1f M, params %.2f M%nresolution %d, depths %s",
                t.macs(row) / 1e6, t.params(row) / 1e6, t.config(row).r(), t.config(row).dList()));
        sb.append(t.origin(row) < 0 ? "\nrandom sample" : String.format("%nfound by the search under %.2f ms on %s",
                t.budget(row), t.boards().get(t.origin(row))));
        return sb.toString();
    }
}
