package dev.ofastudio.engine.latency.dpu;

import dev.ofastudio.engine.arch.FeatureShape;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.Op;
import dev.ofastudio.engine.arch.OpKind;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.latency.dpu.LayerReport.Bound;
import dev.ofastudio.engine.space.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * Analytic latency of a network on one DPUCZDX8G core, layer by layer, from first principles.
 *
 * <p>Each primitive op is priced as a roofline: {@code max(compute, memory) + op overhead}.
 * <ul>
 * <li>Compute: dense conv and FC on the conv engine, cycles =
 *     {@code H_out · ⌈W_out/PP⌉ · ⌈C_out/OCP⌉ · k² · ⌈C_in/ICP⌉} — the ceilings are the tiling waste
 *     of each parallelism (PG338 Table 1). With channel augmentation a conv with fewer input
 *     channels than ICP folds kernel columns into channels: {@code k · ⌈C_in·k/ICP⌉}. Depthwise conv,
 *     pooling and elementwise ops run on the ALU engine with pixel parallelism
 *     {@link BoardSpec#aluParallelism()} (PP/2 recommended, PG338 4.x) and ICP channels, multiplying
 *     {@link BoardSpec#aluTapsPerCycle()} kernel taps per cycle: {@code ⌈k²/taps⌉} cycles per output tile.</li>
 * <li>Memory: int8 weights and bias, input and output feature maps go through DDR once per op
 *     (the DPU runs layer by layer; vaitrace reports exactly these LdWB/LdFM/StFM figures). When the
 *     weights exceed half of the on-chip buffer (PG338 "RAM Usage"), the input is re-read once per
 *     weight chunk. Bandwidth is the core's two 128-bit ports at the 1× clock, capped by DDR.</li>
 * <li>CPU fallback: an activation the instruction set lacks (hard-swish/hard-sigmoid before ISA1,
 *     UG1414), an SE multiply before ISA1, or a kernel/stride beyond the limits runs on the ARM CPU at
 *     the board's documented cost (one DPU↔CPU switch plus per-element or per-MAC CPU time).</li>
 * </ul>
 * The network's single-thread end-to-end latency is the layers plus the board's fixed per-frame
 * CPU overhead. Stateless and thread-safe; pricing a sub-network takes microseconds.
 */
public final class DpuLatencyModel implements LatencyModel, NetworkAnalyzer {
    private final BoardSpec board;
    private final DpuModelConstants constants;
    private final double computeHz;
    private final double aluHz;
    private final double bandwidth;

    public DpuLatencyModel(BoardSpec board) {
        this(board, DpuModelConstants.FITTED);
    }

    public DpuLatencyModel(BoardSpec board, DpuModelConstants constants) {
        this.board = board;
        this.constants = constants;
        this.computeHz = board.clockHz() * constants.computeEfficiency();
        this.aluHz = board.clockHz() * constants.aluEfficiency();
        this.bandwidth = board.coreBandwidthBytesPerS() * constants.memoryEfficiency();
    }

    @Override
    public BoardSpec board() {
        return board;
    }

    public DpuModelConstants constants() {
        return constants;
    }

    /** Fixed per-frame CPU time added to the layers for the end-to-end latency. */
    public double frameOverheadMs() {
        return board.cpu().frameOverheadMs();
    }

    /** The full report: per layer and per network. */
    @Override
    public NetworkReport analyze(NetworkDescription net) {
        List<LayerReport> reports = new ArrayList<>(net.layers().size());
        for (Layer l : net.layers()) {
            reports.add(analyze(l));
        }
        return summarize(net.name(), board, reports, frameOverheadMs());
    }

    /** Builds a network report from layer reports (shared with profile-based reports). */
    public static NetworkReport summarize(String network, BoardSpec board, List<LayerReport> layers,
            double frameOverheadMs) {
        double dpuMs = 0;
        long ops = 0;
        long bytes = 0;
        for (LayerReport r : layers) {
            dpuMs += r.latencyMs();
            ops += r.ops();
            bytes += r.bytes();
        }
        double gops = dpuMs > 0 ? ops / (dpuMs * 1e-3) / 1e9 : 0;
        return new NetworkReport(network, board.id(), dpuMs + frameOverheadMs, ops, bytes,
                bytes > 0 ? (double) ops / bytes : 0, gops, gops * 1e9 / board.peakOpsPerS(), layers);
    }

    /** One layer: the sum of its ops, with the bound that took the most time. */
    public LayerReport analyze(Layer layer) {
        double compute = 0;
        double memory = 0;
        double cpu = 0;
        double seconds = 0;
        long ops = 0;
        long bytes = 0;
        boolean afterConv = false;
        for (Op op : layer.ops()) {
            OpCost c = op.kind() == OpKind.ELTWISE_ADD && afterConv ? fusedAdd(op) : price(op);
            afterConv |= op.kind() == OpKind.CONV;
            seconds += c.seconds;
            ops += c.ops;
            bytes += c.bytes;
            compute += c.bound == Bound.COMPUTE ? c.seconds : 0;
            memory += c.bound == Bound.MEMORY ? c.seconds : 0;
            cpu += c.bound == Bound.CPU ? c.seconds : 0;
        }
        Bound bound = cpu >= compute && cpu >= memory && cpu > 0 ? Bound.CPU
                : compute >= memory ? Bound.COMPUTE : Bound.MEMORY;
        double ms = seconds * 1e3;
        double gops = seconds > 0 ? ops / seconds / 1e9 : 0;
        return new LayerReport(layer.name(), ms, ops, bytes, bytes > 0 ? (double) ops / bytes : 0, gops,
                gops * 1e9 / board.peakOpsPerS(), bound);
    }

    @Override
    public List<LayerLatency> layers(NetworkDescription net) {
        List<LayerLatency> out = new ArrayList<>(net.layers().size());
        for (Layer l : net.layers()) {
            out.add(new LayerLatency(l.name(), l.lutKey(), analyze(l).latencyMs()));
        }
        return out;
    }

    /** End-to-end: the layers plus the per-frame CPU overhead (what a Vitis AI user measures). */
    @Override
    public double latencyMs(NetworkDescription net) {
        double sum = frameOverheadMs();
        for (Layer l : net.layers()) {
            sum += analyze(l).latencyMs();
        }
        return sum;
    }

    @Override
    public List<Integer> resolutions() {
        return List.of();
    }

    @Override
    public String name() {
        return "DPU model " + board.id() + " (" + DpuModelConstants.MODEL_VERSION + ")";
    }

    /**
     * Where a network's DPU time goes, op by op (ms): dense conv/FC, depthwise, other ALU ops
     * (pooling, adds), SE blocks (all four ops and the barrier), hard activations (the extra ALU
     * pass or the CPU round trip), CPU fallbacks; and, across them, the fixed per-op overhead and the
     * tiling waste (compute time spent on the empty lanes of a partly filled PP/ICP/OCP tile).
     */
    public CostBreakdown breakdown(NetworkDescription net) {
        double conv = 0;
        double depthwise = 0;
        double otherAlu = 0;
        double se = 0;
        double activation = 0;
        double cpu = 0;
        double overhead = 0;
        double waste = 0;
        for (Layer layer : net.layers()) {
            boolean afterConv = false;
            for (Op op : layer.ops()) {
                boolean fused = op.kind() == OpKind.ELTWISE_ADD && afterConv;
                afterConv |= op.kind() == OpKind.CONV;
                double t = (fused ? fusedAdd(op) : price(op)).seconds * 1e3;
                double act = 0;
                if (!fused && runsOnDpu(op)) {
                    overhead += constants.opOverheadUs() * 1e-3;
                    if (activationOnDpu(op.activation()) && op.activation().needsAluPass()) {
                        act = activationPass(op) * 1e3;
                    } else if (!activationOnDpu(op.activation())) {
                        act = (board.cpu().fallbackSwitchMs() * 1e-3
                                + op.out().elements() * board.cpu().fallbackNsPerElement() * 1e-9) * 1e3;
                    }
                    waste += tilingWasteMs(op);
                }
                if (op.name().startsWith("se.")) {
                    se += t;
                    continue;
                }
                activation += act;
                double base = t - act;
                if (!runsOnDpu(op)) {
                    cpu += base;
                } else if (op.kind() == OpKind.CONV || op.kind() == OpKind.FULLY_CONNECTED) {
                    conv += base;
                } else if (op.kind() == OpKind.DEPTHWISE_CONV) {
                    depthwise += base;
                } else {
                    otherAlu += base;
                }
            }
        }
        return new CostBreakdown(conv, depthwise, otherAlu, se, activation, cpu, overhead, waste);
    }

    /** Engine classes a calibration may scale separately: see {@link #engineClassMs}. */
    public static final java.util.List<String> ENGINE_CLASSES = java.util.List.of("conv", "alu", "memory", "cpu");

    /**
     * One layer's time split by what bounds each op (ms): compute on the conv engine, compute on the
     * ALU engine (depthwise, pooling, elementwise, activation passes), memory-bound ops, and CPU
     * fallbacks — in {@link #ENGINE_CLASSES} order.
     */
    public double[] engineClassMs(Layer layer) {
        double[] out = new double[4];
        boolean afterConv = false;
        for (Op op : layer.ops()) {
            boolean fused = op.kind() == OpKind.ELTWISE_ADD && afterConv;
            afterConv |= op.kind() == OpKind.CONV;
            OpCost c = fused ? fusedAdd(op) : price(op);
            int k = c.bound == Bound.CPU ? 3 : c.bound == Bound.MEMORY ? 2 : onAluEngine(op.kind()) ? 1 : 0;
            out[k] += c.seconds * 1e3;
        }
        return out;
    }

    /** Compute time lost to partly filled tiles, when compute bounds the op (0 when memory does). */
    private double tilingWasteMs(Op op) {
        double cycles = cycles(op);
        boolean alu = onAluEngine(op.kind());
        double compute = cycles / (alu ? aluHz : computeHz);
        if (compute < bytesMoved(op) / bandwidth || op.macs() == 0) {
            return 0;
        }
        DpuArch a = board.arch();
        double lanes = alu ? (double) board.aluParallelism() * a.icp() * board.aluTapsPerCycle()
                : (double) a.pp() * a.icp() * a.ocp();
        double ideal = op.macs() / lanes;
        return Math.max(0, cycles - ideal) / (alu ? aluHz : computeHz) * 1e3;
    }

    /** DPU time of a network by cause, in ms; see {@link #breakdown}. */
    public record CostBreakdown(double convMs, double depthwiseMs, double otherAluMs, double seMs, double activationMs,
            double cpuFallbackMs, double opOverheadMs, double tilingWasteMs) {
        /** The sum of the exclusive parts (overhead and waste are spread across them). */
        public double totalMs() {
            return convMs + depthwiseMs + otherAluMs + seMs + activationMs + cpuFallbackMs;
        }

        /** JSON-ready map, keys in snake case. */
        public java.util.Map<String, Double> toMap() {
            java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
            m.put("conv_ms", convMs);
            m.put("depthwise_ms", depthwiseMs);
            m.put("other_alu_ms", otherAluMs);
            m.put("se_ms", seMs);
            m.put("activation_ms", activationMs);
            m.put("cpu_fallback_ms", cpuFallbackMs);
            m.put("of_which_op_overhead_ms", opOverheadMs);
            m.put("of_which_tiling_waste_ms", tilingWasteMs);
            return m;
        }
    }

    // ------------------------------------------------------------------ pricing

    private record OpCost(double seconds, long ops, long bytes, Bound bound) {
    }

    /**
     * A residual add right after a conv is fused into the conv's output stage (the DPU's ElemWise
     * unit adds while the conv result is still on chip): it costs only loading the shortcut tensor.
     */
    private OpCost fusedAdd(Op op) {
        long bytes = op.in().elements();
        double memory = bytes / bandwidth;
        // The fit says how much of a separate elementwise pass the fusion still costs.
        double extra = constants.addPass() * price(op).seconds;
        return new OpCost(memory + extra, opCount(op), bytes, Bound.MEMORY);
    }

    private OpCost price(Op op) {
        long ops = opCount(op);
        long bytes = bytesMoved(op);
        if (!runsOnDpu(op)) {
            // The whole op leaves the DPU: one switch plus CPU arithmetic over its MACs and elements.
            double s = board.cpu().fallbackSwitchMs() * 1e-3 + op.macs() / (board.cpu().fallbackGmacPerS() * 1e9)
                    + op.out().elements() * board.cpu().fallbackNsPerElement() * 1e-9;
            return new OpCost(s, ops, bytes, Bound.CPU);
        }
        double compute = cycles(op) / (onAluEngine(op.kind()) ? aluHz : computeHz);
        double memory = bytes / bandwidth;
        double dpu = Math.max(compute, memory) + constants.opOverheadUs() * 1e-6;
        Bound bound = compute >= memory ? Bound.COMPUTE : Bound.MEMORY;
        if (op.kind() == OpKind.ELTWISE_MUL) {
            // The SE gate depends on a reduction over the whole tensor: the engines drain and wait.
            dpu += constants.seBarrierUs() * 1e-6;
        }
        if (activationOnDpu(op.activation()) && op.activation().needsAluPass()) {
            dpu += activationPass(op);
        }
        if (!activationOnDpu(op.activation())) {
            // The op runs on the DPU but its activation does not: one switch plus per-element CPU work.
            double cpu = board.cpu().fallbackSwitchMs() * 1e-3
                    + op.out().elements() * board.cpu().fallbackNsPerElement() * 1e-9;
            return new OpCost(dpu + cpu, ops, bytes, cpu > dpu ? Bound.CPU : bound);
        }
        return new OpCost(dpu, ops, bytes, bound);
    }

    /**
     * Hard-swish and hard-sigmoid exist only from ISA1 (UG1414 3.x); ReLU/ReLU6 always. Swish and
     * sigmoid run as their hard versions there (the Vitis AI quantizer replaces them).
     */
    boolean activationOnDpu(Activation a) {
        return !a.needsAluPass() || board.isa() >= 1;
    }

    /** Depthwise conv, pooling and elementwise ops run on the ALU engine, not the conv array. */
    static boolean onAluEngine(OpKind kind) {
        return kind != OpKind.CONV && kind != OpKind.FULLY_CONNECTED;
    }

    /**
     * A hard activation is not folded into the conv's output stage like ReLU: the fit prices it as
     * a fraction {@code activationPass} of one elementwise ALU pass over the op's output (read + write).
     */
    private double activationPass(Op op) {
        long elements = op.out().elements();
        FeatureShape out = op.out();
        double compute = (double) out.h() * ceilDiv(out.w(), board.aluParallelism()) * ceilDiv(out.c(), board.arch().icp())
                / aluHz;
        double memory = 2.0 * elements / bandwidth;
        return constants.activationPass() * Math.max(compute, memory);
    }

    /** Op-kind and size limits of UG1414 "Currently Supported Operators" (DPUCZDX8G). */
    boolean runsOnDpu(Op op) {
        return switch (op.kind()) {
            case CONV -> op.kernel() <= 16 && op.stride() <= 8
                    && (long) op.kernel() * op.kernel() * ceilDiv(op.in().c(), board.arch().icp()) <= 2048;
            case DEPTHWISE_CONV -> op.stride() <= 8 && op.kernel() <= (board.isa() >= 1 ? 256 : 16);
            case MAX_POOL, AVG_POOL -> op.kernel() <= 16 && op.stride() <= 8;
            // The SE channel multiply came with ISA1 (MobileNetV3 SE ran on the CPU under VAI 2.0).
            case ELTWISE_MUL -> board.isa() >= 1;
            case FULLY_CONNECTED, GLOBAL_AVG_POOL, ELTWISE_ADD -> true;
        };
    }

    /** Engine cycles at 100 % issue, tiling waste included. */
    double cycles(Op op) {
        DpuArch a = board.arch();
        FeatureShape in = op.in();
        FeatureShape out = op.out();
        int alu = board.aluParallelism();
        return switch (op.kind()) {
            case CONV -> {
                long kernelLoop = board.channelAugmentation() && in.c() < a.icp()
                        ? (long) op.kernel() * ceilDiv(in.c() * op.kernel(), a.icp())
                        : (long) op.kernel() * op.kernel() * ceilDiv(in.c(), a.icp());
                yield (double) out.h() * ceilDiv(out.w(), a.pp()) * ceilDiv(out.c(), a.ocp()) * kernelLoop;
            }
            // Batch 1: one "pixel", so PP-1 of the PP lanes idle.
            case FULLY_CONNECTED -> (double) ceilDiv(in.elements(), a.icp()) * ceilDiv(out.c(), a.ocp());
            case DEPTHWISE_CONV, MAX_POOL, AVG_POOL -> (double) out.h() * ceilDiv(out.w(), alu)
                    * ceilDiv(out.c(), a.icp()) * ceilDiv((long) op.kernel() * op.kernel(), board.aluTapsPerCycle());
            case GLOBAL_AVG_POOL -> (double) in.h() * ceilDiv(in.w(), alu) * ceilDiv(in.c(), a.icp())
                    / board.aluTapsPerCycle();
            case ELTWISE_ADD, ELTWISE_MUL -> (double) out.h() * ceilDiv(out.w(), alu) * ceilDiv(out.c(), a.icp());
        };
    }

    /** Operations: two per MAC; pooling and elementwise work count one per element touched. */
    static long opCount(Op op) {
        return switch (op.kind()) {
            case CONV, DEPTHWISE_CONV, FULLY_CONNECTED -> 2 * op.macs();
            case MAX_POOL, AVG_POOL -> op.out().elements() * op.kernel() * op.kernel();
            case GLOBAL_AVG_POOL -> op.in().elements();
            case ELTWISE_ADD, ELTWISE_MUL -> op.out().elements();
        };
    }

    /**
     * DDR traffic of one op or layer, int8: weights + bias, input feature maps (re-reads and
     * shortcut loads included) and output feature maps.
     */
    public record Traffic(long weightBytes, long inputBytes, long outputBytes) {
        public long total() {
            return weightBytes + inputBytes + outputBytes;
        }

        Traffic plus(Traffic o) {
            return new Traffic(weightBytes + o.weightBytes, inputBytes + o.inputBytes, outputBytes + o.outputBytes);
        }
    }

    /** The traffic of a layer, split as the heatmap and roofline show it. */
    public Traffic traffic(Layer layer) {
        Traffic sum = new Traffic(0, 0, 0);
        boolean afterConv = false;
        for (Op op : layer.ops()) {
            sum = sum.plus(op.kind() == OpKind.ELTWISE_ADD && afterConv
                    ? new Traffic(0, op.in().elements(), 0) : traffic(op));
            afterConv |= op.kind() == OpKind.CONV;
        }
        return sum;
    }

    /** Int8 bytes through DDR: weights + bias, input feature maps (re-reads included), output feature maps. */
    long bytesMoved(Op op) {
        return traffic(op).total();
    }

    Traffic traffic(Op op) {
        long in = op.in().elements();
        long out = op.out().elements();
        return switch (op.kind()) {
            case CONV, DEPTHWISE_CONV, FULLY_CONNECTED -> {
                long weights = op.weightCount() + (op.bias() || op.batchNorm() ? op.out().c() : 0);
                long weightBank = board.bufferBytes() / 2;
                long reloads = Math.max(1, ceilDiv(weights, weightBank));
                yield new Traffic(weights, in * reloads, out);
            }
            case MAX_POOL, AVG_POOL, GLOBAL_AVG_POOL -> new Traffic(0, in, out);
            case ELTWISE_ADD -> new Traffic(0, 2 * in, out);
            case ELTWISE_MUL -> new Traffic(0, in + op.in().c(), out);
        };
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
