package dev.ofastudio.engine.arch;

import java.util.List;

/**
 * The one description of a network that MACs, params, latency tables, the DPU model and the
 * studio's diagrams all read: an ordered list of layers at one input resolution.
 *
 * @param name       e.g. {@code ofa_mbv3_w1.0} or {@code mobilenetv2_w1.0}
 * @param resolution input height/width
 * @param numClasses classifier outputs
 * @param layers     layers in execution order
 */
public record NetworkDescription(String name, int resolution, int numClasses, List<Layer> layers) {

    public NetworkDescription {
        layers = List.copyOf(layers);
    }

    /** Conv and FC multiply-accumulates at batch 1, as OFA counts them. */
    public long macs() {
        long sum = 0;
        for (Layer l : layers) {
            sum += l.macs();
        }
        return sum;
    }

    /** Trainable parameters (weights, biases, BN gamma/beta), as {@code count_parameters} counts them. */
    public long params() {
        long sum = 0;
        for (Layer l : layers) {
            sum += l.params();
        }
        return sum;
    }

    public Layer layer(String layerName) {
        for (Layer l : layers) {
            if (l.name().equals(layerName)) {
                return l;
            }
        }
        throw new IllegalArgumentException("no layer named " + layerName + " in " + name);
    }
}
