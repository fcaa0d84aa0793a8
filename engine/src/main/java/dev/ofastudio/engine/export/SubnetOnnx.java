package dev.ofastudio.engine.export;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.onnx.OnnxGraph;
import dev.ofastudio.engine.io.onnx.OnnxGraph.Attr;
import dev.ofastudio.engine.io.pth.DType;
import dev.ofastudio.engine.io.pth.Tensor;
import dev.ofastudio.engine.space.Activation;
import dev.ofastudio.engine.supernet.BlockSpec;
import dev.ofastudio.engine.supernet.ElasticBatchNorm;
import dev.ofastudio.engine.supernet.NetSpec;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A static OFA MobileNetV3 as an ONNX graph (opset 13) computing what our forward pass computes
 * in inference mode: Conv → BatchNormalization → activation per layer, h_swish as
 * {@code x · HardSigmoid(x; 1/6, 1/2)}, squeeze-excite, residual Adds, global pooling, Gemm.
 * Initializers keep OFA's static state-dict names, so quantizers report familiar layer names.
 */
public final class SubnetOnnx {
    public static final int OPSET = 13;
    public static final String INPUT = "input";
    public static final String OUTPUT = "logits";

    private final OnnxGraph g = new OnnxGraph("ofa_mobilenetv3");
    private final Map<String, Tensor> weights;
    /** Weights already added as initializers (each is added once, on first use). */
    private final Set<String> added = new HashSet<>();
    private String clipMin;
    private String clipMax;

    private SubnetOnnx(Map<String, Tensor> weights) {
        this.weights = weights;
    }

    /**
     * The graph of {@code spec} with {@code weights} (OFA static state-dict keys) for inputs of
     * {@code [batch, channels, resolution, resolution]}, channels as the first convolution takes (3 for RGB).
     */
    public static OnnxGraph graph(NetSpec spec, Map<String, Tensor> weights, int resolution) throws OfaException {
        return new SubnetOnnx(weights).build(spec, resolution);
    }

    /** The input channels of the net: the first convolution's weight is [out, in, k, k]. */
    public static long inputChannels(Map<String, Tensor> weights) throws OfaException {
        Tensor t = weights.get("first_conv.conv.weight");
        if (t == null || t.shape().length != 4) {
            throw new OfaException("sub-network weights: expected first_conv.conv.weight of 4 dimensions, found "
                    + (t == null ? "none" : t.shape().length + " dimensions"));
        }
        return t.shape()[1];
    }

    private OnnxGraph build(NetSpec spec, int r) throws OfaException {
        g.input(INPUT, OnnxGraph.FLOAT, new long[] {-1, inputChannels(weights), r, r}, "batch");
        String h = act(convBn(INPUT, "first_conv", 2, 1, true), Activation.H_SWISH);
        for (int i = 0; i < spec.blocks().size(); i++) {
            h = block(h, "blocks." + i + ".conv.", spec.blocks().get(i));
        }
        h = act(convBn(h, "final_expand_layer", 1, 1, true), Activation.H_SWISH);
        h = g.node("GlobalAveragePool", List.of(h));
        h = act(convBn(h, "feature_mix_layer", 1, 1, false), Activation.H_SWISH);
        h = g.node("Flatten", List.of(h), Attr.of("axis", 1L));
        g.node("Gemm", List.of(h, weight("classifier.linear.weight"), weight("classifier.linear.bias")), OUTPUT,
                Attr.of("transB", 1L));
        g.output(OUTPUT, OnnxGraph.FLOAT, new long[] {-1, spec.numClasses()}, "batch");
        return g;
    }

    private String block(String x, String p, BlockSpec b) throws OfaException {
        String h = x;
        if (b.hasExpandConv()) {
            h = act(convBn(h, p + "inverted_bottleneck", 1, 1, true), b.act());
        }
        h = act(convBn(h, p + "depth_conv", b.stride(), b.mid(), true), b.act());
        if (b.se()) {
            String se = p + "depth_conv.se.fc.";
            String y = g.node("GlobalAveragePool", List.of(h));
            y = conv(y, se + "reduce.weight", se + "reduce.bias", 1, 1);
            y = g.node("Relu", List.of(y));
            y = conv(y, se + "expand.weight", se + "expand.bias", 1, 1);
            y = act(y, Activation.H_SIGMOID);
            h = g.node("Mul", List.of(h, y));
        }
        h = convBn(h, p + "point_linear", 1, 1, true);
        return b.shortcut() ? g.node("Add", List.of(h, x)) : h;
    }

    /** {@code key.conv} (no bias), then {@code key.bn} when the layer has one. */
    private String convBn(String x, String key, int stride, int groups, boolean bn) throws OfaException {
        String y = conv(x, key + ".conv.weight", null, stride, groups);
        if (!bn) {
            return y;
        }
        String b = key + ".bn.";
        return g.node("BatchNormalization", List.of(y, weight(b + "weight"), weight(b + "bias"),
                weight(b + "running_mean"), weight(b + "running_var")), Attr.of("epsilon", ElasticBatchNorm.EPS));
    }

    /** Same-padded convolution ({@code pad = k // 2}), as the forward pass. */
    private String conv(String x, String w, String bias, int stride, int groups) throws OfaException {
        Tensor t = tensor(w);
        long k = t.dim(2);
        List<String> in = bias == null ? List.of(x, weight(w)) : List.of(x, weight(w), weight(bias));
        long p = k / 2;
        return g.node("Conv", in, Attr.ints("kernel_shape", k, k), Attr.ints("strides", stride, stride),
                Attr.ints("pads", p, p, p, p), Attr.ints("dilations", 1, 1), Attr.of("group", (long) groups));
    }

    private String act(String x, Activation a) {
        return switch (a) {
            case NONE -> x;
            case RELU -> g.node("Relu", List.of(x));
            case RELU6 -> g.node("Clip", List.of(x, clipBound(true), clipBound(false)));
            // relu6(x + 3) / 6 == clip(x / 6 + 1/2, 0, 1)
            case H_SIGMOID -> g.node("HardSigmoid", List.of(x), Attr.of("alpha", 1f / 6), Attr.of("beta", 0.5f));
            case H_SWISH -> g.node("Mul", List.of(x, act(x, Activation.H_SIGMOID)));
            case SIGMOID -> g.node("Sigmoid", List.of(x));
            case SWISH -> g.node("Mul", List.of(x, g.node("Sigmoid", List.of(x))));
        };
    }

    /** The scalar bounds of ReLU6's Clip, added once. */
    private String clipBound(boolean min) {
        if (clipMin == null) {
            clipMin = g.initializer("relu6_min", new long[0], new float[] {0});
            clipMax = g.initializer("relu6_max", new long[0], new float[] {6});
        }
        return min ? clipMin : clipMax;
    }

    /** The tensor as an initializer named by its key (added on first use). */
    private String weight(String key) throws OfaException {
        Tensor t = tensor(key);
        if (!added.contains(key)) {
            ByteBuffer data = t.data();
            byte[] raw = new byte[data.remaining()];
            data.get(raw);
            g.initializer(key, t.shape(), OnnxGraph.FLOAT, raw);
            added.add(key);
        }
        return key;
    }

    private Tensor tensor(String key) throws OfaException {
        Tensor t = weights.get(key);
        if (t == null) {
            throw new OfaException("ONNX export: tensor '" + key + "' is missing from the sub-network's weights");
        }
        if (t.dtype() != DType.FLOAT32) {
            throw new OfaException("ONNX export: tensor '" + key + "' is " + t.dtype().torchName() + ", expected float32");
        }
        return t;
    }
}
