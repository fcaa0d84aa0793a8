package dev.ofastudio.app.pareto;

import dev.ofastudio.engine.study.Sweep;
import dev.ofastudio.engine.study.ResultTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.OfaException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoViewModelTest {
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ImmediateTaskExecutor exec = new ImmediateTaskExecutor();
    private final InputsViewModel inputs = new InputsViewModel(Fakes.loaders(), dialogs, exec, new MemorySettings());
    private boolean failSearch;
    private final ParetoViewModel vm = new ParetoViewModel(inputs, new Sweep((s, p, l, b, seed, pr, c) -> {
        if (failSearch) {
            throw new OfaException("budget 0.01 ms: expected at least the cheapest sub-network's 0.9 ms");
        }
        return Fakes.randomSearch(15).search(s, p, l, b, seed, pr, c);
    }), exec, dialogs);

    ParetoViewModelTest() {
        inputs.loadShippedBoards();
        inputs.loadPredictor(Path.of("/p.pth"), x -> { });
        vm.cloudSizeProperty().set(400);
        vm.budgetCountProperty().set(2);
    }

    @Test
    void aSweepFillsTheTableComputesFrontsAndSelectsTheBestUnderTheBudget() {
        vm.runSweep();
        ResultTable t = vm.tableProperty().get();
        assertEquals(2, t.boards().size());
        assertTrue(vm.front(0).length > 1);
        // No reference networks in the fakes: the budget starts at the middle of the front.
        double budget = vm.budgetMsProperty().get();
        SelectedNet s = vm.selectedProperty().get();
        assertTrue(s.latencyMs()[0] <= budget);
        for (int i : vm.front(0)) {
            if (t.latency(0, i) <= budget) {
                assertTrue(t.accuracy(i) <= s.accuracy(), "the selection is the front's best under the budget");
            }
        }
    }

    @Test
    void aFailingSearchShowsTheErrorAndKeepsThePreviousResults() {
        vm.runSweep();
        ResultTable before = vm.tableProperty().get();
        failSearch = true;
        vm.searchAtBudget(0.01);
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).problems().get(0).contains("expected at least"));
        assertSame(before, vm.tableProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    /**
     * Issue 11, problem 1: a re-sweep with results on screen showed the cloud-only partial table
     * with the previous, larger table's fronts (AIOOBE in the renderer). Every plot a listener
     * sees must index only rows of its own table.
     */
    @Test
    void aReSweepNeverPublishesFrontsOfAnotherTable() {
        vm.runSweep();
        int firstSize = vm.tableProperty().get().size();
        assertTrue(firstSize > 400, "the first sweep added search rows to the 400-net cloud");
        List<String> bad = new ArrayList<>();
        int[] seen = {0};
        // The chart listens for changes, which computes the plot as soon as the table changes.
        vm.plotBinding().addListener((o, a, plot) -> {
            seen[0]++;
            for (int b = 0; b < plot.fronts().length; b++) {
                for (int row : plot.fronts()[b]) {
                    if (row < 0 || row >= plot.rows()) {
                        bad.add("board " + b + " front row " + row + " of " + plot.rows());
                    }
                }
            }
        });
        vm.runSweep();
        assertTrue(seen[0] > 1, "the re-sweep published partial plots");
        assertEquals(List.of(), bad);
    }

    @Test
    void hiddenBoardsAreNotDrawn() {
        vm.runSweep();
        vm.visibleBoards().get(1).set(false);
        var plot = vm.plotBinding().get();
        assertTrue(plot.visible()[0]);
        assertFalse(plot.visible()[1]);
    }
}
