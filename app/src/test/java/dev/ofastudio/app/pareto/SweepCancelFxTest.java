package dev.ofastudio.app.pareto;

import dev.ofastudio.engine.study.Sweep;
import dev.ofastudio.engine.study.BudgetSearch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.service.FxTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real executor: a sweep runs off the FX thread, the UI keeps answering, and Cancel stops it. */
@ExtendWith(ApplicationExtension.class)
class SweepCancelFxTest {
    private final FakeDialogService dialogs = new FakeDialogService();
    private final FxTaskExecutor exec = new FxTaskExecutor();
    private final CountDownLatch searching = new CountDownLatch(1);
    private ParetoViewModel vm;

    @Start
    void start(Stage stage) {
        InputsViewModel inputs = new InputsViewModel(Fakes.loaders(), dialogs, exec, new MemorySettings());
        inputs.loadShippedBoards();
        inputs.predictorProperty().set(Fakes.predictor());
        // A search that runs until cancelled, like a long sweep.
        BudgetSearch endless = (space, p, l, budget, seed, progress, cancel) -> {
            searching.countDown();
            while (true) {
                cancel.throwIfCancelled();
                Thread.onSpinWait();
            }
        };
        vm = new ParetoViewModel(inputs, new Sweep(endless), exec, dialogs);
        vm.cloudSizeProperty().set(200);
        Button run = new Button("Run");
        run.setId("run");
        run.setOnAction(e -> vm.runSweep());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setOnAction(e -> vm.cancel());
        stage.setScene(new Scene(new javafx.scene.layout.HBox(run, cancel), 300, 100));
        stage.show();
    }

    @Test
    void cancelStopsARunningSweepWhileTheUiStaysResponsive(FxRobot robot) throws Exception {
        robot.clickOn("#run");
        assertTrue(searching.await(30, TimeUnit.SECONDS), "the sweep reached its searches");
        // The FX thread is free while the sweep runs.
        CountDownLatch answered = new CountDownLatch(1);
        Platform.runLater(answered::countDown);
        assertTrue(answered.await(30, TimeUnit.SECONDS));
        assertTrue(vm.runningProperty().get());
        robot.clickOn("#cancel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.messageProperty().get().contains("cancelled"), vm.messageProperty().get());
        assertEquals(0, vm.tableProperty().get().size(), "the partial cloud is withdrawn");
        assertTrue(dialogs.errors.isEmpty());
        exec.shutdown();
    }


}
