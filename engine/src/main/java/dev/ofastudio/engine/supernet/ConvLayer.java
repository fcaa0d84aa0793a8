package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.ofastudio.engine.space.Activation;

/** OFA's static ConvLayer (weight → [BN] → activation): first conv, final expand, feature mix. */
final class ConvLayer extends OfaBlock {
    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;
    private final Activation act;
    private final Parameter weight;
    private final ElasticBatchNorm bn;

    ConvLayer(String key, int in, int out, int kernel, int stride, boolean useBn, Activation act) {
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.act = act;
        weight = param("conv.weight", Parameter.Type.WEIGHT, new Shape(out, in, kernel, kernel), heFout(kernel, out));
        bn = useBn ? batchNorm(key + ".", "bn", out) : null;
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = Nn.conv(x, Nn.value(ps, weight, x, training), stride, 1);
        if (bn != null) {
            y = bn.forward(ps, y, training);
        }
        return Nn.act(y, act);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        long h = (s.get(2) - 1) / stride + 1;
        long w = (s.get(3) - 1) / stride + 1;
        return new Shape[] {new Shape(s.get(0), out, h, w)};
    }

    Parameter weight() {
        return weight;
    }

    ElasticBatchNorm bn() {
        return bn;
    }

    int in() {
        return in;
    }

    int out() {
        return out;
    }

    int kernel() {
        return kernel;
    }
}
