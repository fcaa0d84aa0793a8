package dev.ofastudio.engine.space;

/** Activations used by the OFA MobileNetV3 space and the reference networks. */
public enum Activation {
    NONE("none"),
    RELU("relu"),
    RELU6("relu6"),
    H_SWISH("h_swish"),
    H_SIGMOID("h_sigmoid"),
    /** x·sigmoid(x) (EfficientNet); Vitis AI deploys it as hard-swish on ISA1 DPUs. */
    SWISH("swish"),
    /** The logistic sigmoid (EfficientNet's SE gate); deployed as hard-sigmoid on ISA1 DPUs. */
    SIGMOID("sigmoid");

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

    /**
     * True for the activations a DPU runs as a separate ALU pass rather than folded into the conv
     * output stage: the hard ones, and swish/sigmoid, which the Vitis AI quantizer turns into them.
     */
    public boolean needsAluPass() {
        return isHard() || this == SWISH || this == SIGMOID;
    }
}
