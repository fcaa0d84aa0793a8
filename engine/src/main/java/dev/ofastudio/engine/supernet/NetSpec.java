package dev.ofastudio.engine.supernet;

import java.util.List;

/**
 * A static OFA MobileNetV3 network, layer by layer, as its net.config describes it: 3×3 stride-2
 * first conv (h_swish), the blocks, 1×1 final expand (BN, h_swish), global pool, 1×1 feature mix
 * (no BN, h_swish), linear classifier.
 *
 * @param inputChannels channels of the input image: 3 (RGB) for OFA's ImageNet nets, 1 for grey
 */
public record NetSpec(int inputChannels, int firstConvOut, List<BlockSpec> blocks, int finalExpandOut,
        int featureMixOut, int numClasses) {
    /** An RGB network, as OFA's ImageNet ones. */
    public NetSpec(int firstConvOut, List<BlockSpec> blocks, int finalExpandOut, int featureMixOut, int numClasses) {
        this(3, firstConvOut, blocks, finalExpandOut, featureMixOut, numClasses);
    }

    public NetSpec {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty() || inputChannels < 1 || firstConvOut < 1 || finalExpandOut < 1 || featureMixOut < 1 || numClasses < 1) {
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
