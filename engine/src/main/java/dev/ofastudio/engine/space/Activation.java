package dev.ofastudio.engine.space;

/** Activations used by the OFA MobileNetV3 space and the reference networks. */
public enum Activation {
    NONE("none"),
    RELU("relu"),
    RELU6("relu6"),
    H_SWISH("h_swish"),
    H_SIGMOID("h_sigmoid");

    private final String ofaName;

    Activation(String ofaName) {
        this.ofaName = ofaName;
    }

    /** The name the reference writes in net.config ({@code act_func}). */
    public String ofaName() {
        return ofaName;
    }

    /** True for the "hard" activations that only the newer DPU instruction set runs. */
    public boolean isHard() {
        return this == H_SWISH || this == H_SIGMOID;
    }
}
