package dev.ofastudio.engine.supernet;

import java.util.List;

/**
 * A static OFA MobileNetV3 network, layer by layer, as its net.config describes it: 3×3 stride-2
 * first conv (h_swish), the blocks, 1×1 final expand (BN, h_swish), global pool, 1×1 feature mix
 * (no BN, h_swish), linear classifier.
 */
public record NetSpec(int firstConvOut, List<BlockSpec> blocks, int finalExpandOut, int featureMixOut,
        int numClasses) {
    public NetSpec {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty() || firstConvOut < 1 || finalExpandOut < 1 || featureMixOut < 1 || numClasses < 1) {
            throw new IllegalArgumentException("incomplete network spec");
        }
        int c = firstConvOut;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).in() != c) {
                throw new IllegalArgumentException("block " + i + " expects " + blocks.get(i).in()
                        + " input channels but receives " + c);
            }
            c = blocks.get(i).out();
        }
    }

    public int lastBlockOut() {
        return blocks.get(blocks.size() - 1).out();
    }
}
