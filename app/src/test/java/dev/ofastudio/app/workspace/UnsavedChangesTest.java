package dev.ofastudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.Studio;
import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.service.SaveChoice;
import dev.ofastudio.app.testing.BuiltIn;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.app.testing.FolderProjects;
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
    static final String OPEN_QUESTION = "Save changes to the workspace before opening other.ofaws.json?";
    static final String SWITCH_QUESTION = "Save changes to the workspace before switching to project Grey?";

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
        dialogs.saveAnswer = SaveChoice.DONT_SAVE;
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
        dialogs.saveAnswer = SaveChoice.DONT_SAVE;
        project.open(project.currentProperty().get());
        assertTrue(ws.dirtyProperty().get());
        // A saved workspace differs from its file once the project sweeps anew.
        ws.saveTo(tmp.resolve("s.ofaws.json"));
        assertFalse(ws.dirtyProperty().get());
        project.open(project.currentProperty().get());
        assertTrue(ws.dirtyProperty().get());
        assertFalse(project.settingUpProperty().get(), "the set-up ended with its sweep");
    }

    /** Another session's workspace (budget 1.5 ms), saved as other.ofaws.json. */
    private Path otherWorkspace() throws Exception {
        Studio other = newStudio();
        other.pareto().budgetMsProperty().set(1.5);
        Path f = tmp.resolve("other.ofaws.json");
        other.workspace().saveTo(f);
        return f;
    }

    private List<Path> filesInTmp() throws Exception {
        try (var files = Files.list(tmp)) {
            return files.sorted().toList();
        }
    }

    /** Leaves unsaved work (a 3.25 ms budget) and answers {@code choice} to what the studio asks next. */
    private void unsavedWorkThenAnswer(SaveChoice choice) {
        studio.pareto().budgetMsProperty().set(3.25);
        assertTrue(ws.dirtyProperty().get());
        dialogs.saveAnswer = choice;
    }

    /** Opens the other workspace through File → Open workspace…: the studio asks once the file is chosen. */
    private Path openOtherWorkspace(SaveChoice choice) throws Exception {
        Path f = otherWorkspace();
        unsavedWorkThenAnswer(choice);
        dialogs.answer(f);
        ws.open();
        assertEquals(List.of(OPEN_QUESTION), dialogs.saveQuestions);
        return f;
    }

    /** Opens the Grey project folder: the studio asks once the folder is read. */
    private Path switchToGrey(SaveChoice choice) throws Exception {
        Path grey = FolderProjects.write(tmp.resolve("grey"), "Grey", FolderProjects.GREY);
        unsavedWorkThenAnswer(choice);
        studio.project().openFolder(grey);
        assertEquals(List.of(SWITCH_QUESTION), dialogs.saveQuestions);
        return grey;
    }

    @Test
    void aCleanSessionOpensAWorkspaceAndSwitchesProjectWithoutAsking() throws Exception {
        Path f = otherWorkspace();
        ws.openFrom(f);
        assertEquals(f, ws.fileProperty().get());
        studio.project().openFolder(FolderProjects.write(tmp.resolve("grey"), "Grey", FolderProjects.GREY));
        assertEquals("Grey", studio.project().currentProperty().get().name());
        assertTrue(dialogs.saveQuestions.isEmpty(), dialogs.saveQuestions::toString);
    }

    @Test
    void openingAWorkspaceWithUnsavedChangesAsksAndCancelChangesNothing() throws Exception {
        var table = studio.pareto().tableProperty().get();
        Path f = openOtherWorkspace(SaveChoice.CANCEL);
        assertSame(table, studio.pareto().tableProperty().get());
        assertEquals(3.25, studio.pareto().budgetMsProperty().get());
        assertNull(ws.fileProperty().get());
        assertTrue(ws.dirtyProperty().get());
        assertEquals(List.of(f), filesInTmp(), "nothing written");
    }

    @Test
    void dontSaveOpensTheWorkspaceWithoutWritingAnything() throws Exception {
        Path f = openOtherWorkspace(SaveChoice.DONT_SAVE);
        assertEquals(f, ws.fileProperty().get());
        assertEquals(1.5, studio.pareto().budgetMsProperty().get());
        assertFalse(ws.dirtyProperty().get());
        assertEquals(1, dialogs.asked.size(), "only the open dialog");
        assertEquals(List.of(f), filesInTmp());
    }

    @Test
    void saveWritesTheSessionFirstThenOpensAndACancelledSaveOpensNothing() throws Exception {
        // No file queued for the save dialog: it is cancelled, so nothing opens.
        Path f = openOtherWorkspace(SaveChoice.SAVE);
        assertNull(ws.fileProperty().get());
        assertEquals(3.25, studio.pareto().budgetMsProperty().get());

        Path mine = tmp.resolve("mine.ofaws.json");
        dialogs.answer(mine);
        ws.openFrom(f);
        assertEquals(3.25, WorkspaceFile.read(mine).budgetMs(), "the session was saved first");
        assertEquals(f, ws.fileProperty().get());
        assertEquals(1.5, studio.pareto().budgetMsProperty().get());
        assertFalse(ws.dirtyProperty().get());
    }

    @Test
    void switchingProjectWithUnsavedChangesAsksAndCancelChangesNothing() throws Exception {
        var project = studio.project();
        var before = project.currentProperty().get();
        var sources = studio.inputs().sources().stream().map(i -> i.source().id()).toList();
        var space = studio.inputs().spaceProperty().get();
        Path grey = switchToGrey(SaveChoice.CANCEL);
        assertEquals(before, project.currentProperty().get());
        assertEquals(sources, studio.inputs().sources().stream().map(i -> i.source().id()).toList());
        assertEquals(space, studio.inputs().spaceProperty().get());
        assertTrue(ws.dirtyProperty().get());
        assertEquals(List.of(grey), filesInTmp(), "nothing written");
    }

    @Test
    void dontSaveSwitchesProjectWithoutWritingAnything() throws Exception {
        Path grey = switchToGrey(SaveChoice.DONT_SAVE);
        assertEquals("Grey", studio.project().currentProperty().get().name());
        assertEquals(FolderProjects.GREY, studio.inputs().spaceProperty().get());
        assertTrue(dialogs.asked.isEmpty(), "no file dialog");
        assertEquals(List.of(grey), filesInTmp());
    }

    @Test
    void saveWritesTheSessionFirstThenSwitchesProject() throws Exception {
        String imagenet = studio.project().currentProperty().get().id();
        Path mine = tmp.resolve("mine.ofaws.json");
        dialogs.answer(mine);
        switchToGrey(SaveChoice.SAVE);
        var saved = WorkspaceFile.read(mine);
        assertEquals(3.25, saved.budgetMs());
        assertEquals(imagenet, saved.project(), "saved on the project it was made in");
        assertEquals("Grey", studio.project().currentProperty().get().name());
        assertEquals(mine, ws.fileProperty().get());
    }
}
