package dev.ofastudio.engine.arch;

import dev.ofastudio.engine.space.Activation;

/**
 * One primitive operation of a layer, with everything needed to count MACs, parameters and bytes.
 *
 * @param name       a stable name inside the layer ({@code expand}, {@code depthwise}, {@code se.reduce}, ...)
 * @param kind       what it is
 * @param in         input feature shape
 * @param out        output feature shape
 * @param kernel     kernel size (square), 1 for pointwise / FC / elementwise
 * @param stride     stride
 * @param groups     convolution groups (channels for depthwise)
 * @param activation the activation fused after it (after BN if any)
 * @param batchNorm  whether a BatchNorm follows (folded on deployment)
 * @param bias       whether the op has a bias vector
 */
public record Op(String name, OpKind kind, FeatureShape in, FeatureShape out, int kernel, int stride,
        int groups, Activation activation, boolean batchNorm, boolean bias) {

    /** Multiply-accumulates of conv and FC weights (OFA's counting rule: nothing else counts). */
    public long macs() {
        return switch (kind) {
            case CONV, DEPTHWISE_CONV -> (long) in.c() * out.c() * kernel * kernel * out.h() * out.w() / groups;
            case FULLY_CONNECTED -> (long) in.elements() * out.c();
            default -> 0L;
        };
    }

    /** Number of weights (no bias, no BN). */
    public long weightCount() {
        return switch (kind) {
            case CONV, DEPTHWISE_CONV -> (long) in.c() * out.c() * kernel * kernel / groups;
            case FULLY_CONNECTED -> in.elements() * out.c();
            default -> 0L;
        };
    }

    /** Trainable parameters as {@code count_parameters} counts them: weights, bias, BN gamma and beta. */
    public long params() {
        return weightCount() + (bias ? out.c() : 0) + (batchNorm ? 2L * out.c() : 0);
    }

    public static Op conv(String name, FeatureShape in, int outC, int kernel, int stride, Activation act,
            boolean bn, boolean bias) {
        FeatureShape out = new FeatureShape(FeatureShape.outSize(in.h(), stride),
                FeatureShape.outSize(in.w(), stride), outC);
        return new Op(name, OpKind.CONV, in, out, kernel, stride, 1, act, bn, bias);
    }

    public static Op depthwise(String name, FeatureShape in, int kernel, int stride, Activation act) {
        FeatureShape out = new FeatureShape(FeatureShape.outSize(in.h(), stride),
                FeatureShape.outSize(in.w(), stride), in.c());
        return new Op(name, OpKind.DEPTHWISE_CONV, in, out, kernel, stride, in.c(), act, true, false);
    }

    public static Op fullyConnected(String name, FeatureShape in, int outC, Activation act, boolean bias) {
        return new Op(name, OpKind.FULLY_CONNECTED, in, new FeatureShape(1, 1, outC), 1, 1, 1, act, false, bias);
    }

    public static Op globalAvgPool(String name, FeatureShape in) {
        return new Op(name, OpKind.GLOBAL_AVG_POOL, in, new FeatureShape(1, 1, in.c()), in.h(), 1, 1,
                Activation.NONE, false, false);
    }

    public static Op pool(String name, OpKind kind, FeatureShape in, int kernel, int stride, FeatureShape out) {
        return new Op(name, kind, in, out, kernel, stride, 1, Activation.NONE, false, false);
    }

    public static Op eltwise(String name, OpKind kind, FeatureShape shape) {
        return new Op(name, kind, shape, shape, 1, 1, 1, Activation.NONE, false, false);
    }
}
