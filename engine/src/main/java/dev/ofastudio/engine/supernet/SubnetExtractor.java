package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.Channels;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code get_active_subnet(preserve_weight=True)}: bakes a sub-network of the supernet into a
 * static network — weights cropped to the active widths, depthwise kernels transformed, BN
 * statistics sliced — that computes exactly what the supernet computes for that config.
 */
public final class SubnetExtractor {
    private SubnetExtractor() {
    }

    /** The static layer layout of {@code config}. */
    public static NetSpec spec(OfaSupernet net, SubnetConfig config) throws OfaException {
        net.space().validate(config, false);
        List<BlockSpec> blocks = new ArrayList<>();
        blocks.add(net.firstBlock().spec());
        int in = net.firstBlock().spec().out();
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (!config.isActive(b)) {
                continue;
            }
            ElasticMBConvBlock e = net.block(b);
            int mid = Channels.midChannels(in, config.e(b));
            blocks.add(new BlockSpec(in, e.out(), config.ks(b), e.stride(), config.e(b), mid, e.hasSe(), e.act(),
                    e.shortcut()));
            in = e.out();
        }
        var s = net.space();
        return new NetSpec(s.inputChannels(), s.firstConvWidth(), blocks, s.finalExpandWidth(), s.featureMixWidth(), s.numClasses());
    }

    /** A new static network owned by {@code manager} with the weights of {@code config}. */
    public static StaticMobileNetV3 extract(OfaSupernet net, SubnetConfig config, NDManager manager)
            throws OfaException {
        NetSpec spec = spec(net, config);
        StaticMobileNetV3 sub = new StaticMobileNetV3(spec);
        sub.initialize(manager, DataType.FLOAT32, new Shape(1, net.space().inputChannels(), config.r(), config.r()));
        SubnetConfig previous = net.activeSubnet();
        net.setActiveSubnet(config);
        try (NDManager scratch = manager.newSubManager()) {
            Map<String, NDArray> values = new HashMap<>();
            Map<String, Long> counters = new HashMap<>();
            net.stateDict().forEach((k, p) -> values.put(k, p.getArray()));
            int staticIndex = 1;
            int in = spec.blocks().get(0).out();
            for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
                if (!config.isActive(b)) {
                    continue;
                }
                String prefix = "blocks." + staticIndex + ".";
                net.block(b).activeWeights(scratch, in).forEach((k, v) -> values.put(prefix + k, v));
                for (ElasticBatchNorm bn : net.block(b).batchNorms()) {
                    String rel = bn.key().substring(("blocks." + (b + 1) + ".").length()).replace(".bn.bn", ".bn");
                    counters.put(prefix + rel, bn.numBatchesTracked());
                }
                in = net.block(b).out();
                staticIndex++;
            }
            for (var e : sub.stateDict().entrySet()) {
                NDArray v = values.get(e.getKey());
                Parameter p = e.getValue();
                if (v == null || !v.getShape().equals(p.getShape())) {
                    throw new IllegalStateException("no " + p.getShape() + " value for " + e.getKey());
                }
                p.getArray().set(v.toFloatArray());
            }
            for (ElasticBatchNorm bn : sub.allBatchNorms()) {
                Long n = counters.get(bn.key());
                bn.setNumBatchesTracked(n != null ? n : supernetCounter(net, bn.key()));
            }
        } finally {
            net.setActiveSubnet(previous);
        }
        return sub;
    }

    private static long supernetCounter(OfaSupernet net, String key) {
        return net.allBatchNorms().stream().filter(b -> b.key().equals(key)).mapToLong(ElasticBatchNorm::numBatchesTracked)
                .findFirst().orElse(0);
    }
}
