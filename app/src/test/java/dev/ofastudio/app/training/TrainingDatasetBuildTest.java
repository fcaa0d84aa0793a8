package dev.ofastudio.app.training;

import static dev.ofastudio.app.testing.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.FxWait;
import dev.ofastudio.app.testing.TinyFashionMnist;
import dev.ofastudio.app.testing.TinySupernet;
import dev.ofastudio.engine.accuracy.AccuracyDatasetFile;
import dev.ofastudio.engine.accuracy.AccuracyRow;
import dev.ofastudio.engine.train.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Training tab's accuracy dataset build on the engine's real build (a tiny untrained supernet
 * over a synthetic Fashion-MNIST set, N = 4): start from the view, the live scatter, pause with the
 * CSV keeping its rows, the CSV reopened by a new studio session and resumed to N rows, each once;
 * the close guard; a bad supernet as one message. The build runs with one worker that, once, waits
 * after its first row until a pause was asked: so the pause lands mid-build on any machine.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingDatasetBuildTest {
    /** Generous bounds for a loaded 2-core machine; they only stop a hung test, they time nothing. */
    private static final long MINUTES = 5;
    private static final int N = 4;

    @TempDir
    Path tmp;
    private final FakeDialogService dialogs = new FakeDialogService();
    private final AtomicBoolean holdFirstRow = new AtomicBoolean(true);
    private final AtomicInteger builds = new AtomicInteger();
    private Stage stage;
    private TrainingViewModel vm;
    private DatasetBuildViewModel ds;
    private TrainingView view;

    /** The engine's build, one worker; the first row of the test waits until the job was asked to stop. */
    private final DatasetBuildJob engineHeldAtFirstRow = (spec, out, log, progress, rows, cancel) -> {
        builds.incrementAndGet();
        new AccuracyDatasetBuild().run(spec.withWorkers(1, 1), out, log, progress, (row, done, total, eta) -> {
            rows.written(row, done, total, eta);
            if (holdFirstRow.compareAndSet(true, false)) {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MINUTES);
                while (!cancel.isCancelled() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                    Thread.yield();
                }
            }
        }, cancel);
    };

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(session());
    }

    /** A studio session's Training tab, showing the accuracy dataset form. */
    private TrainingViewModel session() {
        TrainingViewModel m = new TrainingViewModel(dialogs, Platform::runLater, List.of(new SupernetTraining()),
                engineHeldAtFirstRow, tmp.resolve("runs"));
        m.jobChoiceProperty().set(DatasetBuildViewModel.TITLE);
        return m;
    }

    private void show(TrainingViewModel model) {
        vm = model;
        ds = model.dataset();
        view = new TrainingView(model);
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
    }

    private static void await(String what, FxWait.Check condition) throws Exception {
        FxWait.await(what, MINUTES, condition);
    }

    private boolean disabled(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class).isDisabled();
    }

    /** Supernet, data and CSV chosen through the dialogs, N typed. */
    private void chooseBuild(FxRobot robot, Path supernet, Path data, Path out) {
        dialogs.answer(supernet);
        robot.clickOn("#dataset-choose-supernet");
        dialogs.answer(data);
        robot.clickOn("#dataset-choose-data");
        dialogs.answer(out);
        robot.clickOn("#dataset-choose-out");
        robot.interact(() -> robot.lookup("#dataset-n").queryAs(TextField.class).setText(String.valueOf(N)));
    }

    private static Set<Integer> indices(List<AccuracyRow> rows) {
        Set<Integer> seen = new HashSet<>();
        rows.forEach(r -> assertTrue(seen.add(r.index()), "index " + r.index() + " twice"));
        return seen;
    }

    @Test
    void buildPauseReopenAndResumeATinyDatasetFromTheView(FxRobot robot) throws Exception {
        assertEquals(DatasetBuildViewModel.TITLE, robot.lookup("#training-kind").queryAs(ChoiceBox.class).getValue());
        Path data = TinyFashionMnist.write(tmp.resolve("tiny-fmnist"), 120, 20, 5);
        Path supernet = TinySupernet.write(tmp.resolve("tiny.ofa"));
        Path out = tmp.resolve("acc.csv");
        chooseBuild(robot, supernet, data, out);
        assertEquals(out.toString(), robot.lookup("#dataset-out").queryAs(TextField.class).getText());
        assertFalse(disabled(robot, "#dataset-start"));
        robot.clickOn("#dataset-start");
        assertTrue(fx(() -> ds.job().stateProperty().get().isActive()));

        // The FX thread answers while the build runs.
        CountDownLatch answered = new CountDownLatch(1);
        Platform.runLater(answered::countDown);
        assertTrue(answered.await(1, TimeUnit.MINUTES), "the FX thread answered a probe during the build");

        await("the first row is shown", () -> fx(() -> ds.rows().size() == 1));
        assertEquals("1 / " + N + " rows", robot.lookup("#dataset-rows").queryAs(Label.class).getText());
        robot.interact(() -> vm.dataFolderProperty().set(data));
        assertFalse(fx(() -> vm.canStartProperty().get()), "no training starts while the build runs");
        assertTrue(robot.lookup("#training-kind").queryAs(ChoiceBox.class).isDisabled(), "nor is the job switched");
        AccuracyRow first = fx(() -> ds.rows().get(0));
        AccuracyScatterChart scatter = view.datasetView().scatterChart();
        double[] at = fx(() -> scatter.toPixel(first));
        WritableImage shot = fx(() -> scatter.canvas.snapshot(null, null));
        assertEquals(fx(() -> scatter.colour(first.config().r())),
                shot.getPixelReader().getColor((int) Math.round(at[0]), (int) Math.round(at[1])),
                "the row is drawn in its resolution's colour");

        robot.clickOn("#dataset-pause");
        await("paused", () -> ds.job().stateProperty().get() == JobState.PAUSED);
        AccuracyDatasetFile.Content paused = AccuracyDatasetFile.read(out);
        assertEquals(List.of(first), paused.rows(), "the CSV keeps the finished row, as shown");
        await("Resume offered", () -> !disabled(robot, "#dataset-resume"));
        assertTrue(disabled(robot, "#dataset-start"), "the CSV holds a build");

        // A new studio session opens the CSV: its rows, its settings, and Resume.
        robot.interact(() -> show(session()));
        dialogs.answer(out);
        robot.clickOn("#dataset-open");
        await("the rows are read back", () -> fx(() -> ds.rows().equals(List.of(first))));
        await("Resume offered after reopening", () -> !disabled(robot, "#dataset-resume"));
        assertTrue(disabled(robot, "#dataset-start"));
        assertEquals(String.valueOf(N), robot.lookup("#dataset-n").queryAs(TextField.class).getText());
        assertEquals("0", robot.lookup("#dataset-seed").queryAs(TextField.class).getText());
        assertEquals(supernet.toAbsolutePath(), fx(() -> ds.supernetProperty().get()), "from the CSV's header");
        assertEquals(data.toAbsolutePath(), fx(() -> ds.dataFolderProperty().get()));
        assertEquals("1 / " + N + " rows", robot.lookup("#dataset-rows").queryAs(Label.class).getText());

        robot.clickOn("#dataset-resume");
        await("finished", () -> ds.job().stateProperty().get() == JobState.FINISHED);
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
        AccuracyDatasetFile.Content done = AccuracyDatasetFile.read(out);
        assertEquals(N, done.rows().size());
        assertEquals(Set.of(0, 1, 2, 3), indices(done.rows()), "every planned row once");
        assertEquals(first, done.rows().get(0), "the row built before the pause is kept as it was");
        await("every row is shown", () -> fx(() -> ds.rows().size() == N));
        assertEquals(Set.copyOf(done.rows()), Set.copyOf(fx(() -> List.copyOf(ds.rows()))));
        assertEquals(1.0, fx(() -> ds.progressProperty().get()));
        await("Resume off for a finished CSV", () -> disabled(robot, "#dataset-resume"));
        assertTrue(robot.lookup("#dataset-report").queryAs(Label.class).getText().startsWith(N + " rows: top-1"));
        assertEquals(2, builds.get());
    }

    @Test
    void closingWhileABuildRunsPausesItFirstAndTheCsvKeepsItsRows(FxRobot robot) throws Exception {
        Path data = TinyFashionMnist.write(tmp.resolve("tiny-fmnist"), 120, 20, 5);
        Path out = tmp.resolve("acc.csv");
        chooseBuild(robot, TinySupernet.write(tmp.resolve("tiny.ofa")), data, out);
        robot.clickOn("#dataset-start");
        await("a row is written", () -> fx(() -> ds.rows().size() == 1));
        AtomicBoolean closed = new AtomicBoolean();
        assertFalse(fx(() -> vm.allowClose(() -> closed.set(true))), "the window waits");
        assertEquals(1, dialogs.questions.size());
        assertTrue(dialogs.questions.get(0).startsWith("Pause the accuracy dataset build of " + out),
                dialogs.questions.get(0));
        await("closed once paused", closed::get);
        assertEquals(JobState.PAUSED, fx(() -> ds.job().stateProperty().get()));
        assertEquals(1, AccuracyDatasetFile.read(out).rows().size());
    }

    @Test
    void aBadSupernetFileShowsOneClearMessageAndWritesNoCsv(FxRobot robot) throws Exception {
        Path data = TinyFashionMnist.write(tmp.resolve("tiny-fmnist"), 120, 20, 5);
        Path bad = Files.writeString(tmp.resolve("holiday.ofa"), "not a supernet");
        Path out = tmp.resolve("acc.csv");
        chooseBuild(robot, bad, data, out);
        robot.clickOn("#dataset-start");
        await("failed", () -> ds.job().stateProperty().get() == JobState.FAILED);
        await("one error", () -> dialogs.errors.size() == 1);
        String message = dialogs.errors.get(0).summary();
        assertTrue(message.startsWith(bad + ": ") && message.contains("expected"), message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        assertFalse(Files.exists(out), "no CSV was written");
        assertFalse(disabled(robot, "#dataset-start"), "ready to try again");
    }

    @Test
    void aRunsOwnSupernetFileStandsForItsRunFolderAndTheCsvGoesBesideIt(FxRobot robot) throws Exception {
        Path run = tmp.resolve("runs").resolve("fmnist");
        RunFolder.open(run, false).close();
        Path file = Files.writeString(run.resolve("supernet.ofa"), "weights");
        dialogs.answer(file);
        robot.clickOn("#dataset-choose-supernet");
        assertEquals(run, fx(() -> ds.supernetProperty().get()), "the run's record gives its data and holdout");
        assertEquals(run.resolve(DatasetBuildViewModel.DEFAULT_FILE), fx(() -> ds.outFileProperty().get()));
        assertFalse(disabled(robot, "#dataset-start"), "no dataset folder needed: the run names it");

        Path loose = Files.writeString(tmp.resolve("other.ofa"), "weights");
        robot.interact(() -> ds.setSupernet(loose));
        assertEquals(loose, fx(() -> ds.supernetProperty().get()), "a file outside a run is itself");
        assertEquals(tmp.resolve("other-accuracy.csv"), fx(() -> ds.outFileProperty().get()),
                "the CSV not chosen by hand follows the supernet");
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
    }
}
