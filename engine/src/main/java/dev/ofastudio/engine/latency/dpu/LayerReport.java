package dev.ofastudio.engine.latency.dpu;

/**
 * What the DPU model says about one layer: the figures behind the studio's heatmap and roofline.
 *
 * @param name         layer name from the network description
 * @param latencyMs    predicted time of this layer on one DPU core (CPU fallback included)
 * @param ops          operations (2 per MAC, plus elementwise work)
 * @param bytes        bytes moved: weights + input feature maps + output feature maps (int8)
 * @param opsPerByte   arithmetic intensity, ops / bytes
 * @param gopsPerS     achieved throughput, ops / latency
 * @param peakFraction achieved / peak throughput of the core (0–1)
 * @param bound        which limit sets the time
 */
public record LayerReport(String name, double latencyMs, long ops, long bytes, double opsPerByte, double gopsPerS,
        double peakFraction, Bound bound) {

    /** The limit that sets a layer's time. JSON spelling is the lower-case name. */
    public enum Bound {
        COMPUTE, MEMORY, CPU;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
