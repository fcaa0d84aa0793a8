package dev.ofastudio.app.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.Studio;
import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.app.render.ParetoRenderer;
import dev.ofastudio.app.render.PlotData;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.testing.BuiltIn;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
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

/**
 * Issue 15: the networks a user calibrated a board with appear on the Pareto chart as marked
 * points — at their published or predicted accuracy, or on the latency axis when neither is known —
 * with a legend entry and a tooltip that names them as measured.
 */
@ExtendWith(ApplicationExtension.class)
class MeasuredNetsOnChartFxTest {
    @TempDir
    static Path tmp;

    private final FakeDialogService dialogs = new FakeDialogService();
    private Studio studio;
    private ParetoView chart;

    @Start
    void start(Stage stage) throws Exception {
        studio = new Studio(Fakes.loaders(), dialogs, new ImmediateTaskExecutor(), BuiltIn.openingImageNet(),
                Fakes.randomSearch(20), BoardAnalyzer.dpuModels("zcu102"));
        studio.start();
        studio.inputs().loadPredictor(tmp.resolve("acc.pth"), p -> { });
        studio.pareto().cloudSizeProperty().set(300);
        studio.pareto().budgetCountProperty().set(2);
        studio.pareto().runSweep();
        chart = new ParetoView(studio.pareto(), 1.0);
        stage.setScene(new Scene(chart, 900, 600));
        stage.show();
    }

    @Test
    void calibratedNetworksAreMarkedWithLegendAndTooltip(FxRobot robot) throws Exception {
        // An OFA config of the project's (w1.2) space, measured like the reference networks.
        SubnetConfig cfg = new SubnetConfig(filled(20, 5), filled(20, 4), filled(5, 3), 192);
        Path cfgFile = tmp.resolve("my-net.json");
        Files.writeString(cfgFile, SubnetConfigJson.toJson(cfg).toString());
        String cfgSpec = cfgFile + "@1.2";
        robot.interact(() -> {
            var cal = studio.calibration();
            cal.addRow("mobilenetv1_1.0_224", "e2e", "3.11");
            cal.addRow("resnet50", "e2e", "11.74");
            cal.addRow("vgg16", "dpu", "45.5");
            cal.addRow("efficientnet-edgetpu-s", "e2e", "8.69");
            cal.addRow(cfgSpec, "e2e", "4.2");
            cal.calibrate();
        });
        assertNotNull(studio.calibration().resultProperty().get(), () -> "errors: " + dialogs.errors);
        PlotData d = studio.pareto().plotBinding().get();
        assertEquals(5, d.measured().size());
        // Published top-1: MobileNetV1 paper 70.6 %, torchvision ResNet-50 76.13 %, VGG-16 71.592 %.
        assertMeasured(d.measured().get(0), "mobilenetv1_1.0_224", 3.11, 70.6);
        assertMeasured(d.measured().get(1), "resnet50", 11.74, 76.13);
        // A DPU-only time is placed end to end: plus the (calibrated) profile's per-frame overhead.
        double overhead = studio.calibration().resultProperty().get().frameOverheadMs();
        assertTrue(overhead > 0);
        assertMeasured(d.measured().get(2), "vgg16", 45.5 + overhead, 71.592);
        // No published accuracy for EfficientNet-EdgeTPU-S in the studio's list: on the latency axis.
        assertTrue(d.measured().get(3).onAxis());
        assertEquals(8.69, d.measured().get(3).latencyMs(), 1e-9);
        // The config of the project's space is at the predictor's accuracy for it.
        assertMeasured(d.measured().get(4), "my-net.json@1.2", 4.2, 100 * Fakes.predictor().predict(cfg));
        assertTrue(ParetoRenderer.legendEntries(d).contains("measured on zcu104 (5)"), ParetoRenderer.legendEntries(d).toString());

        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> {
            chart.fitAll();
            chart.paint();
            return chart.canvas().snapshot(null, null);
        }).get(10, TimeUnit.SECONDS);
        for (int k : new int[] {0, 3}) {
            double[] c = chart.screenOfMeasured(k);
            assertTrue(c[0] > 0 && c[0] < 900 && c[1] > 0 && c[1] < 600, Arrays.toString(c));
            assertEquals(ParetoRenderer.MEASURED.toString(),
                    shot.getPixelReader().getColor((int) Math.round(c[0]), (int) Math.round(c[1])).toString(),
                    "measured glyph " + k + " at " + Arrays.toString(c));
        }
        // The on-axis mark sits at the plot's bottom edge, below every placed point.
        assertTrue(chart.screenOfMeasured(3)[1] > chart.screenOfMeasured(0)[1]);

        Label tip = robot.lookup("#paretoTooltip").queryAs(Label.class);
        hover(robot, 0);
        assertTrue(tip.isVisible());
        assertTrue(tip.getText().contains("mobilenetv1_1.0_224") && tip.getText().contains("measured on zcu104")
                && tip.getText().contains("published"), tip.getText());
        hover(robot, 3);
        assertTrue(tip.getText().contains("efficientnet-edgetpu-s") && tip.getText().contains("measured")
                && tip.getText().contains("latency axis"), tip.getText());

        // A new calibration replaces the marks; clearing the result removes them.
        robot.interact(() -> studio.pareto().showMeasured(null));
        assertTrue(studio.pareto().plotBinding().get().measured().isEmpty());
        assertFalse(ParetoRenderer.legendEntries(studio.pareto().plotBinding().get()).stream()
                .anyMatch(s -> s.startsWith("measured")));
    }

    private void hover(FxRobot robot, int k) {
        double[] c = chart.screenOfMeasured(k);
        Point2D p = chart.canvas().localToScreen(c[0], c[1]);
        robot.moveTo(p.add(3, 0)).moveTo(p);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertMeasured(PlotData.Measured m, String name, double latencyMs, double top1) {
        assertEquals(name, m.label());
        assertEquals(latencyMs, m.latencyMs(), 1e-9, name);
        assertEquals(top1, m.accuracy(), 1e-9, name);
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }
    /** The exported chart is drawn at twice the on-screen size, with the title in a strip above it. */
    @Test
    void exportedPngIsTwiceTheSizeWithATitle(FxRobot robot) throws Exception {
        byte[] png = WaitForAsyncUtils.asyncFx(() -> {
            chart.fitAll();
            return chart.snapshotPng("Fashion-MNIST — predicted top-1 vs latency");
        }).get(10, TimeUnit.SECONDS);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        double w = chart.canvas().getWidth();
        double h = chart.canvas().getHeight();
        assertEquals((int) Math.round(2 * w), img.getWidth());
        assertTrue(img.getHeight() > 2 * h, "a title strip above the 2x chart: " + img.getHeight());
        int dark = 0;
        int strip = img.getHeight() - (int) Math.round(2 * h);
        for (int y = 0; y < strip; y++) {
            for (int x = 0; x < img.getWidth() / 2; x++) {
                if ((img.getRGB(x, y) & 0xff) < 96) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 200, "title text drawn in the strip (" + dark + " dark pixels)");
        byte[] plain = WaitForAsyncUtils.asyncFx(() -> chart.snapshotPng()).get(10, TimeUnit.SECONDS);
        assertEquals((int) Math.round(2 * h), javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(plain)).getHeight());
    }
}
