package dev.ofastudio.engine.arch;

/**
 * The kind of a layer. For OFA MobileNetV3 layers, {@link #lutName()} is the prefix the reference
 * latency tables use in their keys ({@code Conv}, {@code expanded_conv}, ...).
 */
public enum LayerType {
    FIRST_CONV("Conv"),
    MB_CONV("expanded_conv"),
    FINAL_EXPAND("Conv_1"),
    GLOBAL_POOL("AvgPool2D"),
    FEATURE_MIX("Conv_2"),
    CLASSIFIER("Logits"),
    /** A plain conv (+BN+act) of a reference network. */
    CONV("conv"),
    /** A pooling layer of a reference network. */
    POOL("pool"),
    /** A fully connected layer of a reference network. */
    FULLY_CONNECTED("fc"),
    /** A ResNet basic or bottleneck block. */
    RESIDUAL_BLOCK("residual"),
    /** A MobileNetV1 depthwise-separable block: depthwise k×k then pointwise 1x1. */
    SEPARABLE_CONV("separable_conv"),
    /** An EdgeTPU-style fused inverted residual: a dense k×k expand conv, then a 1x1 projection. */
    FUSED_MB_CONV("fused_conv");

    private final String lutName;

    LayerType(String lutName) {
        this.lutName = lutName;
    }

    public String lutName() {
        return lutName;
    }
}
