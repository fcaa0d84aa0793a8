package dev.ofastudio.engine.predict;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.pth.PthReader;
import dev.ofastudio.engine.io.pth.StateDict;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The official OFA MobileNetV3-w1.2 accuracy predictor of the OFA tutorial
 * ({@code acc_predictor.pth}): an MLP 128 → 400 → 400 → 400 → 1 with ReLU between layers, over
 * the {@link Mbv3Encoding}. Output is top-1 accuracy on a 0–1 scale.
 *
 * <p>Evaluated in plain Java float math, because the evolutionary search calls it ~10^5 times:
 * <ul>
 *   <li>layer 1 adds the rows of W1ᵀ selected by the one-hot input (≤ 41 rows) to the bias
 *       instead of a 128×400 product;</li>
 *   <li>layers 2 and 3 are stored transposed (input-major) and computed as a sum of scaled weight
 *       rows, skipping inputs that ReLU zeroed (about half); the inner loop is a contiguous
 *       multiply-add the JIT vectorizes;</li>
 *   <li>a batch is processed in tiles of {@link #TILE} configs, so each weight row is loaded once
 *       per tile and reused from L1.</li>
 * </ul>
 * Accumulation is in float like PyTorch's float32 CPU kernels; results agree with PyTorch to
 * about 1e-7. Immutable and thread-safe.
 */
public final class OfficialAccuracyPredictor implements AccuracyPredictor {
    static final int IN = Mbv3Encoding.SIZE;
    static final int HIDDEN = 400;
    /** Configs per pass; 3 × TILE × 400 floats of activations stay in L1/L2 with one weight row. */
    static final int TILE = 16;
    /** The state-dict keys of the tutorial's nn.Sequential, in order. */
    public static final List<String> KEYS =
            List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias", "6.weight", "6.bias");

    private final float[] w1t; // [IN][HIDDEN]: row j = weights from input j
    private final float[] b1;
    private final float[] w2t; // [HIDDEN in][HIDDEN out]
    private final float[] b2;
    private final float[] w3t;
    private final float[] b3;
    private final float[] w4; // [HIDDEN]
    private final float b4;
    private final String description;

    private OfficialAccuracyPredictor(StateDict sd, String description) throws OfaException {
        sd.requireKeys(KEYS);
        this.w1t = transpose(sd.requireShape("0.weight", HIDDEN, IN).toFloatArray(), HIDDEN, IN);
        this.b1 = sd.requireShape("0.bias", HIDDEN).toFloatArray();
        this.w2t = transpose(sd.requireShape("2.weight", HIDDEN, HIDDEN).toFloatArray(), HIDDEN, HIDDEN);
        this.b2 = sd.requireShape("2.bias", HIDDEN).toFloatArray();
        this.w3t = transpose(sd.requireShape("4.weight", HIDDEN, HIDDEN).toFloatArray(), HIDDEN, HIDDEN);
        this.b3 = sd.requireShape("4.bias", HIDDEN).toFloatArray();
        this.w4 = sd.requireShape("6.weight", 1, HIDDEN).toFloatArray();
        this.b4 = sd.requireShape("6.bias", 1).toFloatArray()[0];
        this.description = description;
    }

    /** Loads {@code acc_predictor.pth}; wrong keys or shapes fail naming the tensor. */
    public static OfficialAccuracyPredictor load(Path pth) throws OfaException {
        return fromStateDict(PthReader.read(pth));
    }

    public static OfficialAccuracyPredictor fromStateDict(StateDict sd) throws OfaException {
        String name = sd.source() == null ? "in-memory" : sd.source().getFileName().toString();
        return new OfficialAccuracyPredictor(sd, "OFA MobileNetV3-w1.2 accuracy predictor (" + name + ")");
    }

    /** Fails with a one-line message naming the field if the predictor cannot encode {@code c}. */
    public void check(SubnetConfig c) throws OfaException {
        Mbv3Encoding.check(c);
    }

    /** @throws IllegalArgumentException if {@code config} is not encodable (see {@link #check}) */
    @Override
    public double predict(SubnetConfig config) {
        return predict(List.of(config))[0];
    }

    /** @throws IllegalArgumentException if a config is not encodable (see {@link #check}) */
    @Override
    public double[] predict(List<SubnetConfig> configs) {
        int n = configs.size();
        double[] out = new double[n];
        float[] h1 = new float[TILE * HIDDEN];
        float[] h2 = new float[TILE * HIDDEN];
        int[] active = new int[Mbv3Encoding.MAX_ACTIVE];
        for (int start = 0; start < n; start += TILE) {
            int count = Math.min(TILE, n - start);
            for (int t = 0; t < count; t++) {
                int k = Mbv3Encoding.activeInputs(configs.get(start + t), active);
                firstLayer(active, k, h1, t * HIDDEN);
            }
            hiddenLayer(w2t, b2, h1, h2, count);
            hiddenLayer(w3t, b3, h2, h1, count);
            for (int t = 0; t < count; t++) {
                out[start + t] = output(h1, t * HIDDEN);
            }
        }
        return out;
    }

    /** relu(b1 + Σ W1ᵀ[j]) over the active inputs j: the product with a 0/1 vector. */
    private void firstLayer(int[] active, int k, float[] h, int off) {
        System.arraycopy(b1, 0, h, off, HIDDEN);
        for (int a = 0; a < k; a++) {
            int row = active[a] * HIDDEN;
            for (int o = 0; o < HIDDEN; o++) {
                h[off + o] += w1t[row + o];
            }
        }
        relu(h, off);
    }

    /** out[t] = relu(b + Wᵀ-rows weighted by in[t]) for each config t of the tile. */
    private static void hiddenLayer(float[] wt, float[] b, float[] in, float[] out, int count) {
        for (int t = 0; t < count; t++) {
            System.arraycopy(b, 0, out, t * HIDDEN, HIDDEN);
        }
        for (int i = 0; i < HIDDEN; i++) {
            int row = i * HIDDEN;
            for (int t = 0; t < count; t++) {
                float a = in[t * HIDDEN + i];
                if (a != 0f) { // ReLU zeroed about half the inputs
                    int off = t * HIDDEN;
                    for (int o = 0; o < HIDDEN; o++) {
                        out[off + o] += a * wt[row + o];
                    }
                }
            }
        }
        for (int t = 0; t < count; t++) {
            relu(out, t * HIDDEN);
        }
    }

    private float output(float[] h, int off) {
        float s = 0f;
        for (int i = 0; i < HIDDEN; i++) {
            s += w4[i] * h[off + i];
        }
        return s + b4;
    }

    private static void relu(float[] h, int off) {
        for (int o = off; o < off + HIDDEN; o++) {
            h[o] = Math.max(h[o], 0f);
        }
    }

    /** [rows][cols] row-major → [cols][rows]. */
    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    @Override
    public List<Integer> resolutions() {
        return Mbv3Encoding.RESOLUTIONS;
    }

    @Override
    public String describe() {
        return description;
    }
}
