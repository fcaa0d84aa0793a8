package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import dev.ofastudio.engine.space.Activation;
import dev.ofastudio.engine.space.Channels;

/**
 * OFA's (Dynamic)SE: pool → 1×1 reduce (bias) → ReLU → 1×1 expand (bias) → h_sigmoid → scale. With
 * C active channels the reduce width is {@code make_divisible(C // 4, 8)} and both convs use the
 * leading slices of their weights; in a static block the slices are the whole tensors.
 */
final class SqueezeExcite {
    private final Parameter reduceWeight;
    private final Parameter reduceBias;
    private final Parameter expandWeight;
    private final Parameter expandBias;

    SqueezeExcite(OfaBlock owner, String prefix, int channels) {
        int m = Channels.seChannels(channels);
        reduceWeight = owner.param(prefix + "fc.reduce.weight", Parameter.Type.WEIGHT, new Shape(m, channels, 1, 1),
                OfaBlock.heFout(1, m));
        reduceBias = owner.param(prefix + "fc.reduce.bias", Parameter.Type.BIAS, new Shape(m), Initializer.ZEROS);
        expandWeight = owner.param(prefix + "fc.expand.weight", Parameter.Type.WEIGHT, new Shape(channels, m, 1, 1),
                OfaBlock.heFout(1, channels));
        expandBias = owner.param(prefix + "fc.expand.bias", Parameter.Type.BIAS, new Shape(channels), Initializer.ZEROS);
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        int c = (int) x.getShape().get(1);
        int m = Channels.seChannels(c);
        NDArray y = Nn.globalAvgPool(x);
        y = Nn.conv(y, Nn.value(ps, reduceWeight, x, training, m, c),
                Nn.value(ps, reduceBias, x, training, m));
        y = Nn.act(y, Activation.RELU);
        y = Nn.conv(y, Nn.value(ps, expandWeight, x, training, c, m),
                Nn.value(ps, expandBias, x, training, c));
        return x.mul(Nn.hSigmoid(y));
    }

    Parameter reduceWeight() {
        return reduceWeight;
    }

    Parameter reduceBias() {
        return reduceBias;
    }

    Parameter expandWeight() {
        return expandWeight;
    }

    Parameter expandBias() {
        return expandBias;
    }
}
