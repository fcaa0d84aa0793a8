package dev.ofastudio.engine.arch.reference;

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

/**
 * The inverted-residual reference networks with the ops that decide DPU speed — squeeze-excite,
 * hard-swish, swish, 5×5 depthwise, fused (dense) expand convs:
 * <ul>
 * <li>MobileNetV3-Large/-Small (Howard et al. 2019, Tables 1–2; torchvision's layout: SE squeeze
 *     {@code make_divisible(mid / 4, 8)}, no expand conv where mid equals the input width);</li>
 * <li>EfficientNet-B0 (Tan and Le 2019, Table 1; torchvision: SE squeezes the block input / 4);</li>
 * <li>EfficientNet-EdgeTPU-S/-M/-L (tensorflow/tpu {@code efficientnet_edgetpu_builder}: ReLU, no SE,
 *     fused k×k expand convs in the first three stages, width/depth 1.0/1.0, 1.0/1.1, 1.2/1.4);</li>
 * <li>MobileNet-EdgeTPU (tensorflow/models slim {@code V3_EDGETPU}: ReLU, no SE, fused 3×3 expand
 *     convs at 112/56/28 px).</li>
 * </ul>
 * Convs carry BN and no bias, SE convs and classifiers a bias, so {@code params()} equals
 * torchvision's parameter count where torchvision has the network.
 */
final class ModernNetworks {
    private ModernNetworks() {
    }

    static NetworkDescription describe(String name, double width, int r) {
        return switch (name) {
            case "mobilenetv3-large" -> mobileNetV3(name, LARGE, 960, 1280, r);
            case "mobilenetv3-small" -> mobileNetV3(name, SMALL, 576, 1024, r);
            case "efficientnet-b0" -> efficientNetB0(r);
            case "efficientnet-edgetpu-s" -> efficientNetEdgeTpu(name, 1.0, 1.0, r);
            case "efficientnet-edgetpu-m" -> efficientNetEdgeTpu(name, 1.0, 1.1, r);
            case "efficientnet-edgetpu-l" -> efficientNetEdgeTpu(name, 1.2, 1.4, r);
            case "mobilenet-edgetpu" -> mobileNetEdgeTpu(width, r);
            default -> throw new IllegalArgumentException("not a modern reference network: " + name);
        };
    }

    // ---------------------------------------------------------------- MobileNetV3

    /** kernel, mid, out, SE (1/0), h-swish (1/0), stride: the paper's Tables 1 and 2. */
    private static final int[][] LARGE = {
        {3, 16, 16, 0, 0, 1}, {3, 64, 24, 0, 0, 2}, {3, 72, 24, 0, 0, 1}, {5, 72, 40, 1, 0, 2},
        {5, 120, 40, 1, 0, 1}, {5, 120, 40, 1, 0, 1}, {3, 240, 80, 0, 1, 2}, {3, 200, 80, 0, 1, 1},
        {3, 184, 80, 0, 1, 1}, {3, 184, 80, 0, 1, 1}, {3, 480, 112, 1, 1, 1}, {3, 672, 112, 1, 1, 1},
        {5, 672, 160, 1, 1, 2}, {5, 960, 160, 1, 1, 1}, {5, 960, 160, 1, 1, 1}};
    private static final int[][] SMALL = {
        {3, 16, 16, 1, 0, 2}, {3, 72, 24, 0, 0, 2}, {3, 88, 24, 0, 0, 1}, {5, 96, 40, 1, 1, 2},
        {5, 240, 40, 1, 1, 1}, {5, 240, 40, 1, 1, 1}, {5, 120, 48, 1, 1, 1}, {5, 144, 48, 1, 1, 1},
        {5, 288, 96, 1, 1, 2}, {5, 576, 96, 1, 1, 1}, {5, 576, 96, 1, 1, 1}};

