package dev.ofastudio.app.heatmap;

import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.dpu.LayerReport;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import java.util.ArrayList;
import java.util.List;

/**
 * One network's heatmap: rows of layers × columns of boards, and the total row. Immutable.
 *
 * @param title   heading shown above the table
 * @param network the described network
 * @param boards  board ids, one per column
 * @param reports whole-network reports, one per board
 * @param rows    one row per layer, in network order
 */
public record HeatmapTable(String title, NetworkDescription network, List<String> boards,
        List<NetworkReport> reports, List<HeatmapRow> rows) {

    public HeatmapTable {
        boards = List.copyOf(boards);
        reports = List.copyOf(reports);
        rows = List.copyOf(rows);
        if (boards.size() != reports.size()) {
            throw new IllegalArgumentException(boards.size() + " boards but " + reports.size() + " reports");
        }
    }

    /**
     * Lines the reports up with the layers of {@code net}. Throws if a report does not list the
     * network's layers in order: a silent misalignment would colour the wrong rows.
     */
    public static HeatmapTable of(String title, NetworkDescription net, List<String> boards,
            List<NetworkReport> reports) {
        List<Layer> layers = net.layers();
        for (int b = 0; b < reports.size(); b++) {
            List<LayerReport> lr = reports.get(b).layers();
            if (lr.size() != layers.size()) {
                throw new IllegalStateException("board " + boards.get(b) + " reports " + lr.size()
                        + " layers for " + net.name() + ", which has " + layers.size());
            }
            for (int i = 0; i < layers.size(); i++) {
                if (!lr.get(i).name().equals(layers.get(i).name())) {
                    throw new IllegalStateException("board " + boards.get(b) + " reports layer " + i + " as "
                            + lr.get(i).name() + ", expected " + layers.get(i).name());
                }
            }
        }
        List<HeatmapRow> rows = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            List<LayerReport> perBoard = new ArrayList<>(reports.size());
            for (NetworkReport r : reports) {
                perBoard.add(r.layers().get(i));
            }
            rows.add(new HeatmapRow(layers.get(i), HeatmapRow.elasticBlockOf(layers.get(i)), perBoard));
        }
        return new HeatmapTable(title, net, boards, reports, rows);
    }

    public double value(int row, int board, HeatmapMetric metric) {
        return metric.of(rows.get(row).reports().get(board));
    }

    /**
     * The total row: summed latency; total ops over total bytes; for the peak fraction the
     * latency-weighted mean of the layers, which is the network's achieved/peak throughput.
     */
    public double total(int board, HeatmapMetric metric) {
        double latency = 0;
        double ops = 0;
        double bytes = 0;
        double weightedPeak = 0;
        for (HeatmapRow row : rows) {
            LayerReport r = row.reports().get(board);
            latency += r.latencyMs();
            ops += r.ops();
            bytes += r.bytes();
            weightedPeak += r.peakFraction() * r.latencyMs();
        }
        return switch (metric) {
            case LATENCY -> latency;
            case OPS_PER_BYTE -> bytes == 0 ? 0 : ops / bytes;
            case PEAK_FRACTION -> latency == 0 ? 0 : weightedPeak / latency;
        };
    }

    /** The row of elastic block {@code block}, or -1 if that block does not run. */
    public int rowOfBlock(int block) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).block() == block) {
                return i;
            }
        }
        return -1;
    }
}
