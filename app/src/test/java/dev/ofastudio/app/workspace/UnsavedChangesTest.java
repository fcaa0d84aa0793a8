package dev.ofastudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.Studio;
import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.service.SaveChoice;
import dev.ofastudio.app.testing.BuiltIn;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unsaved changes: what the workspace file stores, changed since it was saved or opened, makes the
 * session dirty; closing then asks Save / Don't save / Cancel. Start-up (the default project and
 * its first sweep) leaves nothing to save.
 */
class UnsavedChangesTest {
    static final String QUESTION = "Save changes to the workspace before closing?";

    @TempDir
    Path tmp;
    private final FakeDialogService dialogs = new FakeDialogService();
    private final AtomicInteger closed = new AtomicInteger();
    private Studio studio;
    private WorkspaceViewModel ws;

    /** A started studio: the shipped boards, the default project opened and swept (a small cloud). */
    private Studio newStudio() throws Exception {
        Studio s = new Studio(Fakes.loaders(), dialogs, new ImmediateTaskExecutor(), BuiltIn.openingImageNet(),
                Fakes.randomSearch(20), BoardAnalyzer.dpuModels("zcu102"));
        s.pareto().cloudSizeProperty().set(300);
        s.pareto().budgetCountProperty().set(2);
        s.start();
        return s;
    }

    @BeforeEach
    void start() throws Exception {
        studio = newStudio();
        ws = studio.workspace();
    }

    private boolean close() {
        return ws.allowClose(closed::incrementAndGet);
    }

    @Test
    void aFreshStudioHasNothingToSaveAndClosesWithoutAsking() {
        assertTrue(studio.pareto().tableProperty().get().size() > 0, "the default project was opened and swept");
        assertFalse(ws.dirtyProperty().get());
        assertEquals("Untitled — OFA Studio", ws.titleBinding().get());
        assertTrue(close(), "closes at once");
        assertTrue(dialogs.saveQuestions.isEmpty(), dialogs.saveQuestions::toString);
    }

    static Stream<Arguments> changesTheFileStores() {
        return Stream.of(
                change("a sweep", s -> s.pareto().runSweep()),
                change("loading a latency source", s -> s.inputs().loadLatency(Path.of("my.csv"))),
                change("removing a latency source", s -> s.inputs().sources().remove(0)),
                change("unticking a latency source", s -> s.inputs().sources().get(0).enabledProperty().set(false)),
                change("choosing another board", s -> s.inputs().chosenProperty().set(s.inputs().sources().get(1))),
                change("moving the budget", s -> s.pareto().budgetMsProperty().set(3.25)),
                change("the sweep's budget count", s -> s.pareto().budgetCountProperty().set(5)),
                change("the sweep's seed", s -> s.pareto().seedProperty().set(7)),
                change("choosing another net", s -> s.pareto().select(s.pareto().front(0)[0])),
                change("another predictor", s -> s.inputs().loadPredictor(Path.of("other.pth"), p -> { })));
    }

