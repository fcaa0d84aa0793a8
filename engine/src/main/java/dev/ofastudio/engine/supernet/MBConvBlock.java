package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * A static inverted-residual block (OFA's ResidualBlock + MBConvLayer) with OFA's static
 * parameter names: block 0 of the supernet and every block of an extracted sub-network.
 */
final class MBConvBlock extends OfaBlock {
    private final BlockSpec spec;
    private final Parameter expandWeight;
    private final ElasticBatchNorm expandBn;
    private final Parameter depthWeight;
    private final ElasticBatchNorm depthBn;
    private final SqueezeExcite se;
    private final Parameter pointWeight;
    private final ElasticBatchNorm pointBn;

    MBConvBlock(String key, BlockSpec spec) {
        this.spec = spec;
        String p = key + ".";
        if (spec.hasExpandConv()) {
            expandWeight = param("conv.inverted_bottleneck.conv.weight", Parameter.Type.WEIGHT,
                    new Shape(spec.mid(), spec.in(), 1, 1), heFout(1, spec.mid()));
            expandBn = batchNorm(p, "conv.inverted_bottleneck.bn", spec.mid());
        } else {
            expandWeight = null;
            expandBn = null;
        }
        depthWeight = param("conv.depth_conv.conv.weight", Parameter.Type.WEIGHT,
                new Shape(spec.mid(), 1, spec.kernel(), spec.kernel()), heFout(spec.kernel(), spec.mid()));
        depthBn = batchNorm(p, "conv.depth_conv.bn", spec.mid());
        se = spec.se() ? new SqueezeExcite(this, "conv.depth_conv.se.", spec.mid()) : null;
        pointWeight = param("conv.point_linear.conv.weight", Parameter.Type.WEIGHT,
                new Shape(spec.out(), spec.mid(), 1, 1), heFout(1, spec.out()));
        pointBn = batchNorm(p, "conv.point_linear.bn", spec.out());
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = x;
        if (expandWeight != null) {
            h = Nn.conv(h, Nn.value(ps, expandWeight, x, training), 1, 1);
            h = Nn.act(expandBn.forward(ps, h, training), spec.act());
        }
        h = Nn.conv(h, Nn.value(ps, depthWeight, x, training), spec.stride(), spec.mid());
        h = Nn.act(depthBn.forward(ps, h, training), spec.act());
        if (se != null) {
            h = se.forward(ps, h, training);
        }
        h = Nn.conv(h, Nn.value(ps, pointWeight, x, training), 1, 1);
        h = pointBn.forward(ps, h, training);
        return spec.shortcut() ? h.add(x) : h;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), spec.out(), (s.get(2) - 1) / spec.stride() + 1,
                (s.get(3) - 1) / spec.stride() + 1)};
    }

    BlockSpec spec() {
        return spec;
    }
}
