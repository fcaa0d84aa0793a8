package dev.ofastudio.engine.study;

import dev.ofastudio.engine.OfaException;
import java.util.List;

/**
 * Reference networks (MobileNetV2 etc.) timed on every board of a study, for the chart's vertical
 * markers and present mode. A board that cannot time a reference network (a lookup table without
 * its layers) gets NaN.
 *
 * @param nets    the reference networks
 * @param latency per board, per reference net, end-to-end latency in ms
 */
public record ReferenceMarkers(List<ReferenceNet> nets, double[][] latency) {
    public ReferenceMarkers {
        nets = List.copyOf(nets);
    }

    public static ReferenceMarkers empty() {
        return new ReferenceMarkers(List.of(), new double[0][]);
    }

    public static ReferenceMarkers evaluate(List<ReferenceNet> refs, List<LatencySource> boards) {
        double[][] lat = new double[boards.size()][refs.size()];
        for (int r = 0; r < refs.size(); r++) {
            for (int b = 0; b < boards.size(); b++) {
                try {
                    lat[b][r] = boards.get(b).model().latencyMs(refs.get(r).network());
                } catch (OfaException | RuntimeException e) {
                    lat[b][r] = Double.NaN;
                }
            }
        }
        return new ReferenceMarkers(refs, lat);
    }

    public List<String> names() {
        return nets.stream().map(ReferenceNet::name).toList();
    }

    public double top1(int r) {
        return nets.get(r).top1();
    }

    public int indexOf(String name) {
        return names().indexOf(name);
    }
}
