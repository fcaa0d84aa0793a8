package dev.ofastudio.app.pareto;

import dev.ofastudio.engine.study.HardwareFigures;

/** One line of hardware figures for tooltips and details, worded the way {@code ofa latency} prints them. */
public final class FigureText {
    private FigureText() {
    }

    /** e.g. {@code ZCU102: 5.954 ms = DPU 5.274 + frame overhead 0.680 · 130.8 GOPS/s · 22.5 ops/B}. */
    public static String line(HardwareFigures f, String board) {
        if (Double.isNaN(f.latencyMs())) {
            return board + ": not covered (resolution outside the source)";
        }
        if (!f.hasReport()) {
            return String.format("%s: %.3f ms", board, f.latencyMs());
        }
        return String.format("%s: %.3f ms = DPU %.3f + frame overhead %.3f · %.1f GOPS/s · %.1f ops/B", board,
                f.latencyMs(), f.dpuMs(), f.frameOverheadMs(), f.gopsPerS(), f.opsPerByte());
    }
}
