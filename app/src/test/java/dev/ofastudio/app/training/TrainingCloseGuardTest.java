package dev.ofastudio.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.Cancellation.CancelledException;
import dev.ofastudio.engine.progress.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The job's life cycle with a stand-in job kind that steps until stopped (no engine): the close
 * guard pauses and then closes, Cancel ends in cancelled, and a worker reporting progress as fast
 * as it can reaches the FX thread only a few times a second.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingCloseGuardTest {
    @TempDir
    Path tmp;
    private final FakeDialogService dialogs = new FakeDialogService();
    private final CountDownLatch stepping = new CountDownLatch(1);
    private final AtomicInteger reports = new AtomicInteger();
    private TrainingViewModel vm;

    /** Reports progress in a tight loop and stops at the first step after a cancel, like the trainer. */
    private final JobKind endless = new JobKind() {
        @Override
        public String title() {
            return "Endless job";
        }

        @Override
        public List<String> presets() {
            return List.of("only");
        }

        @Override
        public void run(JobRequest r, PrintStream log, ProgressListener progress, Cancellation cancel)
                throws CancelledException {
            stepping.countDown();
            for (long step = 0; ; step++) {
                cancel.throwIfCancelled();
                progress.progress(step % 1000, 1000, "step " + step);
                reports.incrementAndGet();
            }
        }

        @Override
        public JobRequest resumeRequest(Path runFolder) {
            throw new UnsupportedOperationException("not resumable");
        }
    };

    @Start
    void start(Stage stage) {
        vm = new TrainingViewModel(dialogs, Platform::runLater, List.of(endless), tmp.resolve("runs"));
        stage.setScene(new Scene(new TrainingView(vm), 1000, 600));
        stage.show();
    }

    private void startJob(FxRobot robot) throws Exception {
        dialogs.answer(Files.createDirectories(tmp.resolve("data")));
        robot.clickOn("#training-choose-data");
        robot.clickOn("#training-start");
        assertTrue(stepping.await(1, TimeUnit.MINUTES), "the job runs");
    }

    @Test
    void closingWhileAJobRunsAsksThenPausesAndClosesOnceItStopped(FxRobot robot) throws Exception {
        startJob(robot);
        AtomicBoolean closed = new AtomicBoolean();
        assertFalse(WaitForAsyncUtils.asyncFx(() -> vm.allowClose(() -> closed.set(true))).get(1, TimeUnit.MINUTES));
        assertEquals(1, dialogs.questions.size());
        assertTrue(dialogs.questions.get(0).contains("Pause"), dialogs.questions.get(0));
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, closed::get);
        assertEquals(JobState.PAUSED, vm.job().stateProperty().get());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> vm.allowClose(() -> { })).get(1, TimeUnit.MINUTES),
                "nothing runs: the window closes at once");
        assertEquals(1, dialogs.questions.size());
    }

    @Test
    void answeringNoKeepsTheJobRunning(FxRobot robot) throws Exception {
        startJob(robot);
        dialogs.confirmAnswer = false;
        assertFalse(WaitForAsyncUtils.asyncFx(() -> vm.allowClose(() -> { })).get(1, TimeUnit.MINUTES));
        assertEquals(JobState.RUNNING, vm.job().stateProperty().get());
        robot.clickOn("#training-cancel");
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, () -> vm.job().stateProperty().get() == JobState.CANCELLED);
        assertFalse(robot.lookup("#training-start").queryAs(Button.class).isDisabled(), "ready for another run");
    }

    @Test
    void aFloodOfProgressReachesTheFxThreadCoalesced(FxRobot robot) throws Exception {
        AtomicInteger fxUpdates = new AtomicInteger();
        robot.interact(() -> vm.job().messageProperty().addListener((o, a, b) -> fxUpdates.incrementAndGet()));
        startJob(robot);
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, () -> reports.get() > 100_000);
        robot.clickOn("#training-pause");
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, () -> vm.job().stateProperty().get() == JobState.PAUSED);
        assertTrue(fxUpdates.get() > 0, "progress reached the view");
        assertTrue(fxUpdates.get() * 100 < reports.get(), fxUpdates.get() + " FX updates for " + reports.get()
                + " reports: coalesced");
    }
}
