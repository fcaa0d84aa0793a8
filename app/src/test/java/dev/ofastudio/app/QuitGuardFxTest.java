package dev.ofastudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.service.SaveChoice;
import dev.ofastudio.app.testing.BuiltIn;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.app.training.JobState;
import dev.ofastudio.app.training.SupernetTraining;
import dev.ofastudio.app.training.TrainingViewModel;
import dev.ofastudio.app.workspace.WorkspaceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Quit on the real main window (fake dialogs answer the Save / Don't save / Cancel
 * question): a fresh studio quits at once; unsaved work marks the title and is asked about; a
 * running training job is paused first, and only then is saving asked about.
 */
@ExtendWith(ApplicationExtension.class)
class QuitGuardFxTest {
    @TempDir
    Path tmp;
    private final FakeDialogService dialogs = new FakeDialogService();
    private Stage stage;
    private Studio studio;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // Job callbacks reach the FX thread as in the studio; no run folder is made (the test's job writes none).
        TrainingViewModel training = new TrainingViewModel(dialogs, Platform::runLater,
                List.of(new SupernetTraining()), tmp.resolve("runs"));
        studio = new Studio(Fakes.loaders(), dialogs, new ImmediateTaskExecutor(), BuiltIn.openingImageNet(),
                Fakes.randomSearch(20), BoardAnalyzer.dpuModels("zcu102"), training);
        studio.pareto().cloudSizeProperty().set(300);
        studio.pareto().budgetCountProperty().set(2);
        MainView view = new MainView(studio);
        view.guardClose(stage);
        view.bindTitle(stage);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        studio.start();
    }

    private void quit(FxRobot robot) {
        robot.clickOn("File").clickOn("Quit");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Loads a latency source through File → Load latency profile or table… (a change the file stores). */
    private void loadSource(FxRobot robot) {
        dialogs.answer(tmp.resolve("my.csv"));
        robot.clickOn("File").clickOn("Load latency profile or table…");
        assertTrue(stage.getTitle().startsWith("• "), stage.getTitle());
    }

    @Test
    void aFreshStudioQuitsWithoutAsking(FxRobot robot) {
        assertTrue(studio.pareto().tableProperty().get().size() > 0, "the default project was swept");
        assertEquals("Untitled — OFA Studio", stage.getTitle());
        quit(robot);
        assertFalse(stage.isShowing());
        assertTrue(dialogs.saveQuestions.isEmpty(), dialogs.saveQuestions::toString);
    }

    @Test
    void unsavedWorkMarksTheTitleAndCancelKeepsTheWindow(FxRobot robot) {
        loadSource(robot);
        assertEquals("• Untitled — OFA Studio", stage.getTitle());
        dialogs.saveAnswer = SaveChoice.CANCEL;
        quit(robot);
        assertEquals(List.of("Save changes to the workspace before closing?"), dialogs.saveQuestions);
        assertTrue(stage.isShowing());
        assertTrue(studio.workspace().dirtyProperty().get());
    }

    @Test
    void dontSaveCloses(FxRobot robot) {
        robot.clickOn("#runSweep");
        assertEquals("• Untitled — OFA Studio", stage.getTitle());
        dialogs.saveAnswer = SaveChoice.DONT_SAVE;
        quit(robot);
        assertEquals(1, dialogs.saveQuestions.size());
        assertTrue(dialogs.asked.isEmpty(), "no file dialog");
        assertFalse(stage.isShowing());
    }

    @Test
    void saveWritesTheWorkspaceThenCloses(FxRobot robot) throws Exception {
        loadSource(robot);
        Path f = tmp.resolve("quit.ofaws.json");
        dialogs.answer(f);
        dialogs.saveAnswer = SaveChoice.SAVE;
        quit(robot);
        assertFalse(stage.isShowing());
        var saved = WorkspaceFile.read(f);
        assertEquals(studio.inputs().sources().size(), saved.sources().size());
        assertTrue(saved.sources().stream().anyMatch(s -> s.path() != null && s.path().endsWith("my.csv")),
                saved.sources()::toString);
        assertEquals("quit.ofaws.json — OFA Studio", stage.getTitle());
    }

    @Test
    void aRunningTrainingJobIsPausedBeforeSavingIsAsked(FxRobot robot) throws Exception {
        // A job that steps until paused stands in for a training run.
        CountDownLatch jobRuns = new CountDownLatch(1);
        robot.interact(() -> studio.training().job().start("Until paused", (log, progress, cancel) -> {
            jobRuns.countDown();
            while (true) {
                cancel.throwIfCancelled();
                LockSupport.parkNanos(1_000_000);
            }
        }));
        assertTrue(jobRuns.await(1, TimeUnit.MINUTES), "the job runs");
        loadSource(robot);
        dialogs.saveAnswer = SaveChoice.DONT_SAVE;
        robot.interact(() -> {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            // Asked to pause first; saving is asked once the job has stopped, not yet.
            assertEquals(1, dialogs.questions.size());
            assertTrue(dialogs.questions.get(0).contains("Pause"), dialogs.questions.get(0));
            assertTrue(dialogs.saveQuestions.isEmpty(), dialogs.saveQuestions::toString);
        });
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, () -> !stage.isShowing());
        assertEquals(JobState.PAUSED, studio.training().job().stateProperty().get());
        assertEquals(1, dialogs.saveQuestions.size());
    }
}
