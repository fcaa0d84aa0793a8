package dev.ofastudio.engine.latency.dpu;

/**
 * One DPU core size (PG338 Table 1): pixel, input-channel and output-channel parallelism, peak ops
 * per cycle and the BRAM36 blocks of its on-chip buffer.
 *
 * @param name      e.g. {@code B4096}
 * @param pp        pixel parallelism (output pixels along a row per cycle)
 * @param icp       input-channel parallelism
 * @param ocp       output-channel parallelism
 * @param peakOpsPerCycle 2 × PP × ICP × OCP (a MAC is two ops)
 * @param bram36Low  BRAM36 blocks per core with RAM_USAGE_LOW
 * @param bram36High BRAM36 blocks per core with RAM_USAGE_HIGH
 */
public record DpuArch(String name, int pp, int icp, int ocp, int peakOpsPerCycle, int bram36Low, int bram36High) {
    /** Bytes in one BRAM36 block (36 Kb including parity; 32 Kb of data + 4 Kb parity used as data by the DPU). */
    public static final int BRAM36_BYTES = 36 * 1024 / 8;

    public DpuArch {
        if (pp < 1 || icp < 1 || ocp < 1 || bram36Low < 1 || bram36High < bram36Low) {
            throw new IllegalArgumentException("bad DPU arch " + name);
        }
        if (peakOpsPerCycle != 2 * pp * icp * ocp) {
            throw new IllegalArgumentException("DPU arch " + name + ": peak ops/cycle " + peakOpsPerCycle
                    + " is not 2*PP*ICP*OCP = " + 2 * pp * icp * ocp);
        }
    }

    /** On-chip buffer bytes (weights, bias and feature maps share it; PG338 "RAM Usage"). */
    public long bufferBytes(boolean highRam) {
        return (long) (highRam ? bram36High : bram36Low) * BRAM36_BYTES;
    }
}
