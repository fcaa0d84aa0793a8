package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.ofastudio.engine.space.Activation;
import dev.ofastudio.engine.space.Channels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OFA's DynamicMBConvLayer inside a ResidualBlock: weights stored at the maximum size; the active
 * expand ratio takes the leading mid channels, the active kernel is the centre crop of the 7×7
 * weight passed through the learned kernel-transform matrices (digest §1.3).
 */
final class ElasticMBConvBlock extends OfaBlock {
    private final int in;
    private final int out;
    private final int stride;
    private final Activation act;
    private final boolean shortcut;
    /** Kernel sizes, descending (7, 5, 3). */
    private final List<Integer> kernelsDesc;
    private final List<Integer> expandsAsc;
    private final int maxMid;

    private final Parameter expandWeight;
    private final ElasticBatchNorm expandBn;
    private final Parameter depthWeight;
    /** transforms.get(i) maps kernelsDesc[i] to kernelsDesc[i+1]. */
    private final List<Parameter> transforms = new ArrayList<>();
    private final ElasticBatchNorm depthBn;
    private final SqueezeExcite se;
    private final Parameter pointWeight;
    private final ElasticBatchNorm pointBn;

    private int activeKernel;
    private int activeExpand;

    ElasticMBConvBlock(String key, int in, int out, int stride, Activation act, boolean useSe, List<Integer> kernels,
            List<Integer> expands, boolean shortcut) {
        this.in = in;
        this.out = out;
        this.stride = stride;
        this.act = act;
        this.shortcut = shortcut;
        this.kernelsDesc = kernels.stream().sorted((a, b) -> b - a).toList();
        this.expandsAsc = expands.stream().sorted().toList();
        int maxKernel = kernelsDesc.get(0);
        this.maxMid = Channels.midChannels(in, expandsAsc.get(expandsAsc.size() - 1));
        String p = key + ".";
        expandWeight = param("conv.inverted_bottleneck.conv.conv.weight", Parameter.Type.WEIGHT,
                new Shape(maxMid, in, 1, 1), heFout(1, maxMid));
        expandBn = batchNorm(p, "conv.inverted_bottleneck.bn.bn", maxMid);
        depthWeight = param("conv.depth_conv.conv.conv.weight", Parameter.Type.WEIGHT,
                new Shape(maxMid, 1, maxKernel, maxKernel), heFout(maxKernel, maxMid));
        for (int i = 0; i + 1 < kernelsDesc.size(); i++) {
            int k = kernelsDesc.get(i + 1);
            transforms.add(param(transformName(kernelsDesc.get(i), k), Parameter.Type.WEIGHT, new Shape(k * k, k * k),
                    (m, shape, type) -> m.eye(k * k, k * k, 0, type)));
        }
        depthBn = batchNorm(p, "conv.depth_conv.bn.bn", maxMid);
        se = useSe ? new SqueezeExcite(this, "conv.depth_conv.se.", maxMid) : null;
        pointWeight = param("conv.point_linear.conv.conv.weight", Parameter.Type.WEIGHT,
                new Shape(out, maxMid, 1, 1), heFout(1, out));
        pointBn = batchNorm(p, "conv.point_linear.bn.bn", out);
        activeKernel = maxKernel;
        activeExpand = expandsAsc.get(expandsAsc.size() - 1);
    }

    private static String transformName(int from, int to) {
        return "conv.depth_conv.conv." + from + "to" + to + "_matrix";
    }

    void setActive(int kernel, int expand) {
        if (!kernelsDesc.contains(kernel) || !expandsAsc.contains(expand)) {
            throw new IllegalArgumentException("kernel " + kernel + " / expand " + expand + " not in "
                    + kernelsDesc + " / " + expandsAsc);
        }
        activeKernel = kernel;
        activeExpand = expand;
    }

    int activeKernel() {
        return activeKernel;
    }

    int activeExpand() {
        return activeExpand;
    }

    /** The mid width this block runs at for {@code inChannels} inputs (the reference reads them from x). */
    int activeMid(int inChannels) {
        return Channels.midChannels(inChannels, activeExpand);
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        int c = (int) x.getShape().get(1);
        int mid = activeMid(c);
        NDArray h = Nn.conv(x, Nn.value(ps, expandWeight, x, training, mid, c), 1, 1);
        h = Nn.act(expandBn.forward(ps, h, training), act);
        h = Nn.conv(h, activeDepthKernel(ps, x, training, mid), stride, mid);
        h = Nn.act(depthBn.forward(ps, h, training), act);
        if (se != null) {
            h = se.forward(ps, h, training);
        }
        h = Nn.conv(h, Nn.value(ps, pointWeight, x, training, out, mid), 1, 1);
        h = pointBn.forward(ps, h, training);
        return shortcut ? h.add(x) : h;
    }