    private static Arguments change(String name, Consumer<Studio> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesTheFileStores")
    void aChangeToWhatTheFileStoresMarksTheSessionAndClosingAsks(String name, Consumer<Studio> change) {
        change.accept(studio);
        assertTrue(ws.dirtyProperty().get(), name + " is unsaved work");
        assertEquals("• Untitled — OFA Studio", ws.titleBinding().get());
        assertFalse(close(), "Cancel (the fake's default answer) keeps the window open");
        assertEquals(List.of(QUESTION), dialogs.saveQuestions);
        assertEquals(0, closed.get());
        assertTrue(ws.dirtyProperty().get());
    }

    @Test
    void whatTheFileDoesNotStoreAndAChangeUndoneLeaveItClean() {
        studio.pareto().hover(studio.pareto().front(0)[0]);
        studio.pareto().visibleBoards().get(0).set(false);
        assertFalse(ws.dirtyProperty().get(), "hovering and hiding a board are not saved");
        double budget = studio.pareto().budgetMsProperty().get();
        studio.pareto().budgetMsProperty().set(budget + 1);
        assertTrue(ws.dirtyProperty().get());
        studio.pareto().budgetMsProperty().set(budget);
        assertFalse(ws.dirtyProperty().get(), "back where it was saved");
    }

    @Test
    void dontSaveClosesWithoutWritingAnything() throws Exception {
        studio.pareto().runSweep();
        dialogs.saveAnswer = SaveChoice.DONT_SAVE;
        assertTrue(close());
        assertEquals(1, dialogs.saveQuestions.size());
        assertTrue(dialogs.asked.isEmpty(), "no file dialog");
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void saveAsksWhereForAnUntitledSessionThenWritesAndCloses() throws Exception {
        studio.pareto().runSweep();
        Path f = tmp.resolve("mine.ofaws.json");
        dialogs.answer(f);
        dialogs.saveAnswer = SaveChoice.SAVE;
        assertFalse(close(), "closes once the file is written, not before");
        assertEquals(1, closed.get());
        assertEquals(1, dialogs.asked.size());
        var saved = WorkspaceFile.read(f);
        assertEquals(studio.pareto().tableProperty().get().size(), saved.results().size());
        assertFalse(ws.dirtyProperty().get());
        assertEquals(f, ws.fileProperty().get());
        assertEquals("mine.ofaws.json — OFA Studio", ws.titleBinding().get());
    }

    @Test
    void aCancelledOrFailedSaveKeepsTheWindowOpen() throws Exception {
        studio.pareto().runSweep();
        dialogs.saveAnswer = SaveChoice.SAVE;
        // No answer queued: the file dialog is cancelled.
        assertFalse(close());
        assertEquals(0, closed.get());
        assertTrue(ws.dirtyProperty().get());
        // A plain file where the folder should be: the write fails.
        Path notAFolder = Files.writeString(tmp.resolve("not-a-folder"), "x");
        dialogs.answer(notAFolder.resolve("s.ofaws.json"));
        assertFalse(close());
        assertEquals(0, closed.get());
        assertEquals(1, dialogs.errors.size(), dialogs.errors::toString);
        assertTrue(ws.dirtyProperty().get());
        assertNull(ws.fileProperty().get());
    }

    @Test
    void savingClearsTheMarkAndSaveAgainWritesTheSameFileWithoutAsking() throws Exception {
        Path f = tmp.resolve("s.ofaws.json");
        dialogs.answer(f);
        ws.save();
        assertFalse(ws.dirtyProperty().get());
        studio.pareto().budgetMsProperty().set(2.5);
        assertEquals("• s.ofaws.json — OFA Studio", ws.titleBinding().get());
        ws.save();
        assertEquals(1, dialogs.asked.size(), "the workspace has its file");
        assertTrue(dialogs.questions.isEmpty(), "its own file is replaced without asking");
        assertFalse(ws.dirtyProperty().get());
        assertEquals(2.5, WorkspaceFile.read(f).budgetMs());
        assertTrue(close());
    }

    @Test
    void openingAWorkspaceLeavesItCleanAndLaterChangesMarkIt() throws Exception {
        Path f = tmp.resolve("s.ofaws.json");
        studio.pareto().runSweep();
        ws.saveTo(f);
        Studio other = newStudio();
        other.pareto().budgetMsProperty().set(9);
        assertTrue(other.workspace().dirtyProperty().get());
        other.workspace().openFrom(f);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors::toString);
        assertFalse(other.workspace().dirtyProperty().get());
        assertEquals("s.ofaws.json — OFA Studio", other.workspace().titleBinding().get());
        other.inputs().sources().remove(0);
        assertTrue(other.workspace().dirtyProperty().get());
    }

    @Test
    void reopeningTheProjectKeepsAnUntitledCleanSessionCleanButNotSavedOrUnsavedWork() {
        var project = studio.project();
        project.open(project.currentProperty().get());
        assertFalse(ws.dirtyProperty().get(), "the studio's own set-up");
        // Unsaved work stays unsaved through the project's own sweep.
        studio.pareto().budgetCountProperty().set(3);
        project.open(project.currentProperty().get());
        assertTrue(ws.dirtyProperty().get());
        // A saved workspace differs from its file once the project sweeps anew.
        ws.saveTo(tmp.resolve("s.ofaws.json"));
        assertFalse(ws.dirtyProperty().get());
        project.open(project.currentProperty().get());
        assertTrue(ws.dirtyProperty().get());
        assertFalse(project.settingUpProperty().get(), "the set-up ended with its sweep");
    }
}
