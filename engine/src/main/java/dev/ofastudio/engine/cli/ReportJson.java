package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.latency.dpu.LayerReport;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import dev.ofastudio.engine.study.HardwareFigures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of a DPU report, shared by {@code latency} and {@code compare}. */
final class ReportJson {
    private ReportJson() {
    }

    /** Network-level figures only. */
    static Map<String, Object> summary(NetworkReport r, long macs) {
        // The same figures the studio shows (tooltip, heatmap, present mode, exports).
        HardwareFigures f = HardwareFigures.of(r.board(), r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", r.network());
        m.put("board", r.board());
        m.put("latency_ms", f.latencyMs());
        m.put("dpu_ms", f.dpuMs());
        m.put("frame_overhead_ms", f.frameOverheadMs());
        m.put("ops", f.ops());
        m.put("macs", macs);
        m.put("bytes", f.bytes());
        m.put("ops_per_byte", f.opsPerByte());
        m.put("gops_per_s", f.gopsPerS());
        m.put("peak_fraction", f.peakFraction());
        return m;
    }

    /** Summary plus the per-layer list (the {@code ofa latency --json} contract). */
    static Map<String, Object> full(NetworkReport r, long macs, List<String> keys,
            List<DpuLatencyModel.Traffic> traffic) {
        Map<String, Object> m = summary(r, macs);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int i = 0; i < r.layers().size(); i++) {
            LayerReport l = r.layers().get(i);
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("name", l.name());
            lm.put("key", keys.get(i));
            lm.put("latency_ms", l.latencyMs());
            lm.put("ops", l.ops());
            lm.put("bytes", l.bytes());
            lm.put("weight_bytes", traffic.get(i).weightBytes());
            lm.put("input_bytes", traffic.get(i).inputBytes());
            lm.put("output_bytes", traffic.get(i).outputBytes());
            lm.put("ops_per_byte", l.opsPerByte());
            lm.put("gops_per_s", l.gopsPerS());
            lm.put("peak_fraction", l.peakFraction());
            lm.put("bound", l.bound().jsonName());
            layers.add(lm);
        }
        m.put("layers", layers);
        return m;
    }
}
