package dev.ofastudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.app.service.ErrorContent;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.settings.StudioSettings;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.study.ReferenceMarkers;
import dev.ofastudio.engine.study.ResultTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11, problem 6: at 1280×720, with five boards in the chart's bar, no button, toggle or
 * label of the main window shows a cut ("…") text; error dialogs wrap and list every problem.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutAt1280Test {
    private Studio studio;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        StudioSettings settings = new MemorySettings();
        studio = new Studio(Fakes.loaders(), new FakeDialogService(), new ImmediateTaskExecutor(), settings,
                Fakes.randomSearch(1), BoardAnalyzer.shippedDpuModels());
        view = new MainView(studio);
        stage.setScene(new Scene(view, 1280, 720));
        stage.show();
        studio.start();
    }

    @Test
    void noLabelOfTheMainWindowIsCutWithFiveBoards(FxRobot robot) throws Exception {
        List<String> boards = List.of("ZCU102", "ZCU104", "KV260", "ZCU104 model (myboard.json)", "LUT note10_lut");
        ResultTable.Builder b = new ResultTable.Builder(boards);
        b.add(SubnetConfig.uniform(5, 4, 3, 192), 80, 1, 1, new double[] {2, 2, 2, 2, 30}, ResultTable.CLOUD,
                Double.NaN);
        b.add(SubnetConfig.uniform(3, 3, 2, 160), 76, 1, 1, new double[] {1, 1, 1, 1, 15}, ResultTable.CLOUD,
                Double.NaN);
        robot.interact(() -> {
            try {
                studio.pareto().restore(b.build(), SearchSpace.mobileNetV3(1.2), List.of(), ReferenceMarkers.empty(),
                        0, 1.5, -1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> collectCut(view, cut));
        assertEquals(List.of(), cut);
        assertEquals(5, robot.lookup("#boardToggles").queryAs(Parent.class).getChildrenUnmodifiable().size());
    }

    @Test
    void errorDialogsWrapAndListEveryProblem(FxRobot robot) {
        String longProblem = "/home/user/boards/a-very-long-folder-name/zcu104-measured-2026.json: field "
                + "latency_ms[\"MBConv-input:28x28x40-output:28x28x40-expand:6-kernel:7-stride:1-idskip:1\"]: "
                + "expected a positive number, found -0.25";
        List<String> problems = List.of(longProblem, "second problem", "third problem");
        VBox[] box = new VBox[1];
        robot.interact(() -> {
            box[0] = ErrorContent.of("The file could not be loaded.", problems);
            new Stage().setScene(new Scene(box[0]));
            box[0].applyCss();
            box[0].layout();
        });
        List<Labeled> items = robot.from(box[0]).lookup(".error-problem").queryAllAs(Labeled.class).stream().toList();
        assertEquals(3, items.size(), "one paragraph per problem");
        assertTrue(items.get(0).isWrapText());
        assertTrue(items.get(0).getText().endsWith("found -0.25"));
        List<String> cut = new ArrayList<>();
        robot.interact(() -> collectCut(box[0], cut));
        assertEquals(List.of(), cut, "nothing is cut to one line");
    }

    /** Every visible Labeled whose rendered text differs from its text (an ellipsis). */
    static void collectCut(Node n, List<String> out) {
        // List cells are virtualised and draw their own content.
        if (!n.isVisible() || n instanceof javafx.scene.control.Cell<?>) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Node shown = l.lookup(".text");
            if (shown instanceof Text t && !t.getText().replace("\n", " ").equals(l.getText().replace("\n", " "))
                    && !l.isWrapText()) {
                out.add(l.getText() + " shown as " + t.getText());
            } else if (shown instanceof Text t && l.isWrapText() && t.getText().contains("\u2026")) {
                out.add(l.getText() + " shown as " + t.getText());
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectCut(c, out);
            }
        }
    }
}
