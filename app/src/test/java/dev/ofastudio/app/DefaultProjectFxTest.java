package dev.ofastudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.app.inputs.EngineInputLoaders;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.search.EvolutionConfig;
import dev.ofastudio.engine.study.EvolutionBudgetSearch;
import dev.ofastudio.engine.study.ResultTable;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A fresh studio (no remembered project, the real engine, nothing downloaded) opens straight into
 * the built-in Fashion-MNIST project and sweeps it on the three shipped boards.
 */
@ExtendWith(ApplicationExtension.class)
class DefaultProjectFxTest {
    private final FakeDialogService dialogs = new FakeDialogService();
    private Studio studio;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        studio = new Studio(new EngineInputLoaders(), dialogs, new ImmediateTaskExecutor(), new MemorySettings(),
                new EvolutionBudgetSearch(EvolutionConfig.defaults().withPopulation(16, 5)),
                BoardAnalyzer.shippedDpuModels());
        view = new MainView(studio);
        stage.setScene(new Scene(view, 1280, 720));
        stage.show();
        // Smaller than the studio's default sweep, same logic: the test stays quick on 2 cores.
        studio.pareto().cloudSizeProperty().set(300);
        studio.pareto().budgetCountProperty().set(2);
        studio.start();
    }

    @Test
    void aFreshStudioOpensIntoFashionMnistAndTheChartFills(FxRobot robot) {
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
        assertEquals(BuiltInProjects.FASHION_MNIST, studio.project().currentProperty().get().id());
        assertEquals(1, studio.inputs().spaceProperty().get().inputChannels());
        ResultTable t = studio.pareto().tableProperty().get();
        assertEquals(List.of("ZCU102", "ZCU104", "KV260"), t.boards());
        assertTrue(t.size() >= 300, "the cloud and the searches: " + t.size());
        // Fashion-MNIST top-1 in % (the trained max net has 88.5 % test top-1), not ImageNet's.
        for (int i = 0; i < t.size(); i++) {
            assertTrue(t.accuracy(i) > 70 && t.accuracy(i) < 95, "row " + i + ": " + t.accuracy(i));
        }
        assertTrue(studio.pareto().referencesProperty().get().nets().isEmpty(), "no ImageNet reference markers");
        assertTrue(view.chartTitle().startsWith("Fashion-MNIST"), view.chartTitle());
        // The heatmap compares with the project's own full network, not ImageNet's MobileNetV2 at r224.
        var baseline = studio.heatmap().baselineTableProperty().get();
        assertEquals("Baseline largest sub-network r40", baseline.title());
        assertEquals(40, baseline.network().resolution());
        assertEquals(10, baseline.network().numClasses());
        var combo = robot.lookup("#projectChoice").queryComboBox();
        assertEquals(2, combo.getItems().size());
        assertEquals(studio.project().currentProperty().get(), combo.getValue());
    }
}
