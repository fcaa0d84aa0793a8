package dev.ofastudio.app.heatmap;

import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.LayerType;
import dev.ofastudio.engine.latency.dpu.LayerReport;
import java.util.List;

/**
 * One heatmap row: a layer and its report on each board (same order as the table's boards).
 *
 * @param layer   the layer from the network description
 * @param block   elastic block index 0..19 for an OFA MBConv block, -1 for any other layer
 * @param reports one report per board
 */
public record HeatmapRow(Layer layer, int block, List<LayerReport> reports) {
    public HeatmapRow {
        reports = List.copyOf(reports);
    }

    /** Short label for the row header, e.g. {@code blocks.5  k5 e4 SE}. */
    public String label() {
        StringBuilder s = new StringBuilder(layer.name());
        if (layer.type() == LayerType.MB_CONV || layer.kernel() > 1 && layer.type() != LayerType.GLOBAL_POOL) {
            s.append("  k").append(layer.kernel());
        }
        if (layer.expandRatio() > 0) {
            s.append(" e").append(layer.expandRatio());
        }
        if (layer.se()) {
            s.append(" SE");
        }
        return s.toString();
    }

    /** The elastic block index of an OFA MobileNetV3 layer, -1 for layers that are not elastic blocks. */
    static int elasticBlockOf(Layer layer) {
        if (layer.type() != LayerType.MB_CONV || layer.stage() < 0 || !layer.name().startsWith("blocks.")) {
            return -1;
        }
        try {
            return Integer.parseInt(layer.name().substring("blocks.".length())) - 1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
