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
 * {@code ViewsDemo [max|mixed]}. Hovers one block so the what-if grid is filled.
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
        long t3 = System.nanoTime();
        System.out.printf("setSubnet %.2f ms, setBaseline %.2f ms, what-if %.2f ms (first calls, cold JIT)%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        Platform.startup(() -> {
            DiagramViewModel diagram = new DiagramViewModel();
            diagram.setSubnet(space, config);
            diagram.selectedBlockProperty().set(9);
            SplitPane split = new SplitPane(new HeatmapView(heat), new DiagramView(diagram));
            split.setOrientation(javafx.geometry.Orientation.VERTICAL);
            split.setDividerPositions(0.62);
            Stage stage = new Stage();
            stage.setTitle("OFA Studio views");
            stage.setScene(new Scene(split, 1600, 1000));
            stage.show();
        });
    }
}
