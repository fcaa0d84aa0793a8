package dev.ofastudio.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import dev.ofastudio.engine.io.pth.Tensor;
import dev.ofastudio.engine.supernet.CheckpointFile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SGD with Nesterov momentum and decoupled-from-BN weight decay, exactly PyTorch's
 * {@code torch.optim.SGD(nesterov=True)} update, which OFA uses (digest §2.2):
 * {@code d = g + wd·w; buf = m·buf + d (buf = d on the first step); w -= lr·(d + m·buf)}.
 * Parameters whose key contains "bn" or "bias" get no weight decay, as OFA's param groups.
 * DJL's own SGD has neither Nesterov nor per-parameter decay, hence this class.
 */
public final class NesterovSgd {
    static final String BUFFER_PREFIX = "optimizer.momentum.";

    private final Map<String, Parameter> params;
    private final double momentum;
    private final double weightDecay;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();

    /** @param params trainable parameters by state-dict key */
    public NesterovSgd(Map<String, Parameter> params, double momentum, double weightDecay) {
        this.params = params;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    static boolean decays(String key) {
        return !key.contains("bn") && !key.contains("bias");
    }

    /** One update with learning rate {@code lr} from the gradients the parameters hold now. */
    public void step(double lr) {
        step(lr, 1.0);
    }

    /**
     * The global L2 norm of the gradients the parameters hold now (NaN or infinite if any
     * gradient is).
     */
    public double gradientNorm() {
        double sq = 0;
        for (Parameter p : params.values()) {
            try (NDArray g = p.getArray().getGradient(); NDArray g2 = g.square(); NDArray s = g2.sum()) {
                sq += s.getFloat();
            }
        }
        return Math.sqrt(sq);
    }

    /** One update with every gradient multiplied by {@code gradScale} first (norm clipping). */
    public void step(double lr, double gradScale) {
        float m = (float) momentum;
        for (var e : params.entrySet()) {
            NDArray w = e.getValue().getArray();
            // Every temporary lives in a sub-manager closed per parameter: arrays made from w or a
            // buffer (results, and the scalar arrays DJL makes for a Number operand) otherwise
            // belong to the model's manager until the run ends, a leak of three gradient-sized
            // copies per step that filled 21 GB in 260 steps. Hence scalars made in tmp, too.
            try (NDManager tmp = w.getManager().newSubManager()) {
                NDArray mScalar = tmp.create(m);
                NDArray g = w.getGradient();
                g.attach(tmp);
                if (gradScale != 1.0) {
                    g.muli(tmp.create((float) gradScale));
                }
                NDArray d;
                if (weightDecay > 0 && decays(e.getKey())) {
                    NDArray decay = w.mul(tmp.create((float) weightDecay));
                    decay.attach(tmp);
                    d = g.add(decay);
                } else {
                    d = g.duplicate();
                }
                d.attach(tmp);
                NDArray buf = buffers.get(e.getKey());
                if (buf == null) {
                    buf = d.duplicate();
                    buf.attach(w.getManager());
                    buffers.put(e.getKey(), buf);
                } else {
                    buf.muli(mScalar).addi(d);
                }
                NDArray look = buf.mul(mScalar);
                look.attach(tmp);
                d.addi(look);
                w.subi(d.muli(tmp.create((float) lr)));
            }
        }
    }

    /** The parameters of {@code all} that take gradients (BN running statistics do not), in order. */
    public static Map<String, Parameter> trainable(Map<String, Parameter> all) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        all.forEach((k, p) -> {
            if (p.requiresGradient()) {
                out.put(k, p);
            }
        });
        return out;
    }

    /**
     * Sets every gradient to zero in place. (Not {@code g − g}: a single inf makes that NaN, and
     * backward accumulates into the buffer, so it would poison every later step.)
     */
    public void zeroGradients() {
        for (Parameter p : params.values()) {
            NDArray w = p.getArray();
            try (NDManager tmp = w.getManager().newSubManager()) {
                NDArray g = w.getGradient();
                g.attach(tmp); // so that the scalar DJL makes for 0 is freed with it
                g.set(new NDIndex("..."), 0f);
            }
        }
    }

    /** Forgets the momentum (each OFA phase starts a fresh optimizer). */
    public void reset() {
        buffers.values().forEach(NDArray::close);
        buffers.clear();
    }

    /** Momentum buffers as checkpoint tensors. */
    public Map<String, Tensor> state() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        buffers.forEach((k, b) -> out.put(BUFFER_PREFIX + k,
                CheckpointFile.floats(BUFFER_PREFIX + k, b.getShape().getShape(), b.toFloatArray())));
        return out;
    }

    /** Restores buffers saved by {@link #state()}; other keys are ignored. */
    public void load(Map<String, Tensor> tensors, NDManager manager) {
        reset();
        tensors.forEach((k, t) -> {
            if (k.startsWith(BUFFER_PREFIX) && params.containsKey(k.substring(BUFFER_PREFIX.length()))) {
                NDArray a = manager.create(t.toFloatArray(), new ai.djl.ndarray.types.Shape(t.shape()));
                buffers.put(k.substring(BUFFER_PREFIX.length()), a);
            }
        });
    }
}
