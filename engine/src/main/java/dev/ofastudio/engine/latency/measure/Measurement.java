package dev.ofastudio.engine.latency.measure;

/**
 * One measured network latency imported from a profiler or benchmark output.
 *
 * @param network    network spec ({@link NetworkSpec}), e.g. {@code mobilenetv2_1.0_224}
 * @param kind       what it measures
 * @param measuredMs milliseconds (finite, &gt; 0)
 * @param source     file (and line or record) it came from
 * @param trace      what a vaitrace summary adds (workload, traffic), or null
 */
public record Measurement(String network, Kind kind, double measuredMs, String source, TraceFigures trace) {
    /** A measurement with only a time. */
    public Measurement(String network, Kind kind, double measuredMs, String source) {
        this(network, kind, measuredMs, source, null);
    }

    /**
     * Totals over a network's DPU subgraphs from a vaitrace summary.
     *
     * @param workloadGop   operations (GOP, a MAC counts two)
     * @param weightsMb     weights and bias loaded (LdWB, MB)
     * @param featureLoadMb feature maps loaded (LdFM, MB)
     * @param featureStoreMb feature maps stored (StFM, MB)
     */
    public record TraceFigures(double workloadGop, double weightsMb, double featureLoadMb, double featureStoreMb) {
        public double trafficMb() {
            return weightsMb + featureLoadMb + featureStoreMb;
        }
    }

    /** End-to-end single-thread latency, or DPU time only. */
    public enum Kind {
        E2E, DPU;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Measurement {
        if (!Double.isFinite(measuredMs) || measuredMs <= 0) {
            throw new IllegalArgumentException("measured latency must be finite and > 0, got " + measuredMs);
        }
    }
}
