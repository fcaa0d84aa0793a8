package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;

/** The classifier: flatten, then a linear layer with bias (dropout 0 at inference). */
final class LinearLayer extends OfaBlock {
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    LinearLayer(int in, int out) {
        this.out = out;
        weight = param("linear.weight", Parameter.Type.WEIGHT, new Shape(out, in),
                new UniformInitializer((float) (1.0 / Math.sqrt(in))));
        bias = param("linear.bias", Parameter.Type.BIAS, new Shape(out), Initializer.ZEROS);
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray flat = x.reshape(x.getShape().get(0), -1);
        return Linear.linear(flat, Nn.value(ps, weight, x, training), Nn.value(ps, bias, x, training))
                .singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), out)};
    }

    Parameter weight() {
        return weight;
    }

    Parameter bias() {
        return bias;
    }
}
