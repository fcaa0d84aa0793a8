package dev.ofastudio.app.roofline;

import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.latency.dpu.LayerReport;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The roofline of one board: its compute roof (peak GOPS/s of one core) and memory slope (the
 * bandwidth the model reaches), with every layer of the selected net, every net of the Pareto front
 * and MobileNetV2 as points (ops/byte, GOPS/s). Follows the Pareto selection; pricing a net takes
 * microseconds, so it runs on the caller's thread.
 */
public final class RooflineViewModel {
    /** What a point is. */
    public enum Kind {
        LAYER, FRONT_NET, SELECTED_NET, BASELINE
    }

    /** One point: arithmetic intensity and achieved throughput. */
    public record Point(String label, double opsPerByte, double gopsPerS, Kind kind) {
    }

    /**
     * Everything the chart draws for one board.
     *
     * @param board       board id
     * @param peakGops    compute roof, GOPS/s
     * @param bandwidthGBps memory slope, GB/s (GOPS/s = ops/byte × GB/s)
     * @param points      layers, front nets, the selected net and MobileNetV2
     */
    public record Plot(String board, double peakGops, double bandwidthGBps, List<Point> points) {
        public List<Point> of(Kind kind) {
            return points.stream().filter(p -> p.kind() == kind).toList();
        }

        /** The roof at intensity {@code x}: min(peak, bandwidth × x). */
        public double roof(double opsPerByte) {
            return Math.min(peakGops, bandwidthGBps * opsPerByte);
        }
    }

    private final List<DpuLatencyModel> boards;
    private final IntegerProperty board = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<Plot> plot = new ReadOnlyObjectWrapper<>();
    private SearchSpace space;
    private SubnetConfig selected;
    private List<SubnetConfig> front = List.of();
    private NetworkDescription baseline;

    public RooflineViewModel(List<DpuLatencyModel> boards) {
        this.boards = List.copyOf(boards);
        board.addListener((o, a, b) -> refresh());
        refresh();
    }

    public List<String> boards() {
        return boards.stream().map(m -> m.board().id()).toList();
    }

    /** Index of the board shown. */
    public IntegerProperty boardProperty() {
        return board;
    }

    public ReadOnlyObjectProperty<Plot> plotProperty() {
        return plot.getReadOnlyProperty();
    }

    /** The net picked on the Pareto chart. */
    public void setSelected(SearchSpace s, SubnetConfig config) {
        space = s;
        selected = config;
        refresh();
    }

    /** The nets of the current front (of the same space). */
    public void setFront(List<SubnetConfig> configs) {
        front = List.copyOf(configs);
        refresh();
    }

    /** The reference network highlighted beside the selection (MobileNetV2). */
    public void setBaseline(NetworkDescription net) {
        baseline = net;
        refresh();
    }

    private void refresh() {
        int b = board.get();
        if (boards.isEmpty() || b < 0 || b >= boards.size()) {
            plot.set(null);
            return;
        }
        DpuLatencyModel m = boards.get(b);
        double bandwidth = m.board().coreBandwidthBytesPerS() * m.constants().memoryEfficiency() / 1e9;
        List<Point> points = new ArrayList<>();
        if (space != null) {
            for (SubnetConfig c : front) {
                NetworkReport r = m.analyze(space.describe(c));
                points.add(new Point("r" + c.r(), r.opsPerByte(), r.gopsPerS(), Kind.FRONT_NET));
            }
            if (selected != null) {
                NetworkReport r = m.analyze(space.describe(selected));
                for (LayerReport l : r.layers()) {
                    if (l.ops() > 0 && l.bytes() > 0) {
                        points.add(new Point(l.name(), l.opsPerByte(), l.gopsPerS(), Kind.LAYER));
                    }
                }
                points.add(new Point("selected r" + selected.r(), r.opsPerByte(), r.gopsPerS(), Kind.SELECTED_NET));
            }
        }
        if (baseline != null) {
            NetworkReport r = m.analyze(baseline);
            points.add(new Point(baseline.name(), r.opsPerByte(), r.gopsPerS(), Kind.BASELINE));
        }
        plot.set(new Plot(m.board().id(), m.board().peakOpsPerS() / 1e9, bandwidth, points));
    }
}
