package dev.ofastudio.engine.search;

/**
 * The efficiency constraint of a search: a candidate is feasible when its latency and its MACs
 * are both within their limits. An absent limit is {@link Double#POSITIVE_INFINITY} /
 * {@link Long#MAX_VALUE}.
 *
 * @param maxLatencyMs latency limit in ms (inclusive, as in OFA: {@code efficiency <= constraint})
 * @param maxMacs      MACs limit (inclusive)
 */
public record Budget(double maxLatencyMs, long maxMacs) {
    public static final Budget NONE = new Budget(Double.POSITIVE_INFINITY, Long.MAX_VALUE);

    public Budget {
        if (Double.isNaN(maxLatencyMs) || maxLatencyMs <= 0) {
            throw new IllegalArgumentException("Budget.maxLatencyMs: expected a positive latency in ms, found "
                    + maxLatencyMs);
        }
        if (maxMacs <= 0) {
            throw new IllegalArgumentException("Budget.maxMacs: expected a positive MAC count, found " + maxMacs);
        }
    }

    public static Budget latency(double ms) {
        return new Budget(ms, Long.MAX_VALUE);
    }

    public static Budget macs(long macs) {
        return new Budget(Double.POSITIVE_INFINITY, macs);
    }

    public boolean limitsLatency() {
        return maxLatencyMs != Double.POSITIVE_INFINITY;
    }

    public boolean limitsMacs() {
        return maxMacs != Long.MAX_VALUE;
    }

    public boolean allows(double latencyMs, long macs) {
        return latencyMs <= maxLatencyMs && macs <= maxMacs;
    }

    /** E.g. "latency <= 25.0 ms and MACs <= 300000000". */
    public String describe() {
        String lat = limitsLatency() ? "latency <= " + maxLatencyMs + " ms" : "";
        String mac = limitsMacs() ? "MACs <= " + maxMacs : "";
        if (lat.isEmpty() && mac.isEmpty()) {
            return "no limit";
        }
        return lat.isEmpty() ? mac : mac.isEmpty() ? lat : lat + " and " + mac;
    }
}