    private static NetworkDescription mobileNetV3(String name, int[][] blocks, int lastConv, int lastChannel, int r) {
        List<Layer> layers = new ArrayList<>();
        FeatureShape x = convBn(layers, "first_conv", FeatureShape.square(r, 3), 16, 3, 2, Activation.H_SWISH);
        for (int i = 0; i < blocks.length; i++) {
            int[] b = blocks[i];
            int mid = b[1];
            Activation act = b[4] == 1 ? Activation.H_SWISH : Activation.RELU;
            int se = b[3] == 1 ? Channels.seChannels(mid) : 0;
            Layer block = mbConv("blocks." + i, x, b[2], b[0], b[5], mid, se, act, Activation.RELU,
                    Activation.H_SIGMOID, true);
            layers.add(block);
            x = block.out();
        }
        x = convBn(layers, "final_expand_layer", x, lastConv, 1, 1, Activation.H_SWISH);
        x = ReferenceNetworks.globalPool(layers, x);
        x = ReferenceNetworks.fc(layers, "feature_mix_layer", x, lastChannel, Activation.H_SWISH);
        ReferenceNetworks.fc(layers, "classifier", x, ReferenceNetworks.CLASSES, Activation.NONE);
        return new NetworkDescription(ReferenceNetworks.id(name, 1.0, r), r, ReferenceNetworks.CLASSES, layers);
    }

    // ---------------------------------------------------------------- EfficientNet-B0

    /** expand, kernel, stride, out, repeats (Tan and Le 2019, Table 1). */
    private static final int[][] B0 = {
        {1, 3, 1, 16, 1}, {6, 3, 2, 24, 2}, {6, 5, 2, 40, 2}, {6, 3, 2, 80, 3}, {6, 5, 1, 112, 3},
        {6, 5, 2, 192, 4}, {6, 3, 1, 320, 1}};

    private static NetworkDescription efficientNetB0(int r) {
        List<Layer> layers = new ArrayList<>();
        FeatureShape x = convBn(layers, "first_conv", FeatureShape.square(r, 3), 32, 3, 2, Activation.SWISH);
        int index = 0;
        for (int[] s : B0) {
            for (int j = 0; j < s[4]; j++) {
                int mid = Channels.makeDivisible(x.c() * s[0]);
                int se = Math.max(1, x.c() / 4);
                Layer block = mbConv("blocks." + index++, x, s[3], s[1], j == 0 ? s[2] : 1, mid, se,
                        Activation.SWISH, Activation.SWISH, Activation.SIGMOID, true);
                layers.add(block);
                x = block.out();
            }
        }
        x = convBn(layers, "final_expand_layer", x, 1280, 1, 1, Activation.SWISH);
        x = ReferenceNetworks.globalPool(layers, x);
        ReferenceNetworks.fc(layers, "classifier", x, ReferenceNetworks.CLASSES, Activation.NONE);
        return new NetworkDescription(ReferenceNetworks.id("efficientnet-b0", 1.0, r), r, ReferenceNetworks.CLASSES,
                layers);
    }

    // ---------------------------------------------------------------- EfficientNet-EdgeTPU

    /** repeats, kernel, stride, expand, block-arg input width, out, fused (1/0); skip off in the first stage. */
    private static final int[][] EDGETPU = {
        {1, 3, 1, 4, 24, 24, 1}, {2, 3, 2, 8, 24, 32, 1}, {4, 3, 2, 8, 32, 48, 1}, {5, 5, 2, 8, 48, 96, 0},
        {4, 5, 1, 8, 96, 144, 0}, {2, 5, 2, 8, 144, 192, 0}};

