package dev.ofastudio.engine.latency.dpu;

/**
 * The board's application CPU as the latency model sees it.
 *
 * @param name                 for display
 * @param frameOverheadMs      fixed per-frame CPU time of a single-thread Vitis AI run (pre-processing,
 *                             runner dispatch, post-processing) on top of the DPU time
 * @param fallbackSwitchMs     cost of leaving the DPU for a CPU subgraph and coming back (sync, cache
 *                             maintenance, runner dispatch), per fallback op
 * @param fallbackNsPerElement CPU time per tensor element of an activation/elementwise op run on the CPU
 * @param fallbackGmacPerS     CPU rate for a conv/FC that the DPU cannot run at all
 */
public record CpuSpec(String name, double frameOverheadMs, double fallbackSwitchMs, double fallbackNsPerElement,
        double fallbackGmacPerS) {
    public CpuSpec {
        if (!(frameOverheadMs >= 0) || !(fallbackSwitchMs >= 0) || !(fallbackNsPerElement >= 0)
                || !(fallbackGmacPerS > 0)) {
            throw new IllegalArgumentException("bad CPU spec " + name);
        }
    }
}
