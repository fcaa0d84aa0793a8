package dev.ofastudio.app.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.roofline.RooflineViewModel.Kind;
import dev.ofastudio.app.roofline.RooflineViewModel.Plot;
import dev.ofastudio.app.roofline.RooflineViewModel.Point;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RooflineViewTest {
    private static final SearchSpace SPACE = SearchSpace.mobileNetV3(1.2);
    private static final SubnetConfig SELECTED = SPACE.maxConfig(224).withDepth(1, 2);

    private RooflineViewModel vm;
    private RooflineView view;

    @Start
    void start(Stage stage) throws Exception {
        List<DpuLatencyModel> models = new ArrayList<>();
        for (String b : BoardSpecs.SHIPPED) {
            models.add(new DpuLatencyModel(BoardSpecs.load(b)));
        }
        vm = new RooflineViewModel(models);
        vm.setBaseline(ReferenceNetworks.describe("mobilenetv2", 1.0, 224));
        vm.setFront(List.of(SPACE.minConfig(160), SPACE.minConfig(224), SELECTED));
        vm.setSelected(SPACE, SELECTED);
        view = new RooflineView(vm);
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
    }

    @Test
    void plotsTheRoofEveryLayerTheFrontAndHighlightsTheSelectionAndMobileNetV2(FxRobot robot) throws Exception {
        Plot p = vm.plotProperty().get();
        assertEquals("zcu102", p.board());
        // Roof of one B4096 core at 281 MHz: 4096 ops/cycle.
        assertEquals(4096 * 281e6 / 1e9, p.peakGops(), 1e-6);
        assertEquals(SPACE.describe(SELECTED).layers().size(), p.of(Kind.LAYER).size());
        assertEquals(3, p.of(Kind.FRONT_NET).size());
        assertEquals(1, p.of(Kind.SELECTED_NET).size());
        assertEquals("mobilenetv2_w1.0_r224", p.of(Kind.BASELINE).get(0).label());
        for (Point pt : p.points()) {
            assertTrue(pt.gopsPerS() <= p.roof(pt.opsPerByte()) * 1.0001, pt + " above the roof " + p.roof(pt.opsPerByte()));
        }
        // The selected net is drawn in its colour where the chart puts it, MobileNetV2 in its own.
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> view.canvas().snapshot(null, null)).get(10, TimeUnit.SECONDS);
        Point sel = p.of(Kind.SELECTED_NET).get(0);
        double[] c = view.toPixel(sel.opsPerByte(), sel.gopsPerS());
        assertEquals(RooflineView.SELECTED.toString(), shot.getPixelReader().getColor((int) c[0], (int) c[1]).toString());
        Point base = p.of(Kind.BASELINE).get(0);
        double[] b = view.toPixel(base.opsPerByte(), base.gopsPerS());
        assertEquals(RooflineView.BASELINE.toString(), shot.getPixelReader().getColor((int) b[0] + 3, (int) b[1] + 3)
                .toString());
        assertTrue(robot.lookup("#roofline-legend").queryAs(Label.class).getText().contains("zcu102"));
    }

    @Test
    void pickingAnotherBoardRedrawsItsRoof(FxRobot robot) {
        double before = vm.plotProperty().get().peakGops();
        @SuppressWarnings("unchecked")
        ChoiceBox<String> board = robot.lookup("#roofline-board").queryAs(ChoiceBox.class);
        robot.interact(() -> board.getSelectionModel().select("kv260"));
        WaitForAsyncUtils.waitForFxEvents();
        Plot p = vm.plotProperty().get();
        assertEquals("kv260", p.board());
        assertNotEquals(before, p.peakGops());
        assertTrue(robot.lookup("#roofline-legend").queryAs(Label.class).getText().startsWith("kv260"));
    }

    @Test
    void followsANewSelection(FxRobot robot) {
        SubnetConfig other = SPACE.minConfig(128);
        robot.interact(() -> vm.setSelected(SPACE, other));
        Point sel = vm.plotProperty().get().of(Kind.SELECTED_NET).get(0);
        assertEquals("selected r128", sel.label());
        assertEquals(SPACE.describe(other).layers().size(), vm.plotProperty().get().of(Kind.LAYER).size());
    }
}
