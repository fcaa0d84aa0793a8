package dev.ofastudio.app.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
class DiagramViewTest {
    private final DiagramViewModel vm = new DiagramViewModel();
    private DiagramView view;
    @TempDir
    static Path exportDir;

    @Start
    void start(Stage stage) {
        vm.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);
        view = new DiagramView(vm, ext -> Optional.of(exportDir.resolve("diagram." + ext)));
        stage.setScene(new Scene(view, 1400, 420));
        stage.show();
    }

    @Test
    void drawsTheDiagramOnTheCanvas(FxRobot robot) throws Exception {
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> view.canvas().snapshot(null, null)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(shot.getWidth() > 600 && shot.getHeight() > 200);
        double[] c = view.centreOf("blocks.1").orElseThrow();
        DiagramBox b = vm.layoutProperty().get().box("blocks.1").orElseThrow();
        // a point inside blocks.1 near its left edge is the stage-1 tint, not the white background
        double scale = (c[0] - view.centreOf("first_conv").orElseThrow()[0])
                / (b.x() + b.w() / 2 - vm.layoutProperty().get().box("first_conv").orElseThrow().x()
                - vm.layoutProperty().get().box("first_conv").orElseThrow().w() / 2);
        int argb = shot.getPixelReader().getArgb((int) (c[0] - (b.w() / 2 - 5) * scale), (int) c[1]);
        assertTrue(Math.abs((argb >> 16 & 0xff) - (DiagramLayout.STAGE_FILL[1] >> 16 & 0xff)) <= 8,
                String.format("#%06x", argb & 0xffffff));
    }

    @Test
    void clickingABlockSelectsItAndShowsItsDetails(FxRobot robot) {
        double[] c = view.centreOf("blocks.11").orElseThrow();
        robot.clickOn(robot.point(view.canvas()).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(c[0], c[1])));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("blocks.11", vm.selectedIdProperty().get());
        assertEquals(10, vm.selectedBlockProperty().get());
        Label details = robot.lookup("#diagram-details").queryAs(Label.class);
        assertTrue(details.getText().startsWith("blocks.11 · stage 3"), details.getText());
    }

    @Test
    void clickingAGhostSelectsIt(FxRobot robot) {
        double[] c = view.centreOf("blocks.8").orElseThrow();
        robot.clickOn(robot.point(view.canvas()).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(c[0], c[1])));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, vm.selectedBlockProperty().get());
        assertTrue(vm.detailsProperty().get().contains("not run"));
    }

    @Test
    void exportButtonsWriteThePngAndTheSvg(FxRobot robot) throws Exception {
        // fire() rather than a robot click: the buttons are plain, and robot motion is slow here
        robot.interact(() -> robot.lookup("#diagram-export-svg").queryButton().fire());
        robot.interact(() -> robot.lookup("#diagram-export-png").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.readString(exportDir.resolve("diagram.svg")).startsWith("<?xml"));
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(exportDir.resolve("diagram.png").toFile());
        assertEquals((int) Math.ceil(vm.layoutProperty().get().width() * 2), png.getWidth());
        assertEquals("Saved " + exportDir.resolve("diagram.png"),
                robot.lookup("#diagram-export-status").queryAs(Label.class).getText());
    }
}
