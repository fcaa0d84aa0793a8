package dev.ofastudio.engine.search;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;

/**
 * Latency, MACs and params of any sub-network of a space from compiled per-block tables (the
 * search's own cost tables): about twenty array reads per network instead of building its
 * description. Exact for per-layer latency models; {@link #compile} refuses any other model.
 * Immutable and thread-safe.
 */
public final class CompiledCosts {
    private final CostTable table;

    private CompiledCosts(CostTable table) {
        this.table = table;
    }

    /** Tables for every resolution of {@code space}; {@code model} may be null (MACs and params only). */
    public static CompiledCosts compile(SearchSpace space, LatencyModel model) throws OfaException {
        return new CompiledCosts(CostTable.compile(space, model));
    }

    /** End-to-end latency in ms (per-frame overhead included), NaN without a latency model. */
    public double latencyMs(SubnetConfig c) {
        return table.hasLatency() ? table.latencyMs(table.layout().fromConfig(c)) : Double.NaN;
    }

    public long macs(SubnetConfig c) {
        return table.macs(table.layout().fromConfig(c));
    }

    public long params(SubnetConfig c) {
        return table.params(table.layout().fromConfig(c));
    }

    /**
     * True when {@code other} gives every network of the space exactly the same latency (two
     * boards with the same DPU configuration): a search on one is a search on the other.
     */
    public boolean sameLatencies(CompiledCosts other) {
        return table.sameLatencies(other.table);
    }

    /** Exact [min, max] latency over the space, or null without a latency model. */
    public double[] latencyRangeMs() {
        return table.hasLatency() ? table.latencyRange() : null;
    }
}
