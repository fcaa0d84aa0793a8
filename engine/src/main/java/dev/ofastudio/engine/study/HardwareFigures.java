package dev.ofastudio.engine.study;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.dpu.NetworkAnalyzer;
import dev.ofastudio.engine.latency.dpu.NetworkReport;

/**
 * The hardware figures of one network on one latency source, computed once here for the CLI
 * ({@code latency}, {@code compare}, {@code sweep}), the studio's tooltip, heatmap, present mode
 * and exports. Ops and bytes are the DPU model's accounting (int8 weights, input and output
 * feature maps, re-reads when the weights overflow the on-chip buffer); GOPS/s is over the DPU
 * time, which excludes the per-frame CPU overhead; the end-to-end latency includes it. A lookup
 * table gives the latency only: every other figure is NaN (and {@link #hasReport()} false).
 *
 * @param source          the source's label
 * @param latencyMs       end-to-end latency: DPU time plus the per-frame overhead
 * @param dpuMs           the layers' time on the DPU (CPU fallbacks included)
 * @param frameOverheadMs fixed per-frame CPU time
 * @param ops             operations (2 per MAC plus elementwise work)
 * @param bytes           bytes moved
 * @param opsPerByte      arithmetic intensity, ops / bytes
 * @param gopsPerS        achieved throughput over the DPU time
 * @param peakFraction    achieved / peak throughput of one core (0–1)
 */
public record HardwareFigures(String source, double latencyMs, double dpuMs, double frameOverheadMs, long ops,
        long bytes, double opsPerByte, double gopsPerS, double peakFraction) {

    /** The figures of a DPU report. */
    public static HardwareFigures of(String source, NetworkReport r) {
        return new HardwareFigures(source, r.latencyMs(), r.dpuMs(), r.frameOverheadMs(), r.ops(), r.bytes(),
                r.opsPerByte(), r.gopsPerS(), r.peakFraction());
    }

    /** Whatever {@code source} can report for {@code net}: the full figures, or the latency only. */
    public static HardwareFigures of(LatencySource source, NetworkDescription net) throws OfaException {
        if (source.model() instanceof NetworkAnalyzer a) {
            return of(source.label(), a.analyze(net));
        }
        return new HardwareFigures(source.label(), source.model().latencyMs(net), Double.NaN, Double.NaN, -1, -1,
                Double.NaN, Double.NaN, Double.NaN);
    }

    /** True when the source gave a per-layer DPU report (not just a latency). */
    public boolean hasReport() {
        return ops >= 0;
    }
}
