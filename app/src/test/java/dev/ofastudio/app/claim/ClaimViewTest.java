package dev.ofastudio.app.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.BuiltIn;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.predict.OfficialAccuracyPredictor;
import dev.ofastudio.engine.search.EvolutionConfig;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ClaimViewTest {
    static final Path PREDICTOR = BuiltIn.imagenet().predictor();

    private final FakeDialogService dialogs = new FakeDialogService();
    private InputsViewModel inputs;
    private ClaimViewModel vm;
    private ClaimView view;

    @Start
    void start(Stage stage) {
        ImmediateTaskExecutor executor = new ImmediateTaskExecutor();
        inputs = new InputsViewModel(Fakes.loaders(), dialogs, executor, new MemorySettings());
        vm = new ClaimViewModel(executor, dialogs, inputs, EvolutionConfig.defaults().withPopulation(16, 3).withSeed(1));
        view = new ClaimView(vm);
        stage.setScene(new Scene(view, 1000, 500));
        stage.show();
    }

    @Test
    void withoutAPredictorItAsksForOne(FxRobot robot) {
        robot.clickOn("#claim-run");
        assertEquals(1, dialogs.errors.size());
        assertTrue(view.table().getItems().isEmpty());
    }

    @Test
    void showsBothSpacesAgainstTheClaimWithTheReasons(FxRobot robot) throws Exception {
        var predictor = OfficialAccuracyPredictor.load(PREDICTOR);
        robot.interact(() -> inputs.predictorProperty().set(predictor));
        @SuppressWarnings("unchecked")
        ChoiceBox<String> board = robot.lookup("#claim-board").queryAs(ChoiceBox.class);
        robot.interact(() -> board.setValue("kv260"));
        robot.clickOn("#claim-run");
        assertEquals(2, vm.reports().size(), () -> "errors: " + dialogs.errors);
        assertEquals("kv260", vm.reports().get(0).board());
        Set<String> spaces = view.table().getItems().stream().map(ClaimView.Line::space).collect(Collectors.toSet());
        assertEquals(Set.of("ofa", "dpu-friendly"), spaces);
        assertTrue(view.table().getItems().stream().anyMatch(l -> l.claimed().equals("+40.0 %")));
        assertTrue(view.table().getItems().stream().anyMatch(l -> l.verdict().equals("not checkable")));
        String why = robot.lookup("#claim-reasons").queryAs(TextArea.class).getText();
        assertTrue(why.contains("SE blocks") && why.contains("tiling waste"), why);
    }
}
