package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.function.Consumer;

/**
 * A BatchNorm2d whose active width is the first C channels of its input (OFA's
 * DynamicBatchNorm2d). Eval mode normalises with {@code running_*[:C]}; training mode with the
 * batch statistics and updates {@code running_*[:C]} in place (PyTorch momentum 0.1, unbiased
 * variance); during recalibration it normalises with the batch statistics and reports them to the
 * attached {@link BnStatistics} instead (digest §2.5).
 */
public final class ElasticBatchNorm {
    /** PyTorch's momentum convention: new = (1 − m)·old + m·batch. */
    public static final float MOMENTUM = 0.1f;
    public static final float EPS = 1e-5f;

    private final String key;
    private final int channels;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private long numBatchesTracked;
    private BnStatistics calibration;

    /**
     * @param key      the state-dict prefix of this BN (e.g. {@code blocks.3.conv.depth_conv.bn.bn})
     * @param prefix   the parameter-name prefix inside the owning block
     * @param channels the maximum width
     * @param owner    registers the parameters with the owning block
     */
    ElasticBatchNorm(String key, String prefix, int channels, Consumer<Parameter> owner) {
        this.key = key;
        this.channels = channels;
        Shape s = new Shape(channels);
        gamma = param(prefix + "weight", Parameter.Type.GAMMA, s, Initializer.ONES, true);
        beta = param(prefix + "bias", Parameter.Type.BETA, s, Initializer.ZEROS, true);
        runningMean = param(prefix + "running_mean", Parameter.Type.RUNNING_MEAN, s, Initializer.ZEROS, false);
        runningVar = param(prefix + "running_var", Parameter.Type.RUNNING_VAR, s, Initializer.ONES, false);
        owner.accept(gamma);
        owner.accept(beta);
        owner.accept(runningMean);
        owner.accept(runningVar);
    }

    private static Parameter param(String name, Parameter.Type type, Shape shape, Initializer init, boolean grad) {
        return Parameter.builder().setName(name).setType(type).optShape(shape).optInitializer(init)
                .optRequiresGrad(grad).build();
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        int c = (int) x.getShape().get(1);
        NDIndex active = new NDIndex(":{}", c);
        NDArray g = Nn.value(ps, gamma, x, training, c);
        NDArray b = Nn.value(ps, beta, x, training, c);
        if (calibration == null && training) {
            // PyTorch's fused training kernel: batch statistics, its own (stable) backward, and
            // the running averages of the active slice updated in place on the copies below.
            NDManager scope = x.getManager();
            NDArray rm = runningMean.getArray().get(scope, active).duplicate();
            NDArray rv = runningVar.getArray().get(scope, active).duplicate();
            NDArray y = BatchNorm.batchNorm(x, rm, rv, g, b, 1, 1f - MOMENTUM, EPS, true).singletonOrThrow();
            runningMean.getArray().set(active, rm);
            runningVar.getArray().set(active, rv);
            numBatchesTracked++;
            return y;
        }
        if (calibration != null) {
            NDArray mean = Nn.channelMean(x).reshape(c);
            NDArray var = Nn.channelMean(x.sub(mean.reshape(1, c, 1, 1)).square()).reshape(c);
            calibration.add(this, mean.stopGradient(), var.stopGradient(), x.getShape().get(0));
            // Batch statistics: y = x·scale + shift with scale = γ/√(var+eps), shift = β − mean·scale.
            NDArray scale = g.div(var.add(EPS).sqrt());
            NDArray shift = b.sub(mean.mul(scale));
            return x.mul(scale.reshape(1, c, 1, 1)).add(shift.reshape(1, c, 1, 1));
        }
        NDArray mean = Nn.value(ps, runningMean, x, false, c);
        NDArray var = Nn.value(ps, runningVar, x, false, c);
        // Eval: PyTorch's own fused kernel (one pass over x), as the reference runs it.
        return BatchNorm.batchNorm(x, mean, var, g, b, 1, 1f - MOMENTUM, EPS, false).singletonOrThrow();
    }

    /** Writes recalibrated statistics into {@code running_*[:C]} (C = the arrays' length). */
    void setRunningStats(NDArray mean, NDArray var) {
        NDIndex active = new NDIndex(":{}", mean.getShape().get(0));
        runningMean.getArray().set(active, mean);
        runningVar.getArray().set(active, var);
    }

    void attachCalibration(BnStatistics stats) {
        this.calibration = stats;
    }

    /** State-dict prefix, e.g. {@code first_conv.bn}. */
    public String key() {
        return key;
    }

    public int channels() {
        return channels;
    }

    public Parameter gamma() {
        return gamma;
    }

    public Parameter beta() {
        return beta;
    }

    public Parameter runningMean() {
        return runningMean;
    }

    public Parameter runningVar() {
        return runningVar;
    }

    public long numBatchesTracked() {
        return numBatchesTracked;
    }

    void setNumBatchesTracked(long n) {
        this.numBatchesTracked = n;
    }
}
