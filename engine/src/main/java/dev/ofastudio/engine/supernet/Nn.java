package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import dev.ofastudio.engine.space.Activation;
import java.util.function.UnaryOperator;

/** The functional operations the OFA MobileNetV3 layers are made of (digest §1.1). */
final class Nn {
    private Nn() {
    }

    /**
     * The value of {@code p} as an array owned by {@code scope} (the forward's manager), so that
     * per-forward slices never pile up in the model's manager. {@code prefix} gives the leading
     * size kept along each of the first axes (none: the whole tensor).
     */
    static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training, long... prefix) {
        NDArray whole = ps.getValue(p, like.getDevice(), training);
        NDManager scope = like.getManager();
        long[] shape = whole.getShape().getShape();
        boolean full = true;
        StringBuilder index = new StringBuilder();
        for (int i = 0; i < prefix.length; i++) {
            full &= prefix[i] == shape[i];
            index.append(i == 0 ? ":" : ", :").append(prefix[i]);
        }
        // The full tensor when nothing is cut away: the same path as a static layer. A cut is
        // copied into a dense tensor, which the conv kernels run much faster than a strided view;
        // "+ 0" makes that copy inside autograd (duplicate() would detach it from the weights).
        return full ? whole.get(scope, new NDIndex()) : whole.get(scope, new NDIndex(index.toString())).add(0f);
    }

    /**
     * Runs one layer in its own manager so that its intermediates are freed as soon as it ends
     * (DJL keeps every array until its manager closes; autograd keeps what backward needs itself).
     * The result belongs to the input's manager.
     */
    static NDArray scoped(NDArray x, UnaryOperator<NDArray> layer) {
        NDManager home = x.getManager();
        try (NDManager scope = home.newSubManager()) {
            x.tempAttach(scope);
            NDArray y = layer.apply(x);
            y.attach(home);
            return y;
        }
    }

    /**
     * Same-padded 2-D convolution without bias ({@code padding = k // 2}).
     *
     * <p>On a map smaller than the kernel, taps further than {@code H−1} rows (or {@code W−1}
     * columns) from the centre only ever meet padding zeros, so the kernel is cropped to its
     * centre {@code (2·min(k/2, H−1)+1)} with matching padding: the same output and the same
     * gradients (the cropped taps get zero gradient either way). Measured: libtorch's NCHW CPU
     * path runs 7×7 depthwise convs on 1×1 and 2×2 maps through a slow fallback that took most of
     * a 32-px forward; cropped, they are 3×3 or 1×1 convs.
     */
    static NDArray conv(NDArray x, NDArray w, int stride, int groups) {
        int k = (int) w.getShape().get(2);
        int half = k / 2;
        int hh = Math.min(half, (int) x.getShape().get(2) - 1);
        int hw = Math.min(half, (int) x.getShape().get(3) - 1);
        if (hh < half || hw < half) {
            w = w.get(new NDIndex(":, :, {}:{}, {}:{}", half - hh, half + hh + 1, half - hw, half + hw + 1));
        }
        return Conv2d.conv2d(channelsLast(x), w, null, new Shape(stride, stride), new Shape(hh, hw),
                new Shape(1, 1), groups).singletonOrThrow();
    }

    static NDArray conv(NDArray x, NDArray w, NDArray bias) {
        return Conv2d.conv2d(channelsLast(x), w, bias, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1)
                .singletonOrThrow();
    }

    /** On with {@code -Dofa.channelsLast=true}, to compare the two layouts (bench train-step). */
    static final boolean CHANNELS_LAST = Boolean.getBoolean("ofa.channelsLast");

    /**
     * The same NCHW array stored channels-last (NHWC in memory). libtorch's oneDNN convolutions
     * follow the input's layout and the element-wise ops and batch norm keep it, so converting
     * each conv input keeps the whole network channels-last: the first call copies, later calls
     * only build views. DJL cannot ask for a memory format, so the copy is forced by flattening
     * the permuted array (a reshape that cannot be a view). Measured: the NCHW path runs depthwise
     * convs through a slow fallback (see the class comment of {@link #conv(NDArray, NDArray, int, int)}).
     */
    static NDArray channelsLast(NDArray x) {
        if (!CHANNELS_LAST || x.getShape().dimension() != 4) {
            return x;
        }
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        return x.transpose(0, 2, 3, 1).reshape(n, h * w * c).reshape(n, h, w, c).transpose(0, 3, 1, 2);
    }

    static NDArray act(NDArray x, Activation a) {
        return switch (a) {
            case NONE -> x;
            case RELU -> ai.djl.nn.Activation.relu(x);
            case RELU6 -> x.clip(0f, 6f);
            case H_SWISH -> hSwish(x);
            case H_SIGMOID -> hSigmoid(x);
            case SWISH -> x.mul(ai.djl.nn.Activation.sigmoid(x));
            case SIGMOID -> ai.djl.nn.Activation.sigmoid(x);
        };
    }

    /** x · relu6(x + 3) / 6. */
    static NDArray hSwish(NDArray x) {
        return x.mul(x.add(3f).clip(0f, 6f)).div(6f);
    }

    /** relu6(x + 3) / 6. */
    static NDArray hSigmoid(NDArray x) {
        return x.add(3f).clip(0f, 6f).div(6f);
    }

    /** Global average pool over H and W, keeping the dimensions. */
    static NDArray globalAvgPool(NDArray x) {
        return x.mean(new int[] {3}, true).mean(new int[] {2}, true);
    }

    /** Per-channel mean over N, H and W, shape [1, C, 1, 1] (one axis at a time, as the reference). */
    static NDArray channelMean(NDArray x) {
        return x.mean(new int[] {0}, true).mean(new int[] {2}, true).mean(new int[] {3}, true);
    }
}
