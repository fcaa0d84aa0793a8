package dev.ofastudio.engine.latency.dpu;

import java.util.List;

/**
 * A board as the DPU model needs it: the DPU core size and configuration, clock, core count,
 * memory system and CPU. Shipped boards and users' own boards are JSON files read by
 * {@link BoardSpecs}; nothing about a board is hard-coded.
 *
 * @param id                  short id ({@code zcu102})
 * @param name                display name
 * @param family              DPU family ({@code DPUCZDX8G})
 * @param arch                core size
 * @param cores               DPU cores on the board (the single-thread latency uses one)
 * @param clockMhz            DPU 1× clock (the DSP array runs at twice this; PG338 "Computation Clock")
 * @param isa                 instruction-set generation: 0 (VAI ≤ 2.0) or 1 (VAI 2.5+, adds hard-swish/sigmoid)
 * @param highRam             RAM_USAGE_HIGH
 * @param aluParallelism      pixel parallelism of the ALU engine (depthwise, pooling, elementwise); PG338 4.x recommends PP/2
 * @param aluTapsPerCycle     kernel taps per channel the ALU engine multiplies per cycle (from its DSP count)
 * @param channelAugmentation whether the first layers fold kernel columns into input channels
 * @param ddrGBps             board DDR bandwidth in GB/s (all cores share it)
 * @param dataPortsPerCore    data AXI masters per core
 * @param portBits            width of each data port
 * @param cpu                 the application CPU
 * @param sources             where each figure comes from
 */
public record BoardSpec(String id, String name, String family, DpuArch arch, int cores, double clockMhz, int isa,
        boolean highRam, int aluParallelism, int aluTapsPerCycle, boolean channelAugmentation, double ddrGBps, int dataPortsPerCore,
        int portBits, CpuSpec cpu, List<String> sources) {

    public BoardSpec {
        sources = List.copyOf(sources);
        if (cores < 1 || !(clockMhz > 0) || isa < 0 || isa > 1 || aluParallelism < 1 || aluParallelism > arch.pp() || aluTapsPerCycle < 1
                || !(ddrGBps > 0) || dataPortsPerCore < 1 || portBits < 8) {
            throw new IllegalArgumentException("bad board spec " + id);
        }
    }

    public double clockHz() {
        return clockMhz * 1e6;
    }

    /** Peak ops/s of one core. */
    public double peakOpsPerS() {
        return arch.peakOpsPerCycle() * clockHz();
    }

    public long bufferBytes() {
        return arch.bufferBytes(highRam);
    }

    /**
     * Bandwidth one core can draw: its data ports at the 1× clock, capped by the board's DDR
     * (PG338 "Port Descriptions": two 128-bit masters per core).
     */
    public double coreBandwidthBytesPerS() {
        double ports = dataPortsPerCore * (portBits / 8.0) * clockHz();
        return Math.min(ports, ddrGBps * 1e9);
    }

    /** The same board with another instruction-set generation (e.g. to see VAI 2.0 behaviour). */
    public BoardSpec withIsa(int newIsa) {
        return new BoardSpec(id, name, family, arch, cores, clockMhz, newIsa, highRam, aluParallelism,
                aluTapsPerCycle, channelAugmentation, ddrGBps, dataPortsPerCore, portBits, cpu, sources);
    }
}
