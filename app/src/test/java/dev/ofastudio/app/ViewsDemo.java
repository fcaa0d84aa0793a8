package dev.ofastudio.app;

import dev.ofastudio.app.diagram.DiagramView;
import dev.ofastudio.app.diagram.DiagramViewModel;
import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.app.heatmap.HeatmapView;
import dev.ofastudio.app.heatmap.HeatmapViewModel;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * Shows the heatmap and the diagram for one sub-network, for screenshots under Xvfb:
 * {@code ViewsDemo [max|mixed] [shot.png]}. Fills the what-if grid of one block and selects it in
 * the diagram; with a file name it writes a snapshot of the window there and exits.
 */
public final class ViewsDemo {
    private ViewsDemo() {
    }

    public static void main(String[] args) throws OfaException {
        SearchSpace space = SearchSpace.mobileNetV3(1.0);
        SubnetConfig config = args.length > 0 && args[0].equals("mixed")
                ? new SubnetConfig(new int[] {3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5},
                        new int[] {3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4},
                        new int[] {4, 2, 3, 2, 4}, 192)
                : space.maxConfig(224);
        HeatmapViewModel heat = new HeatmapViewModel(BoardAnalyzer.shippedDpuModels());
        long t0 = System.nanoTime();
        heat.setSubnet(space, config);
        long t1 = System.nanoTime();
        heat.setBaseline(ReferenceNetworks.describe("mobilenetv2", 1.0, 224));
        long t2 = System.nanoTime();
        heat.showWhatIf(9, 0);
        // -Dmetric=OPS_PER_BYTE or PEAK_FRACTION shows the other colourings
        heat.metricProperty().set(dev.ofastudio.app.heatmap.HeatmapMetric.valueOf(
                System.getProperty("metric", "LATENCY")));
        long t3 = System.nanoTime();
        System.out.printf("setSubnet %.2f ms, setBaseline %.2f ms, what-if %.2f ms (first calls, cold JIT)%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        Platform.startup(() -> {
            DiagramViewModel diagram = new DiagramViewModel();
            diagram.setSubnet(space, config);
            // the main window does the same: a block clicked in the diagram gets its what-if grid
            diagram.selectedBlockProperty().addListener((o, old, now) -> heat.showWhatIf(now.intValue()));
            diagram.hoveredBlockProperty().addListener((o, old, now) -> {
                if (now.intValue() >= 0) {
                    heat.showWhatIf(now.intValue());
                }
            });
            diagram.selectedBlockProperty().set(9);
            SplitPane split = new SplitPane(new HeatmapView(heat), new DiagramView(diagram));
            split.setOrientation(javafx.geometry.Orientation.VERTICAL);
            split.setDividerPositions(0.62);
            Stage stage = new Stage();
            stage.setTitle("OFA Studio views");
            stage.setScene(new Scene(split, 1600, 1000));
            stage.show();
            if (args.length > 1) {
                // wait for layout and the first pulses, then snapshot the scene and quit
                javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(2));
                pause.setOnFinished(e -> {
                    javafx.scene.image.WritableImage image = stage.getScene().snapshot(null);
                    try {
                        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                                new java.io.File(args[1]));
                    } catch (java.io.IOException ex) {
                        System.err.println("cannot write " + args[1] + ": " + ex.getMessage());
                    }
                    Platform.exit();
                });
                pause.play();
            }
        });
    }
}
