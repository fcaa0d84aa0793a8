package dev.ofastudio.app.pareto;

import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;

/**
 * Board-independent figures of one network: MACs, params and arithmetic intensity (ops per byte
 * with int8 weights and feature maps, as the DPU runs them: 2 ops per MAC; bytes = weights +
 * every layer's input and output feature map, the same accounting as the DPU model's reports).
 */
public record NetMetrics(long macs, long params, double opsPerByte) {
    public static NetMetrics of(NetworkDescription net) {
        long bytes = 0;
        for (Layer l : net.layers()) {
            bytes += l.params() + l.in().elements() + l.out().elements();
        }
        long macs = net.macs();
        return new NetMetrics(macs, net.params(), bytes == 0 ? 0 : 2.0 * macs / bytes);
    }
}