    private static NetworkDescription efficientNetEdgeTpu(String name, double widthCoeff, double depthCoeff, int r) {
        List<Layer> layers = new ArrayList<>();
        FeatureShape x = convBn(layers, "first_conv", FeatureShape.square(r, 3), roundFilters(32, widthCoeff), 3, 2,
                Activation.RELU);
        int index = 0;
        for (int s = 0; s < EDGETPU.length; s++) {
            int[] a = EDGETPU[s];
            int repeats = (int) Math.ceil(depthCoeff * a[0]);
            int out = roundFilters(a[5], widthCoeff);
            for (int j = 0; j < repeats; j++) {
                // The builder expands its *block-arg* input width (round_filters(i)), which for the first
                // block differs from the stem's output; later repeats take the stage's output width.
                int declaredIn = j == 0 ? roundFilters(a[4], widthCoeff) : out;
                int mid = declaredIn * a[3];
                int stride = j == 0 ? a[2] : 1;
                Layer block = a[6] == 1
                        ? fused("blocks." + index++, x, out, a[1], stride, mid, s > 0)
                        : mbConv("blocks." + index++, x, out, a[1], stride, mid, 0, Activation.RELU, Activation.RELU,
                                Activation.NONE, true);
                layers.add(block);
                x = block.out();
            }
        }
        x = convBn(layers, "final_expand_layer", x, roundFilters(1280, widthCoeff), 1, 1, Activation.RELU);
        x = ReferenceNetworks.globalPool(layers, x);
        ReferenceNetworks.fc(layers, "classifier", x, ReferenceNetworks.CLASSES, Activation.NONE);
        return new NetworkDescription(ReferenceNetworks.id(name, 1.0, r), r, ReferenceNetworks.CLASSES, layers);
    }

    /** EfficientNet's {@code round_filters}: width × coefficient through make_divisible(…, 8). */
    private static int roundFilters(int filters, double widthCoeff) {
        return Channels.makeDivisible(filters * widthCoeff);
    }

    // ---------------------------------------------------------------- MobileNet-EdgeTPU

    /** expand factor, out, stride, fused (1/0), residual allowed (1/0): slim's V3_EDGETPU. */
    private static final int[][] MB_EDGETPU = {
        {1, 16, 1, 1, 1}, {8, 32, 2, 1, 1}, {4, 32, 1, 1, 1}, {4, 32, 1, 1, 1}, {4, 32, 1, 1, 1},
        {8, 48, 2, 1, 1}, {4, 48, 1, 1, 1}, {4, 48, 1, 1, 1}, {4, 48, 1, 1, 1},
        {8, 96, 2, 0, 1}, {4, 96, 1, 0, 1}, {4, 96, 1, 0, 1}, {4, 96, 1, 0, 1}, {8, 96, 1, 0, 0}, {4, 96, 1, 0, 1},
        {4, 96, 1, 0, 1}, {4, 96, 1, 0, 1}, {8, 160, 2, 0, 1}, {4, 160, 1, 0, 1}, {4, 160, 1, 0, 1},
        {4, 160, 1, 0, 1}, {8, 192, 1, 0, 1}};
    /** Kernel of the depthwise blocks, in the order above (5×5 in the 160-wide stage). */
    private static final int[] MB_EDGETPU_KERNEL = {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 3};

    private static NetworkDescription mobileNetEdgeTpu(double alpha, int r) {
        List<Layer> layers = new ArrayList<>();
        FeatureShape x = convBn(layers, "first_conv", FeatureShape.square(r, 3), depth(32, alpha), 3, 2,
                Activation.RELU);
        for (int i = 0; i < MB_EDGETPU.length; i++) {
            int[] b = MB_EDGETPU[i];
            int out = depth(b[1], alpha);
            int mid = Channels.makeDivisible(x.c() * b[0]);
            Layer block;
            if (b[3] == 1 && mid <= x.c()) {
                // Expansion 1: slim skips the (fused) expansion, leaving only the projection.
                Op project = Op.conv("project", x, out, 1, 1, Activation.NONE, true, false);
                block = new Layer("blocks." + i, LayerType.FUSED_MB_CONV, -1, x, project.out(), 1, 1, 1, x.c(),
                        false, 0, Activation.RELU, false, List.of(project));
            } else if (b[3] == 1) {
                block = fused("blocks." + i, x, out, 3, b[2], mid, b[4] == 1);
            } else {
                block = mbConv("blocks." + i, x, out, MB_EDGETPU_KERNEL[i], b[2], mid, 0, Activation.RELU,
                        Activation.RELU, Activation.NONE, b[4] == 1);
            }
            layers.add(block);
            x = block.out();
        }
        // slim's "finegrain classification mode": the last conv is never thinned below 1280.
        x = convBn(layers, "final_expand_layer", x, Math.max(1280, depth(1280, alpha)), 1, 1, Activation.RELU);
        x = ReferenceNetworks.globalPool(layers, x);
        ReferenceNetworks.fc(layers, "classifier", x, ReferenceNetworks.CLASSES, Activation.NONE);
        return new NetworkDescription(ReferenceNetworks.id("mobilenet-edgetpu", alpha, r), r,
                ReferenceNetworks.CLASSES, layers);
    }

