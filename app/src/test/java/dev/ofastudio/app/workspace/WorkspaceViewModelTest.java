package dev.ofastudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.Studio;
import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.testing.BuiltIn;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceViewModelTest {
    @TempDir
    Path tmp;
    private final FakeDialogService dialogs = new FakeDialogService();
    private Studio studio;

    private Studio newStudio() throws Exception {
        Studio s = new Studio(Fakes.loaders(), dialogs, new ImmediateTaskExecutor(), BuiltIn.openingImageNet(),
                Fakes.randomSearch(20), BoardAnalyzer.dpuModels("zcu102"));
        s.start();
        return s;
    }

    @BeforeEach
    void sweep() throws Exception {
        studio = newStudio();
        studio.inputs().loadPredictor(tmp.resolve("acc.pth"), p -> { });
        studio.inputs().loadLatency(tmp.resolve("my.csv"));
        studio.inputs().sources().get(1).enabledProperty().set(false);
        studio.pareto().cloudSizeProperty().set(300);
        studio.pareto().budgetCountProperty().set(2);
        studio.pareto().runSweep();
        studio.pareto().select(studio.pareto().front(0)[1]);
        studio.pareto().budgetMsProperty().set(4.5);
    }

    @Test
    void savedWorkspaceReopensInputsResultsBudgetAndSelection() throws Exception {
        Path f = tmp.resolve("s.ofaws.json");
        dialogs.answer(f);
        studio.workspace().save();
        Studio other = newStudio();
        dialogs.answer(f);
        other.workspace().open();
        assertTrue(dialogs.errors.isEmpty(), () -> dialogs.errors.toString());
        assertEquals(studio.inputs().sources().size(), other.inputs().sources().size());
        assertFalse(other.inputs().sources().get(1).isEnabled());
        assertEquals(studio.inputs().chosenProperty().get().source().id(),
                other.inputs().chosenProperty().get().source().id());
        assertEquals(studio.pareto().tableProperty().get().size(), other.pareto().tableProperty().get().size());
        assertEquals(studio.pareto().selectedProperty().get().config(), other.pareto().selectedProperty().get().config());
        assertEquals(4.5, other.pareto().budgetMsProperty().get());
        assertEquals(300, other.pareto().cloudSizeProperty().get());
        // The diagram follows the reopened selection too.
        assertEquals(studio.diagram().layoutProperty().get(), other.diagram().layoutProperty().get());
    }

    @Test
    void aWorkspaceWhoseFilesAreGoneOpensNothing() throws Exception {
        Path f = tmp.resolve("s.ofaws.json");
        dialogs.answer(f);
        studio.workspace().save();
        Files.writeString(f, Files.readString(f).replace("my.csv", "broken.csv"));
        Studio other = newStudio();
        var before = other.pareto().tableProperty().get();
        dialogs.answer(f);
        other.workspace().open();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).problems().size() >= 2, "each problem on its own line");
        assertSame(before, other.pareto().tableProperty().get());
        // Unchanged: the two shipped fakes and the open project's table.
        assertEquals(3, other.inputs().sources().size());
    }
}
