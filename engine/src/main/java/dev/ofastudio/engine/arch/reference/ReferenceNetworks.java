package dev.ofastudio.engine.arch.reference;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.FeatureShape;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.LayerType;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.Op;
import dev.ofastudio.engine.arch.OpKind;
import dev.ofastudio.engine.space.Activation;
import dev.ofastudio.engine.space.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The published networks the studio compares OFA sub-networks with, in the same layer description
 * as {@code OfaMobileNetV3}, so the DPU model and the profiles price them the same way.
 *
 * <p>Definitions follow the standard ImageNet versions: MobileNetV1 (Howard et al. 2017, Table 1;
 * Keras {@code int(filters * alpha)} widths), MobileNetV2 (Sandler et al. 2018, Table 2; widths
 * through {@code make_divisible(c * alpha, 8)}, last conv 1280 unless alpha &gt; 1), ResNet-18/50
 * (He et al. 2016, Table 1, torchvision "v1.5": stride in the 3x3 conv), VGG-16 (Simonyan and
 * Zisserman 2015, configuration D). Batch norm is folded on deployment, so no op carries it.
 */
public final class ReferenceNetworks {
    /** The names {@code --net} accepts. */
    public static final List<String> NAMES = List.of("mobilenetv1", "mobilenetv2", "resnet18", "resnet50", "vgg16",
            "resnet101", "resnet152", "mobilenetv3-large", "mobilenetv3-small", "efficientnet-b0",
            "efficientnet-edgetpu-s", "efficientnet-edgetpu-m", "efficientnet-edgetpu-l", "mobilenet-edgetpu");
    /** Networks whose width multiplier may differ from 1.0. */
    public static final List<String> WIDTH_NETS = List.of("mobilenetv1", "mobilenetv2", "mobilenet-edgetpu");

    static final int CLASSES = 1000;

    private ReferenceNetworks() {
    }