    /**
     * The active depthwise kernel {@code [mid, 1, k, k]}: the stored weight for the largest k;
     * otherwise, step by step down the kernel list, the centre crop flattened row-major to v and
     * replaced by {@code v' = M·v} (i.e. {@code v · Mᵀ} on rows), as the reference's get_active_filter.
     */
    NDArray activeDepthKernel(ParameterStore ps, NDArray like, boolean training, int mid) {
        NDArray filter = Nn.value(ps, depthWeight, like, training, mid);
        for (int i = 0; i + 1 < kernelsDesc.size() && kernelsDesc.get(i) > activeKernel; i++) {
            int from = kernelsDesc.get(i);
            int to = kernelsDesc.get(i + 1);
            int start = from / 2 - to / 2;
            NDArray crop = filter.get(new NDIndex(":, :, {}:{}, {}:{}", start, start + to, start, start + to));
            NDArray m = Nn.value(ps, transforms.get(i), like, training);
            filter = crop.reshape(mid, (long) to * to).matMul(m.transpose()).reshape(mid, 1, to, to);
        }
        return filter;
    }

    /**
     * The active sub-layer's weights under OFA's static names (as in the extracted MBConvLayer):
     * leading slices, and the transformed depthwise kernel. Copies owned by {@code manager}.
     */
    Map<String, NDArray> activeWeights(NDManager manager, int inChannels) {
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray like = manager.zeros(new Shape(1));
        int mid = activeMid(inChannels);
        int m = Channels.seChannels(mid);
        Map<String, NDArray> w = new LinkedHashMap<>();
        w.put("conv.inverted_bottleneck.conv.weight", crop(expandWeight, manager, mid, inChannels));
        putBn(w, "conv.inverted_bottleneck.bn.", expandBn, manager, mid);
        w.put("conv.depth_conv.conv.weight", activeDepthKernel(ps, like, false, mid).duplicate());
        putBn(w, "conv.depth_conv.bn.", depthBn, manager, mid);
        if (se != null) {
            w.put("conv.depth_conv.se.fc.reduce.weight", crop(se.reduceWeight(), manager, m, mid));
            w.put("conv.depth_conv.se.fc.reduce.bias", crop(se.reduceBias(), manager, m));
            w.put("conv.depth_conv.se.fc.expand.weight", crop(se.expandWeight(), manager, mid, m));
            w.put("conv.depth_conv.se.fc.expand.bias", crop(se.expandBias(), manager, mid));
        }
        w.put("conv.point_linear.conv.weight", crop(pointWeight, manager, out, mid));
        putBn(w, "conv.point_linear.bn.", pointBn, manager, out);
        return w;
    }

    private static void putBn(Map<String, NDArray> w, String prefix, ElasticBatchNorm bn, NDManager mgr, int c) {
        w.put(prefix + "weight", crop(bn.gamma(), mgr, c));
        w.put(prefix + "bias", crop(bn.beta(), mgr, c));
        w.put(prefix + "running_mean", crop(bn.runningMean(), mgr, c));
        w.put(prefix + "running_var", crop(bn.runningVar(), mgr, c));
    }

    private static NDArray crop(Parameter p, NDManager mgr, int d0) {
        return p.getArray().get(mgr, new NDIndex(":{}", d0)).duplicate();
    }

    private static NDArray crop(Parameter p, NDManager mgr, int d0, int d1) {
        return p.getArray().get(mgr, new NDIndex(":{}, :{}", d0, d1)).duplicate();
    }

    /** The mid width for each expand ratio, descending by ratio (the sort's protected prefixes). */
    List<Integer> midWidthsDesc() {
        List<Integer> widths = new ArrayList<>();
        for (int i = expandsAsc.size() - 1; i >= 0; i--) {
            widths.add(Channels.midChannels(in, expandsAsc.get(i)));
        }
        return widths;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), out, (s.get(2) - 1) / stride + 1, (s.get(3) - 1) / stride + 1)};
    }

    int in() {
        return in;
    }

    int out() {
        return out;
    }

    int stride() {
        return stride;
    }

    Activation act() {
        return act;
    }

    boolean hasSe() {
        return se != null;
    }

    SqueezeExcite se() {
        return se;
    }

    boolean shortcut() {
        return shortcut;
    }

    int maxMid() {
        return maxMid;
    }

    Parameter expandWeight() {
        return expandWeight;
    }

    ElasticBatchNorm expandBn() {
        return expandBn;
    }

    Parameter depthWeight() {
        return depthWeight;
    }

    ElasticBatchNorm depthBn() {
        return depthBn;
    }

    Parameter pointWeight() {
        return pointWeight;
    }

    List<Parameter> transforms() {
        return transforms;
    }
}
