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
 */
public record DpuModelConstants(double computeEfficiency, double memoryEfficiency, double opOverheadUs) {
    /** Model version written into generated profiles; bump it when the model or a constant changes. */
    public static final String MODEL_VERSION = "dpu-roofline-1";

    /** The fitted constants (see the class comment). */
    public static final DpuModelConstants FITTED = new DpuModelConstants(1.00, 0.74, 2.0);

    public DpuModelConstants {
        if (!(computeEfficiency > 0 && computeEfficiency <= 1) || !(memoryEfficiency > 0 && memoryEfficiency <= 1)
                || !(opOverheadUs >= 0)) {
            throw new IllegalArgumentException("bad DPU model constants");
        }
    }
}
