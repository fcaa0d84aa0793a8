package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.ofastudio.engine.space.Activation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain (non-elastic) OFA MobileNetV3, e.g. an extracted sub-network. Parameter names are those
 * of the reference's static MobileNetV3 state dict.
 */
public final class StaticMobileNetV3 extends OfaBlock {
    private final NetSpec spec;
    private final ConvLayer firstConv;
    private final List<MBConvBlock> blocks = new ArrayList<>();
    private final ConvLayer finalExpand;
    private final ConvLayer featureMix;
    private final LinearLayer classifier;
    private final Map<String, Parameter> stateDict = new LinkedHashMap<>();
    private final List<ElasticBatchNorm> allBatchNorms = new ArrayList<>();

    public StaticMobileNetV3(NetSpec spec) {
        this.spec = spec;
        firstConv = add("first_conv", new ConvLayer("first_conv", spec.inputChannels(), spec.firstConvOut(), 3, 2, true,
                Activation.H_SWISH));
        for (int i = 0; i < spec.blocks().size(); i++) {
            blocks.add(add("blocks." + i, new MBConvBlock("blocks." + i, spec.blocks().get(i))));
        }
        finalExpand = add("final_expand_layer", new ConvLayer("final_expand_layer", spec.lastBlockOut(),
                spec.finalExpandOut(), 1, 1, true, Activation.H_SWISH));
        featureMix = add("feature_mix_layer", new ConvLayer("feature_mix_layer", spec.finalExpandOut(),
                spec.featureMixOut(), 1, 1, false, Activation.H_SWISH));
        classifier = add("classifier", new LinearLayer(spec.featureMixOut(), spec.numClasses()));
    }

    private <B extends OfaBlock> B add(String key, B block) {
        addChildBlock(key, block);
        block.namedParameters().forEach((n, p) -> stateDict.put(key + "." + n, p));
        allBatchNorms.addAll(block.batchNorms());
        return block;
    }

    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = Nn.scoped(x, in -> firstConv.forward(ps, in, training));
        for (MBConvBlock b : blocks) {
            h = Nn.scoped(h, in -> b.forward(ps, in, training));
        }
        h = Nn.scoped(h, in -> Nn.globalAvgPool(finalExpand.forward(ps, in, training)));
        h = featureMix.forward(ps, h, training);
        return classifier.forward(ps, h, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), spec.numClasses())};
    }

    public NetSpec spec() {
        return spec;
    }

    /** Parameters and BN buffers by OFA static state-dict key. */
    public Map<String, Parameter> stateDict() {
        return Collections.unmodifiableMap(stateDict);
    }

    /**
     * The weights as engine tensors under OFA's static state-dict keys, BN counters included: what
     * {@code module.state_dict()} of OFA's MobileNetV3 holds.
     */
    public Map<String, dev.ofastudio.engine.io.pth.Tensor> stateTensors() {
        Map<String, dev.ofastudio.engine.io.pth.Tensor> all = SupernetFiles.tensors(stateDict, allBatchNorms);
        // PyTorch's order: each BN's counter right after its running_var.
        Map<String, dev.ofastudio.engine.io.pth.Tensor> out = new LinkedHashMap<>();
        all.forEach((k, t) -> {
            if (!k.endsWith(".num_batches_tracked")) {
                out.put(k, t);
                String counter = k.replaceFirst("\\.running_var$", ".num_batches_tracked");
                if (!counter.equals(k) && all.containsKey(counter)) {
                    out.put(counter, all.get(counter));
                }
            }
        });
        all.forEach(out::putIfAbsent);
        return out;
    }

    public List<ElasticBatchNorm> allBatchNorms() {
        return Collections.unmodifiableList(allBatchNorms);
    }

    /** Trainable parameters (weights, biases, BN γ/β; not BN buffers), as OFA's count_parameters. */
    public long trainableParameterCount() {
        long n = 0;
        for (Parameter p : stateDict.values()) {
            if (p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR) {
                n += p.getShape().size();
            }
        }
        return n;
    }
}
