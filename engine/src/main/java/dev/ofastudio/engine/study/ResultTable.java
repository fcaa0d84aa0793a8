package dev.ofastudio.engine.study;

import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Every evaluated sub-network of a session, column-wise so the chart reads primitive arrays:
 * the random cloud and the history of every search. Accuracy is in % (top-1), latency in ms (NaN
 * where a board's source does not cover the row's resolution). Accuracy, MACs and params do not
 * depend on the board; latency has one column per board. Each board's Pareto front is computed
 * with the table. Immutable: adding rows makes a new table.
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
    private final double[][] latency;
    private final int[] origin;
    private final double[] budget;
    /** Per board, the front's rows: computed with the table so a reader never pairs one table with another's fronts. */
    private final int[][] fronts;

    private ResultTable(List<String> boards, SubnetConfig[] configs, double[] accuracy, long[] macs, long[] params,
            double[][] latency, int[] origin, double[] budget, int[][] fronts) {
        this.boards = List.copyOf(boards);
        this.configs = configs;
        this.accuracy = accuracy;
        this.macs = macs;
        this.params = params;
        this.latency = latency;
        this.origin = origin;
        this.budget = budget;
        this.fronts = fronts;
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

    public double latency(int board, int i) {
        return latency[board][i];
    }

    public int origin(int i) {
        return origin[i];
    }

    public double budget(int i) {
        return budget[i];
    }

    /** Rows of board {@code b}'s Pareto front (its cloud and its own searches), sorted by latency. */
    public int[] front(int b) {
        return fronts[b].clone();
    }

    /** Every board's front; read-only by contract (the renderer reads it every frame). */
    public int[][] frontsView() {
        return fronts;
    }

    public int boardIndex(String board) {
        return boards.indexOf(board);
    }

    /** The accuracy column; read-only by contract (the renderer reads it every frame without copying). */
    public double[] accuracyColumn() {
        return accuracy;
    }

    public double[] latencyColumn(int board) {
        return latency[board];
    }

    public int[] originColumn() {
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
            b.add(configs[i], accuracy[i], macs[i], params[i], lat, origin[i], budget[i]);
        }
        // The fronts so far stay valid: later rows can only extend them.
        b.fronts = fronts.clone();
        b.frontRows = size();
        return b;
    }

    /** Collects rows, then freezes them into a table. */
    public static final class Builder {
        private final List<String> boards;
        private final List<SubnetConfig> configs = new ArrayList<>();
        private double[] acc = new double[64];
        private long[] mac = new long[64];
        private long[] par = new long[64];
        /** Fronts over the first {@code frontRows} rows; {@link #build} folds in the rows added since. */
        private int[][] fronts;
        private int frontRows;
        private double[][] lat;
        private int[] org = new int[64];
        private double[] bud = new double[64];

        public Builder(List<String> boards) {
            this.boards = List.copyOf(boards);
            this.lat = new double[boards.size()][64];
            this.fronts = new int[boards.size()][0];
        }

        public Builder add(SubnetConfig config, double accuracy, long macs, long params, double[] latencyPerBoard,
                int origin, double budget) {
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

        /** Freezes the rows; each board's front is updated with only the rows added since the last build. */
        public ResultTable build() {
            int n = configs.size();
            double[][] l = new double[lat.length][];
            for (int k = 0; k < lat.length; k++) {
                l[k] = Arrays.copyOf(lat[k], n);
            }
            double[] a = Arrays.copyOf(acc, n);
            int[] o = Arrays.copyOf(org, n);
            if (frontRows < n) {
                int[][] next = new int[lat.length][];
                for (int b = 0; b < lat.length; b++) {
                    next[b] = ParetoFront.extend(fronts[b], frontRows, n, l[b], a, o, b);
                }
                fronts = next;
                frontRows = n;
            }
            return new ResultTable(boards, configs.toArray(new SubnetConfig[0]), a, Arrays.copyOf(mac, n),
                    Arrays.copyOf(par, n), l, o, Arrays.copyOf(bud, n), fronts);
        }
    }
}
