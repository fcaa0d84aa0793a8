package dev.ofastudio.engine.arch;

/** Primitive operations a layer is made of; the DPU model prices each kind differently. */
public enum OpKind {
    /** Dense convolution (groups = 1), 1x1 pointwise included. */
    CONV,
    /** Depthwise convolution (groups = channels): runs on the DPU's narrower ALU engine. */
    DEPTHWISE_CONV,
    /** Fully connected layer. */
    FULLY_CONNECTED,
    /** Global average pooling to 1x1. */
    GLOBAL_AVG_POOL,
    /** Windowed max pooling. */
    MAX_POOL,
    /** Windowed average pooling. */
    AVG_POOL,
    /** Elementwise add of two equal tensors (residual shortcut). */
    ELTWISE_ADD,
    /** Channel-wise multiply by a per-channel scale (the SE gate). */
    ELTWISE_MUL
}
