package dev.ofastudio.engine.latency.measure;

/**
 * One measured network latency imported from a profiler or benchmark output.
 *
 * @param network    network spec ({@link NetworkSpec}), e.g. {@code mobilenetv2_1.0_224}
 * @param kind       what it measures
 * @param measuredMs milliseconds (finite, &gt; 0)
 * @param source     file (and line or record) it came from
 */
public record Measurement(String network, Kind kind, double measuredMs, String source) {
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
