package dev.ofastudio.engine.latency.dpu;

/**
 * The free constants of the analytic DPU model: everything else comes from the board spec and the
 * layer shapes. They were fitted once, by least squares on log error, to the calibration points
 * of {@link CalibrationPoints} (public Vitis AI Model Zoo figures) and to nothing else; the fit is
 * reproducible with {@code DpuFit} in the test sources and documented in {@code fpga-profiles/README.md}.
 *
 * @param computeEfficiency fraction of the tiled peak the engines sustain (instruction issue, load/save
 *                          not overlapped, pipeline fill) — applies to the conv and the ALU engine
 * @param memoryEfficiency  fraction of the core's port bandwidth that DDR traffic achieves
 * @param opOverheadUs      fixed cost of one DPU instruction block (one op: setup, pipeline fill/drain)
 * @param aluEfficiency     fraction of the ALU engine's tiled peak that depthwise, pooling and
 *                          elementwise ops sustain
 * @param activationPass    cost of a hard activation (h-swish, h-sigmoid; swish and sigmoid deploy as
 *                          them) as a fraction of one elementwise pass over the op's output
 * @param addPass           cost of a residual add fused into the conv before it, as a fraction of an
 *                          unfused elementwise add (0: only the shortcut load)
 * @param seBarrierUs       fixed cost of each SE channel multiply: the gate needs the global pool of
 *                          the whole tensor, so the pipeline drains before it
 */
public record DpuModelConstants(double computeEfficiency, double memoryEfficiency, double opOverheadUs,
        double aluEfficiency, double activationPass, double seBarrierUs, double addPass) {
    /** Model version written into generated profiles; bump it when the model or a constant changes. */
    public static final String MODEL_VERSION = "dpu-roofline-2";

    /** The fitted constants (see the class comment). */
    public static final DpuModelConstants FITTED = new DpuModelConstants(0.865, 1.00, 8.85, 0.336, 5.15, 0.0, 0.20);

    public DpuModelConstants {
        if (!(computeEfficiency > 0 && computeEfficiency <= 1) || !(memoryEfficiency > 0 && memoryEfficiency <= 1)
                || !(opOverheadUs >= 0) || !(aluEfficiency > 0 && aluEfficiency <= 1) || !(activationPass >= 0)
                || !(seBarrierUs >= 0) || !(addPass >= 0 && addPass <= 1)) {
            throw new IllegalArgumentException("bad DPU model constants");
        }
    }
}
