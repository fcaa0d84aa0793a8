package dev.ofastudio.engine.supernet;

import dev.ofastudio.engine.space.Activation;

/**
 * One static inverted-residual block as net.config describes it.
 *
 * @param in          input channels
 * @param out         output channels
 * @param kernel      depthwise kernel size (odd)
 * @param stride      depthwise stride
 * @param expandRatio expand ratio; 1 means no inverted-bottleneck conv
 * @param mid         mid (expanded) channels; equals {@code in} when expandRatio is 1
 * @param se          whether squeeze-and-excitation follows the depthwise conv
 * @param act         activation of the expand and depthwise steps
 * @param shortcut    whether an identity shortcut adds the input
 */
public record BlockSpec(int in, int out, int kernel, int stride, int expandRatio, int mid, boolean se,
        Activation act, boolean shortcut) {
    public BlockSpec {
        if (in < 1 || out < 1 || mid < 1 || stride < 1 || kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("invalid block: in " + in + ", out " + out + ", mid " + mid
                    + ", kernel " + kernel + ", stride " + stride);
        }
        if (shortcut && (stride != 1 || in != out)) {
            throw new IllegalArgumentException("identity shortcut needs stride 1 and in == out, got stride "
                    + stride + ", " + in + " -> " + out);
        }
    }

    public boolean hasExpandConv() {
        return expandRatio != 1;
    }
}
