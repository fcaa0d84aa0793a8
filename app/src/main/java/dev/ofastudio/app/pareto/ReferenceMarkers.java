package dev.ofastudio.app.pareto;

import dev.ofastudio.app.inputs.InputLoaders.ReferenceNet;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.LatencyModel;
import java.util.List;

/**
 * Reference networks (MobileNetV2 etc.) evaluated on every board of a sweep: latency, published
 * top-1 and the board-independent metrics, for the chart's vertical markers and present mode.
 * A board that cannot time a reference network (a lookup table without its layers) gets NaN.
 */
public record ReferenceMarkers(List<String> names, double[] top1, NetMetrics[] metrics, double[][] latency) {
    public static ReferenceMarkers empty() {
        return new ReferenceMarkers(List.of(), new double[0], new NetMetrics[0], new double[0][]);
    }

    public static ReferenceMarkers evaluate(List<ReferenceNet> refs, List<LatencyModel> boards) {
        double[] top1 = new double[refs.size()];
        NetMetrics[] metrics = new NetMetrics[refs.size()];
        double[][] lat = new double[boards.size()][refs.size()];
        for (int r = 0; r < refs.size(); r++) {
            top1[r] = refs.get(r).top1();
            metrics[r] = NetMetrics.of(refs.get(r).network());
            for (int b = 0; b < boards.size(); b++) {
                try {
                    lat[b][r] = boards.get(b).latencyMs(refs.get(r).network());
                } catch (OfaException | RuntimeException e) {
                    lat[b][r] = Double.NaN;
                }
            }
        }
        return new ReferenceMarkers(refs.stream().map(ReferenceNet::name).toList(), top1, metrics, lat);
    }

    public int indexOf(String name) {
        return names.indexOf(name);
    }
}
