package dev.ofastudio.app.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.latency.profile.FpgaProfiles;
import dev.ofastudio.engine.latency.profile.ProfileCalibrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CalibrationViewTest {
    @TempDir
    Path tmp;

    private final FakeDialogService dialogs = new FakeDialogService();
    private InputsViewModel inputs;
    private CalibrationViewModel vm;
    private CalibrationView view;

    @Start
    void start(Stage stage) {
        ImmediateTaskExecutor executor = new ImmediateTaskExecutor();
        inputs = new InputsViewModel(Fakes.loaders(), dialogs, executor, new MemorySettings());
        vm = new CalibrationViewModel(dialogs, executor, inputs);
        view = new CalibrationView(vm);
        stage.setScene(new Scene(view, 900, 420));
        stage.show();
    }

    private void type(FxRobot robot, String network, String ms) {
        robot.clickOn("#calibrate-network").write(network);
        robot.clickOn("#calibrate-ms").write(ms);
        robot.clickOn("#calibrate-add");
    }

    @Test
    void theIssuesScenarioIsTypedInCalibratedAndTheVerdictShown(FxRobot robot) throws Exception {
        // Issue 15: ZCU104, three published end-to-end latencies typed in as "my measurements".
        type(robot, "mobilenetv1_1.0_224", "3.11");
        type(robot, "resnet50", "11.74");
        type(robot, "vgg16", "46.62");
        assertEquals(3, robot.lookup("#calibrate-table").queryAs(TableView.class).getItems().size());
        assertTrue(robot.lookup("#calibrate-add-source").queryAs(Button.class).isDisabled());
        robot.clickOn("#calibrate-run");
        ProfileCalibrator.Result r = vm.resultProperty().get();
        assertNotNull(r, () -> "errors: " + dialogs.errors);
        assertEquals(3, r.points().size());
        String status = robot.lookup("#calibrate-status").queryAs(Label.class).getText();
        assertTrue(status.contains("leave-one-out") && status.contains("uncalibrated"), status);
        assertTrue(status.contains(r.recommendation()), status);
        // The plot shows each point's left-out prediction in its colour.
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> view.plot().snapshot(null, null)).get(10, TimeUnit.SECONDS);
        ProfileCalibrator.Point p = r.points().get(1);
        double[] c = view.toPixel(p.measuredMs(), p.looMs());
        assertEquals(CalibrationView.LOO.toString(), shot.getPixelReader().getColor((int) c[0], (int) c[1]).toString());
    }

    @Test
    void aBadRowIsRefusedWithAMessageAndTheCalibratedProfileBecomesASource(FxRobot robot) throws Exception {
        type(robot, "mobilenetv2_1.0_224", "fast");
        assertEquals(0, vm.rows().size());
        assertEquals(1, dialogs.errors.size());
        Path csv = tmp.resolve("m.csv");
        Files.writeString(csv, "network,measured_ms,kind\nmobilenetv1_0.25_128,0.9,e2e\nmobilenetv2_1.0_224,3.9,e2e\n"
                + "resnet50,12.9,e2e\nvgg16,51.0,e2e\nmobilenetv1_1.0_224,3.6,e2e\n");
        dialogs.answer(csv);
        robot.clickOn("#calibrate-open");
        assertEquals(5, vm.rows().size());
        robot.clickOn("#calibrate-run");
        assertNotNull(vm.resultProperty().get(), () -> "errors: " + dialogs.errors);
        int before = inputs.sources().size();
        Path out = tmp.resolve("zcu104-calibrated.json");
        dialogs.answer(out);
        robot.clickOn("#calibrate-add-source");
        assertEquals(before + 1, inputs.sources().size());
        assertTrue(Files.exists(out));
        assertEquals("calibrated", FpgaProfiles.read(out).source().kind());
        String label = inputs.sources().get(inputs.sources().size() - 1).source().label();
        assertTrue(label.contains("calibrated") && label.contains("LOO"), label);
        assertFalse(label.isBlank());
    }
}
