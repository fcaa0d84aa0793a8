package dev.ofastudio.engine.arch;

import dev.ofastudio.engine.space.Activation;
import java.util.List;

/**
 * One layer of a network description: its place, its input/output shapes, the architectural
 * choices the studio shows (kernel, expand, SE, activation) and the primitive ops it runs.
 *
 * <p>For the OFA MobileNetV3 space this is one entry of the reference's latency table: an MBConv
 * block is one layer. {@code expandRatio} and {@code midChannels} are 0 where they do not apply.
 *
 * @param name          state-dict style name ({@code first_conv}, {@code blocks.5}, {@code classifier}, ...)
 * @param type          layer type
 * @param stage         elastic stage 0..4 for MBConv blocks 1..20, -1 otherwise
 * @param in            input shape
 * @param out           output shape
 * @param kernel        kernel size of the main (depthwise or dense) conv
 * @param stride        stride
 * @param expandRatio   expand ratio of an MBConv block (1 for block 0)
 * @param midChannels   expanded width of an MBConv block
 * @param se            whether the block has squeeze-and-excitation
 * @param seChannels    SE bottleneck width (0 without SE)
 * @param activation    the layer's activation
 * @param identitySkip  whether a residual identity shortcut adds the input to the output
 * @param ops           the primitive operations in execution order
 */
public record Layer(String name, LayerType type, int stage, FeatureShape in, FeatureShape out, int kernel,
        int stride, int expandRatio, int midChannels, boolean se, int seChannels, Activation activation,
        boolean identitySkip, List<Op> ops) {

    public Layer {
        ops = List.copyOf(ops);
    }

    public long macs() {
        long sum = 0;
        for (Op op : ops) {
            sum += op.macs();
        }
        return sum;
    }

    public long params() {
        long sum = 0;
        for (Op op : ops) {
            sum += op.params();
        }
        return sum;
    }

    /**
     * The key of this layer in the reference's MobileNetV3 latency tables (digest §4.1), e.g.
     * {@code expanded_conv-input:56x56x32-output:28x28x48-expand:192-kernel:5-stride:2-idskip:0-se:1-hs:0}.
     * The {@code expand} field holds the mid channel count, not the ratio.
     */
    public String lutKey() {
        String io = "-input:" + in.lutString() + "-output:";
        return switch (type) {
            case MB_CONV -> type.lutName() + io + out.lutString() + "-expand:" + midChannels
                    + "-kernel:" + kernel + "-stride:" + stride + "-idskip:" + (identitySkip ? 1 : 0)
                    + "-se:" + (se ? 1 : 0) + "-hs:" + (activation == Activation.H_SWISH ? 1 : 0) + extraKey();
            case FUSED_MB_CONV -> type.lutName() + io + out.lutString() + "-expand:" + midChannels
                    + "-kernel:" + kernel + "-stride:" + stride + "-idskip:" + (identitySkip ? 1 : 0);
            case CLASSIFIER -> type.lutName() + io + out.c();
            // Reference-network layers: shapes alone do not fix the ops, so kernel and stride
            // (and a residual block's inner width and expansion) are part of the key.
            case CONV, POOL, SEPARABLE_CONV -> type.lutName() + io + out.lutString() + "-kernel:" + kernel
                    + "-stride:" + stride + activationKey();
            case FULLY_CONNECTED -> type.lutName() + io + out.lutString() + activationKey();
            case RESIDUAL_BLOCK -> type.lutName() + io + out.lutString() + "-mid:" + midChannels
                    + "-expand:" + expandRatio + "-kernel:" + kernel + "-stride:" + stride;
            default -> type.lutName() + io + out.lutString();
        };
    }

    /**
     * What the OFA LUT grammar cannot say about a reference network's MBConv block: an SE width
     * other than MobileNetV3's {@code make_divisible(mid / 4, 8)} (EfficientNet squeezes the block
     * input) and an activation outside ReLU/ReLU6/h-swish. Empty for every OFA block.
     */
    private String activationKey() {
        return activation.needsAluPass() ? "-act:" + activation.ofaName() : "";
    }

    private String extraKey() {
        String extra = se && seChannels != dev.ofastudio.engine.space.Channels.seChannels(midChannels)
                ? "-sew:" + seChannels : "";
        return activation == Activation.SWISH || activation == Activation.SIGMOID
                ? extra + "-act:" + activation.ofaName() : extra;
    }
}