    /** slim's depth multiplier: make_divisible(c · alpha, 8), at least 8. */
    private static int depth(int c, double alpha) {
        return Channels.makeDivisible(c * alpha);
    }

    // ---------------------------------------------------------------- shared blocks

    private static FeatureShape convBn(List<Layer> layers, String name, FeatureShape in, int outC, int k, int stride,
            Activation act) {
        Op op = Op.conv("conv", in, outC, k, stride, act, true, false);
        layers.add(new Layer(name, LayerType.CONV, -1, in, op.out(), k, stride, 0, 0, false, 0, act, false,
                List.of(op)));
        return op.out();
    }

    /**
     * An inverted residual: [1x1 expand] → k×k depthwise → [SE] → 1x1 project (+ identity). The
     * expand conv is left out where {@code mid} equals the input width.
     */
    private static Layer mbConv(String name, FeatureShape in, int outC, int kernel, int stride, int mid, int seC,
            Activation act, Activation seAct, Activation gate, boolean residualAllowed) {
        List<Op> ops = new ArrayList<>(8);
        FeatureShape x = in;
        if (mid != in.c()) {
            Op expand = Op.conv("expand", x, mid, 1, 1, act, true, false);
            ops.add(expand);
            x = expand.out();
        }
        Op dw = Op.depthwise("depthwise", x, kernel, stride, act);
        ops.add(dw);
        x = dw.out();
        if (seC > 0) {
            Op squeeze = Op.globalAvgPool("se.pool", x);
            Op reduce = Op.conv("se.reduce", squeeze.out(), seC, 1, 1, seAct, false, true);
            Op excite = Op.conv("se.expand", reduce.out(), mid, 1, 1, gate, false, true);
            ops.addAll(List.of(squeeze, reduce, excite, Op.eltwise("se.scale", OpKind.ELTWISE_MUL, x)));
        }
        Op project = Op.conv("project", x, outC, 1, 1, Activation.NONE, true, false);
        ops.add(project);
        boolean skip = residualAllowed && stride == 1 && in.c() == outC;
        if (skip) {
            ops.add(Op.eltwise("shortcut", OpKind.ELTWISE_ADD, project.out()));
        }
        return new Layer(name, LayerType.MB_CONV, -1, in, project.out(), kernel, stride,
                Math.max(1, (int) Math.round((double) mid / in.c())), mid, seC > 0, seC, act, skip, ops);
    }

    /** A fused inverted residual: dense k×k expand conv (stride s) → 1x1 project (+ identity). */
    private static Layer fused(String name, FeatureShape in, int outC, int kernel, int stride, int mid,
            boolean residualAllowed) {
        Op expand = Op.conv("fused_expand", in, mid, kernel, stride, Activation.RELU, true, false);
        Op project = Op.conv("project", expand.out(), outC, 1, 1, Activation.NONE, true, false);
        List<Op> ops = new ArrayList<>(List.of(expand, project));
        boolean skip = residualAllowed && stride == 1 && in.c() == outC;
        if (skip) {
            ops.add(Op.eltwise("shortcut", OpKind.ELTWISE_ADD, project.out()));
        }
        return new Layer(name, LayerType.FUSED_MB_CONV, -1, in, project.out(), kernel, stride,
                Math.max(1, (int) Math.round((double) mid / in.c())), mid, false, 0, Activation.RELU, skip, ops);
    }
}
