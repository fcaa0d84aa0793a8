package dev.ofastudio.app.heatmap;

import dev.ofastudio.engine.latency.dpu.LayerReport;
import java.util.Locale;

/** What a heatmap cell's colour shows. */
public enum HeatmapMetric {
    LATENCY("Latency", "ms", true),
    OPS_PER_BYTE("Ops/byte", "ops/B", true),
    PEAK_FRACTION("% of peak", "%", false);

    private final String label;
    private final String unit;
    private final boolean logScale;

    HeatmapMetric(String label, String unit, boolean logScale) {
        this.label = label;
        this.unit = unit;
        this.logScale = logScale;
    }

    /** Name for the metric switch. */
    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /**
     * Whether colours follow the logarithm: layer latencies and intensities span orders of
     * magnitude, so a linear scale would paint all but the largest layer the same colour.
     */
    public boolean logScale() {
        return logScale;
    }

    /** This metric's value for one layer. */
    public double of(LayerReport r) {
        return switch (this) {
            case LATENCY -> r.latencyMs();
            case OPS_PER_BYTE -> r.opsPerByte();
            case PEAK_FRACTION -> r.peakFraction();
        };
    }

    /** The value as the cells and tooltips print it, without unit. */
    public String format(double value) {
        return switch (this) {
            case LATENCY -> value >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                    : String.format(Locale.ROOT, "%.3f", value);
            case OPS_PER_BYTE -> String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
            case PEAK_FRACTION -> String.format(Locale.ROOT, "%.0f", value * 100);
        };
    }

    /** The value with its unit, for tooltips. */
    public String formatWithUnit(double value) {
        return this == PEAK_FRACTION ? format(value) + "% of peak" : format(value) + " " + unit;
    }

    @Override
    public String toString() {
        return label;
    }
}
