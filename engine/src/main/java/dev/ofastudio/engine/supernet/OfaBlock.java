package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of every layer of the OFA networks: parameters carry their OFA state-dict names relative to
 * the block (e.g. {@code conv.depth_conv.conv.conv.weight}), so checkpoints map one to one and
 * never depend on DJL's child numbering. All shapes are fixed at construction.
 */
abstract class OfaBlock extends AbstractBlock {
    /** Bumped when the parameter layout of any OFA block changes. */
    static final byte VERSION = 1;

    private final Map<String, Parameter> named = new LinkedHashMap<>();
    private final List<ElasticBatchNorm> batchNorms = new ArrayList<>();

    OfaBlock() {
        super(VERSION);
    }

    /** The block's forward pass on one tensor; DJL's {@link #forward} entry point delegates here. */
    abstract NDArray forward(ParameterStore ps, NDArray x, boolean training);

    @Override
    protected final NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    /** A trainable parameter (weight or bias) with a fixed shape. */
    final Parameter param(String name, Parameter.Type type, Shape shape, Initializer init) {
        return register(Parameter.builder().setName(name).setType(type).optShape(shape).optInitializer(init)
                .optRequiresGrad(true).build());
    }

    final Parameter register(Parameter p) {
        named.put(p.getName(), addParameter(p));
        return p;
    }

    final ElasticBatchNorm batchNorm(String statePrefix, String name, int channels) {
        ElasticBatchNorm bn = new ElasticBatchNorm(statePrefix + name, name + ".", channels, this::register);
        batchNorms.add(bn);
        return bn;
    }

    /** OFA's "he_fout" init: N(0, √(2 / (k·k·out))). */
    static Initializer heFout(int kernel, int outChannels) {
        return new NormalInitializer((float) Math.sqrt(2.0 / (kernel * kernel * outChannels)));
    }

    /** Parameters by their state-dict name relative to this block, in declaration order. */
    Map<String, Parameter> namedParameters() {
        return Collections.unmodifiableMap(named);
    }

    List<ElasticBatchNorm> batchNorms() {
        return Collections.unmodifiableList(batchNorms);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : children.values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }
}
