package dev.ofastudio.engine.arch;

import dev.ofastudio.engine.space.Activation;
import dev.ofastudio.engine.space.Channels;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link NetworkDescription} of an OFA MobileNetV3 sub-network (digest §1.2): first
 * conv, block 0, the active elastic blocks, final expand, global pool, feature mix, classifier.
 */
public final class OfaMobileNetV3 {
    private OfaMobileNetV3() {
    }

    /** The sub-network {@code config} of {@code space} at the config's own resolution. */
    public static NetworkDescription describe(Mbv3Space space, SubnetConfig config) {
        return describe(space, config, config.r());
    }

    /** The sub-network {@code config} of {@code space} at {@code resolution}. */
    public static NetworkDescription describe(Mbv3Space space, SubnetConfig config, int resolution) {
        List<Layer> layers = new ArrayList<>(SubnetConfig.BLOCKS + 6);

        FeatureShape image = FeatureShape.square(resolution, space.inputChannels());
        Activation head = space.headActivation();
        Op stem = Op.conv("conv", image, space.firstConvWidth(), 3, 2, head, true, false);
        layers.add(new Layer("first_conv", LayerType.FIRST_CONV, -1, image, stem.out(), 3, 2, 0, 0, false, 0,
                head, false, List.of(stem)));

        FeatureShape x = stem.out();
        // Block 0: expand ratio 1, so no expand conv; the LUT writes its "expand" as the input width.
        layers.add(mbConv("blocks.0", -1, x, space.firstBlockWidth(), 3, 1, 1, x.c(), false, Activation.RELU));
        x = layers.get(layers.size() - 1).out();

        for (int s = 0; s < SubnetConfig.STAGES; s++) {
            for (int j = 0; j < config.d(s); j++) {
                int b = s * SubnetConfig.MAX_DEPTH + j;
                int stride = j == 0 ? space.stageStride(s) : 1;
                int mid = Channels.midChannels(x.c(), config.e(b));
                Layer block = mbConv("blocks." + (b + 1), s, x, space.stageWidth(s), config.ks(b), stride,
                        config.e(b), mid, space.stageUsesSe(s), space.stageActivation(s));
                layers.add(block);
                x = block.out();
            }
        }

        Op finalExpand = Op.conv("conv", x, space.finalExpandWidth(), 1, 1, head, true, false);
        layers.add(new Layer("final_expand_layer", LayerType.FINAL_EXPAND, -1, x, finalExpand.out(), 1, 1, 0, 0,
                false, 0, head, false, List.of(finalExpand)));
        x = finalExpand.out();

        Op pool = Op.globalAvgPool("pool", x);
        layers.add(new Layer("global_avg_pool", LayerType.GLOBAL_POOL, -1, x, pool.out(), x.h(), 1, 0, 0, false, 0,
                Activation.NONE, false, List.of(pool)));
        x = pool.out();

        // The feature mix of MobileNetV3 has neither BN nor bias.
        Op mix = Op.conv("conv", x, space.featureMixWidth(), 1, 1, head, false, false);
        layers.add(new Layer("feature_mix_layer", LayerType.FEATURE_MIX, -1, x, mix.out(), 1, 1, 0, 0, false, 0,
                head, false, List.of(mix)));
        x = mix.out();

        Op fc = Op.fullyConnected("linear", x, space.numClasses(), Activation.NONE, true);
        layers.add(new Layer("classifier", LayerType.CLASSIFIER, -1, x, fc.out(), 1, 1, 0, 0, false, 0,
                Activation.NONE, false, List.of(fc)));

        return new NetworkDescription(space.id(), resolution, space.numClasses(), layers);
    }

    /** An inverted-residual block: [expand 1x1] → depthwise k×k → [SE] → pointwise 1x1 (+ identity). */
    private static Layer mbConv(String name, int stage, FeatureShape in, int outC, int kernel, int stride,
            int expand, int mid, boolean se, Activation act) {
        List<Op> ops = new ArrayList<>(8);
        FeatureShape x = in;
        if (expand != 1) {
            Op expandOp = Op.conv("inverted_bottleneck", x, mid, 1, 1, act, true, false);
            ops.add(expandOp);
            x = expandOp.out();
        }
        Op dw = Op.depthwise("depth_conv", x, kernel, stride, act);
        ops.add(dw);
        x = dw.out();
        int seC = 0;
        if (se) {
            seC = Channels.seChannels(mid);
            Op squeeze = Op.globalAvgPool("se.pool", x);
            Op reduce = Op.conv("se.reduce", squeeze.out(), seC, 1, 1, Activation.RELU, false, true);
            Op excite = Op.conv("se.expand", reduce.out(), mid, 1, 1, Activation.H_SIGMOID, false, true);
            ops.add(squeeze);
            ops.add(reduce);
            ops.add(excite);
            ops.add(Op.eltwise("se.scale", OpKind.ELTWISE_MUL, x));
        }
        Op pw = Op.conv("point_linear", x, outC, 1, 1, Activation.NONE, true, false);
        ops.add(pw);
        boolean skip = stride == 1 && in.c() == outC;
        if (skip) {
            ops.add(Op.eltwise("shortcut", OpKind.ELTWISE_ADD, pw.out()));
        }
        return new Layer(name, LayerType.MB_CONV, stage, in, pw.out(), kernel, stride, expand, mid, se, seC, act,
                skip, ops);
    }
}
