package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.Activation;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OFA's OFAMobileNetV3 supernet (digest §1.2–1.3): one set of weights from which every
 * sub-network of the space runs. {@link #setActiveSubnet} picks kernel and expand per block and the
 * depth per stage; the resolution is the input's. Parameter names follow the reference's dynamic
 * state dict, so OFA checkpoints load one to one.
 */
public final class OfaSupernet extends OfaBlock {
    private final Mbv3Space space;
    private final ConvLayer firstConv;
    private final MBConvBlock firstBlock;
    private final List<ElasticMBConvBlock> blocks = new ArrayList<>();
    private final ConvLayer finalExpand;
    private final ConvLayer featureMix;
    private final LinearLayer classifier;
    private final Map<String, Parameter> stateDict = new LinkedHashMap<>();
    private final List<ElasticBatchNorm> allBatchNorms = new ArrayList<>();
    private final float dropoutRate;
    private SubnetConfig active;

    /** A supernet without dropout (the model-zoo setting; dropout never acts in eval mode anyway). */
    public OfaSupernet(Mbv3Space space) {
        this(space, 0f);
    }

    /**
     * @param dropoutRate dropout before the classifier in training mode (the reference trains
     *     with 0.1)
     */
    public OfaSupernet(Mbv3Space space, float dropoutRate) {
        if (!(dropoutRate >= 0f && dropoutRate < 1f)) {
            throw new IllegalArgumentException("dropout rate must lie in [0, 1), got " + dropoutRate);
        }
        this.space = space;
        this.dropoutRate = dropoutRate;
        for (int k : space.kernelSizes()) {
            if (k % 2 == 0) {
                throw new IllegalArgumentException("kernel sizes must be odd, got " + space.kernelSizes());
            }
        }
        int c0 = space.firstConvWidth();
        firstConv = add("first_conv", new ConvLayer("first_conv", space.inputChannels(), c0, 3, 2, true,
                space.headActivation()));
        int c1 = space.firstBlockWidth();
        firstBlock = add("blocks.0", new MBConvBlock("blocks.0",
                new BlockSpec(c0, c1, 3, 1, 1, c0, false, Activation.RELU, c0 == c1)));
        int in = c1;
        for (int s = 0; s < SubnetConfig.STAGES; s++) {
            int out = space.stageWidth(s);
            for (int j = 0; j < SubnetConfig.MAX_DEPTH; j++) {
                int stride = j == 0 ? space.stageStride(s) : 1;
                String key = "blocks." + (s * SubnetConfig.MAX_DEPTH + j + 1);
                blocks.add(add(key, new ElasticMBConvBlock(key, in, out, stride, space.stageActivation(s),
                        space.stageUsesSe(s), space.kernelSizes(), space.expandRatios(), stride == 1 && in == out)));
                in = out;
            }
        }
        finalExpand = add("final_expand_layer", new ConvLayer("final_expand_layer", in, space.finalExpandWidth(), 1, 1,
                true, space.headActivation()));
        featureMix = add("feature_mix_layer", new ConvLayer("feature_mix_layer", space.finalExpandWidth(),
                space.featureMixWidth(), 1, 1, false, space.headActivation()));
        classifier = add("classifier", new LinearLayer(space.featureMixWidth(), space.numClasses()));
        active = space.maxConfig(space.resolutions().get(space.resolutions().size() - 1));
    }

    private <B extends OfaBlock> B add(String key, B block) {
        addChildBlock(key, block);
        block.namedParameters().forEach((n, p) -> stateDict.put(key + "." + n, p));
        allBatchNorms.addAll(block.batchNorms());
        return block;
    }

    /**
     * Selects the sub-network that later forwards run. Values of blocks beyond a stage's depth are
     * ignored; the resolution is not checked (the supernet runs at any resolution).
     */
    public void setActiveSubnet(SubnetConfig config) throws OfaException {
        space.validate(config, false);
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (config.isActive(b)) {
                blocks.get(b).setActive(config.ks(b), config.e(b));
            }
        }
        active = config;
    }

    public SubnetConfig activeSubnet() {
        return active;
    }

    public Mbv3Space space() {
        return space;
    }

    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        if (x.getShape().dimension() != 4 || x.getShape().get(1) != space.inputChannels()) {
            throw new IllegalArgumentException("expected an NCHW image batch with " + space.inputChannels()
                    + " channels, got " + x.getShape());
        }
        NDArray h = Nn.scoped(x, in -> firstConv.forward(ps, in, training));
        h = Nn.scoped(h, in -> firstBlock.forward(ps, in, training));
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (active.isActive(b)) {
                ElasticMBConvBlock block = blocks.get(b);
                h = Nn.scoped(h, in -> block.forward(ps, in, training));
            }
        }
        h = Nn.scoped(h, in -> Nn.globalAvgPool(finalExpand.forward(ps, in, training)));
        h = featureMix.forward(ps, h, training);
        if (training && dropoutRate > 0f) {
            h = Dropout.dropout(h, dropoutRate, true).singletonOrThrow();
        }
        return classifier.forward(ps, h, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), space.numClasses())};
    }

    /** Parameters and BN buffers by OFA state-dict key (num_batches_tracked lives on the BNs). */
    public Map<String, Parameter> stateDict() {
        return Collections.unmodifiableMap(stateDict);
    }

    /** Every BN of the supernet, in state-dict order. */
    public List<ElasticBatchNorm> allBatchNorms() {
        return Collections.unmodifiableList(allBatchNorms);
    }

    /** BN layers that run under {@code config}, in execution order. */
    public List<ElasticBatchNorm> activeBatchNorms(SubnetConfig config) {
        List<ElasticBatchNorm> out = new ArrayList<>(firstConv.batchNorms());
        out.addAll(firstBlock.batchNorms());
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (config.isActive(b)) {
                out.addAll(blocks.get(b).batchNorms());
            }
        }
        out.addAll(finalExpand.batchNorms());
        return out;
    }

    ConvLayer firstConv() {
        return firstConv;
    }

    MBConvBlock firstBlock() {
        return firstBlock;
    }

    /** Elastic block {@code b} (0..19), i.e. state-dict {@code blocks.(b+1)}. */
    ElasticMBConvBlock block(int b) {
        return blocks.get(b);
    }

    ConvLayer finalExpand() {
        return finalExpand;
    }

    ConvLayer featureMix() {
        return featureMix;
    }

    LinearLayer classifier() {
        return classifier;
    }
}