    /**
     * Describes network {@code name} at width multiplier {@code width} and input {@code resolution}.
     *
     * @throws OfaException for an unknown name, a width on a fixed-width network, or a bad size
     */
    public static NetworkDescription describe(String name, double width, int resolution) throws OfaException {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) {
            throw new OfaException("network '" + name + "': expected one of " + NAMES);
        }
        if (!(width > 0) || width > 4) {
            throw new OfaException("network " + n + ": width: expected a multiplier in (0, 4], found " + width);
        }
        if (width != 1.0 && !WIDTH_NETS.contains(n)) {
            throw new OfaException("network " + n + ": width: only " + WIDTH_NETS
                    + " take a width multiplier, found " + width);
        }
        if (resolution < 32 || resolution > 1024) {
            throw new OfaException("network " + n + ": resolution: expected 32..1024, found " + resolution);
        }
        return switch (n) {
            case "mobilenetv1" -> mobileNetV1(width, resolution);
            case "mobilenetv2" -> mobileNetV2(width, resolution);
            case "resnet18" -> resNet(n, new int[] {2, 2, 2, 2}, false, resolution);
            case "resnet50" -> resNet(n, new int[] {3, 4, 6, 3}, true, resolution);
            case "resnet101" -> resNet(n, new int[] {3, 4, 23, 3}, true, resolution);
            case "resnet152" -> resNet(n, new int[] {3, 8, 36, 3}, true, resolution);
            case "vgg16" -> vgg16(resolution);
            default -> ModernNetworks.describe(n, width, resolution);
        };
    }

    /**
     * The input size a network was published (and deployed in the Vitis AI Model Zoo) at: 224 for
     * all but EfficientNet-EdgeTPU-M (240) and -L (300).
     */
    public static int nativeResolution(String name) {
        return switch (name) {
            case "efficientnet-edgetpu-m" -> 240;
            case "efficientnet-edgetpu-l" -> 300;
            default -> 224;
        };
    }

    /** A known network at width 1.0 and 224 px (for code that has a literal name). */
    public static NetworkDescription describeUnchecked(String name) {
        try {
            return describe(name, 1.0, 224);
        } catch (OfaException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A stable display id, e.g. {@code mobilenetv2_w1.0_r224}. */
    public static String id(String name, double width, int resolution) {
        return name + "_w" + width + "_r" + resolution;
    }

    // ---------------------------------------------------------------- MobileNetV1

    private static NetworkDescription mobileNetV1(double alpha, int r) {
        List<Layer> layers = new ArrayList<>();
        FeatureShape x = FeatureShape.square(r, 3);
        x = conv(layers, "conv1", x, v1Width(32, alpha), 3, 2, Activation.RELU6);
        int[][] blocks = {{64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2}, {512, 1}, {512, 1},
            {512, 1}, {512, 1}, {512, 1}, {1024, 2}, {1024, 1}};
        for (int i = 0; i < blocks.length; i++) {
            int outC = v1Width(blocks[i][0], alpha);
            int stride = blocks[i][1];
            Op dw = Op.depthwise("depthwise", x, 3, stride, Activation.RELU6);
            Op pw = Op.conv("pointwise", dw.out(), outC, 1, 1, Activation.RELU6, false, true);
            layers.add(new Layer("blocks." + i, LayerType.SEPARABLE_CONV, -1, x, pw.out(), 3, stride, 1, x.c(),
                    false, 0, Activation.RELU6, false, List.of(dw, pw)));
            x = pw.out();
        }
        x = globalPool(layers, x);
        fc(layers, "classifier", x, CLASSES, Activation.NONE);
        return new NetworkDescription(id("mobilenetv1", alpha, r), r, CLASSES, layers);
    }

    /** Keras MobileNetV1 truncates: {@code int(filters * alpha)}. */
    private static int v1Width(int base, double alpha) {
        return Math.max(1, (int) (base * alpha));
    }

    // ---------------------------------------------------------------- MobileNetV2

    private static NetworkDescription mobileNetV2(double alpha, int r) {
        List<Layer> layers = new ArrayList<>();
        FeatureShape x = FeatureShape.square(r, 3);
        x = conv(layers, "first_conv", x, Channels.makeDivisible(32 * alpha), 3, 2, Activation.RELU6);
        int[][] settings = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1},
            {6, 160, 3, 2}, {6, 320, 1, 1}};
        int index = 0;
        for (int[] s : settings) {
            int outC = Channels.makeDivisible(s[1] * alpha);
            for (int j = 0; j < s[2]; j++) {
                int stride = j == 0 ? s[3] : 1;
                Layer block = invertedResidual("blocks." + index++, x, outC, s[0], stride);
                layers.add(block);
                x = block.out();
            }
        }
        int last = alpha > 1.0 ? Channels.makeDivisible(1280 * alpha) : 1280;
        x = conv(layers, "last_conv", x, last, 1, 1, Activation.RELU6);
        x = globalPool(layers, x);
        fc(layers, "classifier", x, CLASSES, Activation.NONE);
        return new NetworkDescription(id("mobilenetv2", alpha, r), r, CLASSES, layers);
    }

    private static Layer invertedResidual(String name, FeatureShape in, int outC, int t, int stride) {
        List<Op> ops = new ArrayList<>(4);
        FeatureShape x = in;
        int mid = in.c() * t;
        if (t != 1) {
            Op expand = Op.conv("expand", x, mid, 1, 1, Activation.RELU6, false, true);
            ops.add(expand);
            x = expand.out();
        }
        Op dw = Op.depthwise("depthwise", x, 3, stride, Activation.RELU6);
        ops.add(dw);
        Op project = Op.conv("project", dw.out(), outC, 1, 1, Activation.NONE, false, true);
        ops.add(project);
        boolean skip = stride == 1 && in.c() == outC;
        if (skip) {
            ops.add(Op.eltwise("shortcut", OpKind.ELTWISE_ADD, project.out()));
        }
        return new Layer(name, LayerType.MB_CONV, -1, in, project.out(), 3, stride, t, mid, false, 0,
                Activation.RELU6, skip, ops);
    }

    // ---------------------------------------------------------------- ResNet

    private static NetworkDescription resNet(String name, int[] depths, boolean bottleneck, int r) {
        List<Layer> layers = new ArrayList<>();
        FeatureShape x = FeatureShape.square(r, 3);
        x = conv(layers, "conv1", x, 64, 7, 2, Activation.RELU);
        x = maxPool(layers, "maxpool", x, 3, 2);
        int expansion = bottleneck ? 4 : 1;
        for (int s = 0; s < 4; s++) {
            int mid = 64 << s;
            for (int j = 0; j < depths[s]; j++) {
                int stride = j == 0 && s > 0 ? 2 : 1;
                Layer block = residual("layer" + (s + 1) + "." + j, x, mid, mid * expansion, stride, bottleneck);
                layers.add(block);
                x = block.out();
            }
        }
        x = globalPool(layers, x);
        fc(layers, "fc", x, CLASSES, Activation.NONE);
        return new NetworkDescription(id(name, 1.0, r), r, CLASSES, layers);
    }

    private static Layer residual(String name, FeatureShape in, int mid, int outC, int stride, boolean bottleneck) {
        List<Op> ops = new ArrayList<>(5);
        FeatureShape x = in;
        if (bottleneck) {
            Op c1 = Op.conv("conv1", x, mid, 1, 1, Activation.RELU, false, true);
            Op c2 = Op.conv("conv2", c1.out(), mid, 3, stride, Activation.RELU, false, true);
            Op c3 = Op.conv("conv3", c2.out(), outC, 1, 1, Activation.NONE, false, true);
            ops.addAll(List.of(c1, c2, c3));
            x = c3.out();
        } else {
            Op c1 = Op.conv("conv1", x, mid, 3, stride, Activation.RELU, false, true);
            Op c2 = Op.conv("conv2", c1.out(), outC, 3, 1, Activation.NONE, false, true);
            ops.addAll(List.of(c1, c2));
            x = c2.out();
        }
        boolean identity = stride == 1 && in.c() == outC;
        if (!identity) {
            ops.add(Op.conv("downsample", in, outC, 1, stride, Activation.NONE, false, true));
        }
        ops.add(Op.eltwise("add", OpKind.ELTWISE_ADD, x));
        return new Layer(name, LayerType.RESIDUAL_BLOCK, -1, in, x, 3, stride, bottleneck ? 4 : 1, mid, false, 0,
                Activation.RELU, identity, ops);
    }

    // ---------------------------------------------------------------- VGG-16

    private static NetworkDescription vgg16(int r) {
        List<Layer> layers = new ArrayList<>();
        FeatureShape x = FeatureShape.square(r, 3);
        int[][] stages = {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}};
        for (int s = 0; s < stages.length; s++) {
            for (int j = 0; j < stages[s][1]; j++) {
                x = conv(layers, "conv" + (s + 1) + "_" + (j + 1), x, stages[s][0], 3, 1, Activation.RELU);
            }
            x = maxPool(layers, "pool" + (s + 1), x, 2, 2);
        }
        x = fc(layers, "fc6", x, 4096, Activation.RELU);
        x = fc(layers, "fc7", x, 4096, Activation.RELU);
        fc(layers, "fc8", x, CLASSES, Activation.NONE);
        return new NetworkDescription(id("vgg16", 1.0, r), r, CLASSES, layers);
    }

    // ---------------------------------------------------------------- shared layer builders

    static FeatureShape conv(List<Layer> layers, String name, FeatureShape in, int outC, int k, int stride,
            Activation act) {
        Op op = Op.conv("conv", in, outC, k, stride, act, false, true);
        layers.add(new Layer(name, LayerType.CONV, -1, in, op.out(), k, stride, 0, 0, false, 0, act, false,
                List.of(op)));
        return op.out();
    }

    private static FeatureShape maxPool(List<Layer> layers, String name, FeatureShape in, int k, int stride) {
        FeatureShape out = new FeatureShape(FeatureShape.outSize(in.h(), stride), FeatureShape.outSize(in.w(), stride),
                in.c());
        Op op = Op.pool("maxpool", OpKind.MAX_POOL, in, k, stride, out);
        layers.add(new Layer(name, LayerType.POOL, -1, in, out, k, stride, 0, 0, false, 0, Activation.NONE, false,
                List.of(op)));
        return out;
    }

    static FeatureShape globalPool(List<Layer> layers, FeatureShape in) {
        Op op = Op.globalAvgPool("pool", in);
        layers.add(new Layer("global_avg_pool", LayerType.GLOBAL_POOL, -1, in, op.out(), in.h(), 1, 0, 0, false, 0,
                Activation.NONE, false, List.of(op)));
        return op.out();
    }

    static FeatureShape fc(List<Layer> layers, String name, FeatureShape in, int outC, Activation act) {
        Op op = Op.fullyConnected("linear", in, outC, act, true);
        layers.add(new Layer(name, LayerType.FULLY_CONNECTED, -1, in, op.out(), 1, 1, 0, 0, false, 0, act, false,
                List.of(op)));
        return op.out();
    }
}
