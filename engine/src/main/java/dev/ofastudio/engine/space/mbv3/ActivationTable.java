package dev.ofastudio.engine.space.mbv3;

import dev.ofastudio.engine.space.Activation;
import java.util.List;

/**
 * Which activation each part of an OFA MobileNetV3 network uses. {@link #MBV3} is the reference
 * (ReLU in the first two stages, h-swish after); {@link #RELU} replaces every hard activation with
 * ReLU, for DPUs whose instruction set lacks h-swish and for smaller, simpler nets.
 */
public enum ActivationTable {
    MBV3("mbv3", List.of(Activation.RELU, Activation.RELU, Activation.H_SWISH, Activation.H_SWISH,
            Activation.H_SWISH), Activation.H_SWISH),
    RELU("relu", List.of(Activation.RELU, Activation.RELU, Activation.RELU, Activation.RELU, Activation.RELU),
            Activation.RELU);

    private final String id;
    private final List<Activation> stages;
    private final Activation head;

    ActivationTable(String id, List<Activation> stages, Activation head) {
        this.id = id;
        this.stages = stages;
        this.head = head;
    }

    /** The name files use. */
    public String id() {
        return id;
    }

    /** Activation of elastic stage {@code stage} (0..4). */
    public Activation stage(int stage) {
        return stages.get(stage);
    }

    /** Activation of the first conv, final expand and feature mix layers. */
    public Activation head() {
        return head;
    }

    /** The table named {@code id}, or null. */
    public static ActivationTable byId(String id) {
        for (ActivationTable t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }
}
