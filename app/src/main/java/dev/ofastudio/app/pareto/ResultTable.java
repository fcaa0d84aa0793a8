package dev.ofastudio.app.pareto;

import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Every evaluated sub-network of a session, column-wise so the chart reads primitive arrays:
 * the random cloud and the history of every search. Accuracy is in % (top-1), latency in ms. Accuracy, MACs, params and ops/byte do not
 * depend on the board; latency has one column per board. Immutable: adding rows makes a new table.
 *
 * <p>{@code origin[i]} is {@link #CLOUD} for a random sample, otherwise the index of the board
 * whose search evaluated it; {@code budget[i]} is that search's budget (NaN for the cloud).
 */
public final class ResultTable {
    public static final int CLOUD = -1;

    private final List<String> boards;
    private final SubnetConfig[] configs;
    private final double[] accuracy;
    private final long[] macs;
    private final long[] params;
    private final double[] opsPerByte;
    private final double[][] latency;
    private final int[] origin;
    private final double[] budget;

    private ResultTable(List<String> boards, SubnetConfig[] configs, double[] accuracy, long[] macs, long[] params,
            double[] opsPerByte, double[][] latency, int[] origin, double[] budget) {
        this.boards = List.copyOf(boards);
        this.configs = configs;
        this.accuracy = accuracy;
        this.macs = macs;
        this.params = params;
        this.opsPerByte = opsPerByte;
        this.latency = latency;
        this.origin = origin;
        this.budget = budget;
    }

    public static ResultTable empty(List<String> boards) {
        return new Builder(boards).build();
    }

    public List<String> boards() {
        return boards;
    }

    public int size() {
        return configs.length;
    }

    public SubnetConfig config(int i) {
        return configs[i];
    }

    public double accuracy(int i) {
        return accuracy[i];
    }

    public long macs(int i) {
        return macs[i];
    }

    public long params(int i) {
        return params[i];
    }

    public double opsPerByte(int i) {
        return opsPerByte[i];
    }

    public double latency(int board, int i) {
        return latency[board][i];
    }

    public int origin(int i) {
        return origin[i];
    }

    public double budget(int i) {
        return budget[i];
    }

    public int boardIndex(String board) {
        return boards.indexOf(board);
    }

    /** The accuracy column; read-only by contract (the renderer reads it every frame without copying). */
    double[] accuracyColumn() {
        return accuracy;
    }

    double[] latencyColumn(int board) {
        return latency[board];
    }

    int[] originColumn() {
        return origin;
    }

    /** Index of {@code config} in this table, or -1. */
    public int indexOf(SubnetConfig config) {
        for (int i = 0; i < configs.length; i++) {
            if (configs[i].equals(config)) {
                return i;
            }
        }
        return -1;
    }

    /** A builder that starts with this table's rows. */
    public Builder toBuilder() {
        Builder b = new Builder(boards);
        for (int i = 0; i < size(); i++) {
            double[] lat = new double[boards.size()];
            for (int k = 0; k < lat.length; k++) {
                lat[k] = latency[k][i];
            }
            b.add(configs[i], accuracy[i], macs[i], params[i], opsPerByte[i], lat, origin[i], budget[i]);
        }
        return b;
    }

    /** Collects rows, then freezes them into a table. */
    public static final class Builder {
        private final List<String> boards;
        private final List<SubnetConfig> configs = new ArrayList<>();
        private double[] acc = new double[64];
        private long[] mac = new long[64];
        private long[] par = new long[64];
        private double[] opb = new double[64];
        private double[][] lat;
        private int[] org = new int[64];
        private double[] bud = new double[64];

        public Builder(List<String> boards) {
            this.boards = List.copyOf(boards);
            this.lat = new double[boards.size()][64];
        }

        public Builder add(SubnetConfig config, double accuracy, long macs, long params, double opsPerByte,
                double[] latencyPerBoard, int origin, double budget) {
            Objects.requireNonNull(config, "config");
            if (latencyPerBoard.length != boards.size()) {
                throw new IllegalArgumentException("need " + boards.size() + " latencies, got " + latencyPerBoard.length);
            }
            int i = configs.size();
            if (i == acc.length) {
                int n = i * 2;
                acc = Arrays.copyOf(acc, n);
                mac = Arrays.copyOf(mac, n);
                par = Arrays.copyOf(par, n);
                opb = Arrays.copyOf(opb, n);
                org = Arrays.copyOf(org, n);
                bud = Arrays.copyOf(bud, n);
                for (int k = 0; k < lat.length; k++) {
                    lat[k] = Arrays.copyOf(lat[k], n);
                }
            }
            configs.add(config);
            acc[i] = accuracy;
            mac[i] = macs;
            par[i] = params;
            opb[i] = opsPerByte;
            org[i] = origin;
            bud[i] = budget;
            for (int k = 0; k < lat.length; k++) {
                lat[k][i] = latencyPerBoard[k];
            }
            return this;
        }

        public int size() {
            return configs.size();
        }

        public ResultTable build() {
            int n = configs.size();
            double[][] l = new double[lat.length][];
            for (int k = 0; k < lat.length; k++) {
                l[k] = Arrays.copyOf(lat[k], n);
            }
            return new ResultTable(boards, configs.toArray(new SubnetConfig[0]), Arrays.copyOf(acc, n),
                    Arrays.copyOf(mac, n), Arrays.copyOf(par, n), Arrays.copyOf(opb, n), l,
                    Arrays.copyOf(org, n), Arrays.copyOf(bud, n));
        }
    }
}
