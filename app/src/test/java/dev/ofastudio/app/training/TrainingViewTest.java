package dev.ofastudio.app.training;

import static dev.ofastudio.app.testing.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.FxWait;
import dev.ofastudio.app.testing.TinyFashionMnist;
import dev.ofastudio.engine.supernet.CheckpointFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Training view on a real, tiny supernet training (a synthetic Fashion-MNIST set, a few steps
 * per phase): start, curves, pause with its checkpoint, the run folder reopened by a new studio
 * session and resumed there, the finish with its report; errors as one message.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    /** Generous bounds for a loaded 2-core machine; they only stop a hung test, they time nothing. */
    private static final long MINUTES = 10;

    @TempDir
    Path tmp;
    private final FakeDialogService dialogs = new FakeDialogService();
    private Stage stage;
    private TrainingViewModel vm;
    private TrainingView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(session());
    }

    /** A studio session's Training tab; new runs go under the test's own folder. */
    private TrainingViewModel session() {
        return new TrainingViewModel(dialogs, Platform::runLater, List.of(new SupernetTraining()), tmp.resolve("runs"));
    }

    private void show(TrainingViewModel model) {
        vm = model;
        view = new TrainingView(model);
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
    }

    private static void await(String what, FxWait.Check condition) throws Exception {
        FxWait.await(what, MINUTES, condition);
    }

    private Color pixel(javafx.scene.canvas.Canvas canvas, double[] at) throws Exception {
        WritableImage shot = fx(() -> canvas.snapshot(null, null));
        return shot.getPixelReader().getColor((int) Math.round(at[0]), (int) Math.round(at[1]));
    }

    private void quickRecipe(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#training-scale").queryAs(TextField.class).setText("0.05");
            robot.lookup("#training-batch").queryAs(TextField.class).setText("4");
        });
    }

    @Test
    void startPauseReopenResumeAndFinishATinyRun(FxRobot robot) throws Exception {
        Path data = TinyFashionMnist.write(tmp.resolve("tiny-fmnist"), 120, 20, 5);
        dialogs.answer(data);
        robot.clickOn("#training-choose-data");
        Path run = tmp.resolve("runs").resolve("tiny-fmnist");
        assertEquals(run, vm.runFolderProperty().get(), "a new run folder named after the dataset");
        assertEquals(run.toString(), robot.lookup("#training-run").queryAs(TextField.class).getText());
        quickRecipe(robot);
        robot.clickOn("#training-start");
        assertTrue(vm.job().stateProperty().get().isActive());

        // The FX thread answers while the job trains.
        CountDownLatch answered = new CountDownLatch(1);
        Platform.runLater(answered::countDown);
        assertTrue(answered.await(1, TimeUnit.MINUTES), "the FX thread answered a probe during training");

        await("loss points arrive", () -> fx(() -> !vm.history().steps().isEmpty()));
        assertTrue(fx(() -> vm.summaryProperty().get() != null && vm.summaryProperty().get().totalSteps() > 0));
        MetricPoints.Step first = fx(() -> vm.history().steps().get(0));
        assertEquals(CurveCanvas.phaseColour(first.phaseIndex()), pixel(view.lossChart().canvas,
                fx(() -> view.lossChart().toPixel(first))), "the point is drawn in its phase's colour");

        robot.clickOn("#training-pause");
        await("paused", () -> vm.job().stateProperty().get() == JobState.PAUSED);
        assertTrue(Files.isRegularFile(run.resolve("checkpoint.ofa")), "the pause kept a checkpoint");
        long saved = CheckpointFile.read(run.resolve("checkpoint.ofa")).header().path("trainer").path("global_step")
                .asLong();
        assertTrue(saved >= first.globalStep(), "checkpoint at " + saved + ", points from " + first.globalStep());
        await("Resume offered", () -> !robot.lookup("#training-resume").queryAs(Button.class).isDisabled());
        int stepsSeen = fx(() -> vm.history().steps().size());
        int evalsSeen = fx(() -> vm.history().evals().size());

        // A new studio session opens the run folder: its history, and Resume.
        robot.interact(() -> show(session()));
        dialogs.answer(run);
        robot.clickOn("#training-choose-run");
        await("the history is read back", () -> fx(() -> vm.history().steps().size() == stepsSeen
                && vm.history().evals().size() == evalsSeen));
        await("Resume offered after reopening", () -> !robot.lookup("#training-resume").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#training-start").queryAs(Button.class).isDisabled(), "the folder holds a run");
        assertEquals(data, fx(() -> vm.dataFolderProperty().get()), "the run's dataset, from its record");
        assertEquals("0.05", fx(() -> vm.epochsScaleProperty().get()));

        robot.clickOn("#training-resume");
        await("finished", () -> vm.job().stateProperty().get() == JobState.FINISHED);
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
        await("the report is shown", () -> robot.lookup("#training-report").queryAs(Label.class).getText()
                .startsWith("Test top-1:"));
        RunSummary summary = fx(() -> vm.summaryProperty().get());
        assertTrue(summary.finished());
        assertEquals(4, summary.test().size());
        // Teacher: max and min; every later phase: max, min and three random sub-networks.
        int phases = summary.phases().size();
        await("every evaluation is read", () -> fx(() -> vm.history().evals().size() == 2 + 5 * (phases - 1)));
        MetricPoints.Step last = fx(() -> vm.history().lastStep());
        assertEquals(summary.totalSteps(), last.globalStep());
        assertEquals(phases - 1, last.phaseIndex());
        MetricPoints.Eval lastMax = fx(() -> vm.history().evals().stream()
                .filter(e -> e.phase().equals(last.phase()) && e.subnet().equals("max")).findFirst().orElseThrow());
        assertEquals(PhaseAccuracyChart.MAX, pixel(view.accuracyChart().canvas,
                fx(() -> view.accuracyChart().toPixel(lastMax))));
        assertEquals(1.0, fx(() -> vm.progressProperty().get()));
        assertTrue(robot.lookup("#training-resume").queryAs(Button.class).isDisabled(), "a finished run");
        assertTrue(Files.isRegularFile(run.resolve("supernet.ofa")));
    }

    @Test
    void aBadDatasetFolderShowsOneClearMessageAndWritesNothing(FxRobot robot) throws Exception {
        Path notData = Files.createDirectories(tmp.resolve("holiday-photos"));
        Files.writeString(notData.resolve("notes.txt"), "no images here");
        dialogs.answer(notData);
        robot.clickOn("#training-choose-data");
        quickRecipe(robot);
        robot.clickOn("#training-start");
        await("failed", () -> vm.job().stateProperty().get() == JobState.FAILED);
        await("one error", () -> dialogs.errors.size() == 1);
        String message = dialogs.errors.get(0).summary();
        assertTrue(message.startsWith(notData + ": dataset folder: expected"), message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        assertFalse(Files.exists(tmp.resolve("runs")), "no run folder was made");
        assertFalse(robot.lookup("#training-start").queryAs(Button.class).isDisabled(), "ready to try again");
    }

    @Test
    void aForeignRunFolderIsRefusedWithOneMessage(FxRobot robot) throws Exception {
        Path foreign = Files.createDirectories(tmp.resolve("thesis"));
        Files.writeString(foreign.resolve("chapter1.tex"), "\\chapter{One}");
        dialogs.answer(foreign);
        robot.clickOn("#training-choose-run");
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).summary().contains("expected an empty folder or an earlier run's folder"),
                dialogs.errors.get(0).summary());
        assertEquals(null, vm.runFolderProperty().get());
        assertEquals(List.of(foreign.resolve("chapter1.tex")), Files.list(foreign).toList(), "nothing was changed");
    }
    @Test
    void pathsCanBeTypedOrPastedAsWellAsChosen(FxRobot robot) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("typed-run"));
        robot.clickOn("#training-run").write(empty.toString()).type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(empty, vm.runFolderProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        Path foreign = Files.createDirectories(tmp.resolve("typed-thesis"));
        Files.writeString(foreign.resolve("chapter1.tex"), "\\chapter{One}");
        TextField run = robot.lookup("#training-run").queryAs(TextField.class);
        robot.interact(() -> run.setText(foreign.toString()));
        robot.clickOn("#training-run").type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertEquals(empty, vm.runFolderProperty().get(), "the refused folder is not taken");
        assertEquals(empty.toString(), run.getText(), "the field shows the folder in use again");

        Path data = Files.createDirectories(tmp.resolve("my-data"));
        TextField dataField = robot.lookup("#training-data").queryAs(TextField.class);
        robot.interact(() -> dataField.setText(data.toString()));
        robot.clickOn("#training-data").type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(data, vm.dataFolderProperty().get());
    }
}
