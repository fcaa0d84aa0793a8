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
 *   <li>layers 2 and 3 are stored transposed (one array per input) and computed as a sum of
 *       scaled weight rows, skipping inputs that ReLU zeroed (about half), four rows per pass;
 *       the inner loops are contiguous multiply-adds the JIT vectorizes;</li>
 *   <li>a batch is processed in tiles of {@link #TILE} configs, one layer at a time, so each
 *       layer's weights stay in L2 across the tile.</li>
 * </ul>
 * Accumulation is in float like PyTorch's float32 CPU kernels; results agree with PyTorch to
 * about 1e-7. Immutable and thread-safe.
 */
public final class OfficialAccuracyPredictor implements AccuracyPredictor {
    static final int IN = Mbv3Encoding.SIZE;
    static final int HIDDEN = 400;
    /** Configs per pass: a tile goes through one layer at a time, keeping that layer's weights in L2. */
    static final int TILE = 16;
    /** The state-dict keys of the tutorial's nn.Sequential, in order. */
    public static final List<String> KEYS =
            List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias", "6.weight", "6.bias");

    private final float[][] w1t; // [IN][HIDDEN]: row j = weights from input j
    private final float[] b1;
    private final float[][] w2t; // [HIDDEN in][HIDDEN out]
    private final float[] b2;
    private final float[][] w3t;
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
        int tile = Math.min(TILE, n);
        float[][] h1 = new float[tile][HIDDEN];
        float[][] h2 = new float[tile][HIDDEN];
        int[] active = new int[Mbv3Encoding.MAX_ACTIVE];
        int[] nonZero = new int[HIDDEN];
        for (int start = 0; start < n; start += TILE) {
            int count = Math.min(TILE, n - start);
            for (int t = 0; t < count; t++) {
                int k = Mbv3Encoding.activeInputs(configs.get(start + t), active);
                firstLayer(active, k, h1[t]);
            }
            hiddenLayer(w2t, b2, h1, h2, count, nonZero);
            hiddenLayer(w3t, b3, h2, h1, count, nonZero);
            for (int t = 0; t < count; t++) {
                out[start + t] = output(h1[t]);
            }
        }
        return out;
    }

    /** relu(b1 + Σ W1ᵀ[j]) over the active inputs j: the product with a 0/1 vector. */
    private void firstLayer(int[] active, int k, float[] h) {
        System.arraycopy(b1, 0, h, 0, HIDDEN);
        for (int a = 0; a < k; a++) {
            float[] row = w1t[active[a]];
            for (int o = 0; o < HIDDEN; o++) {
                h[o] += row[o];
            }
        }
        relu(h);
    }

    /**
     * out[t] = relu(b + Σ_i in[t][i] · Wᵀ[i]) for each config t of the tile. The tile goes through
     * one layer at a time so that layer's 640 KB of weights stay in L2.
     */
    private static void hiddenLayer(float[][] wt, float[] b, float[][] in, float[][] out, int count, int[] nonZero) {
        for (int t = 0; t < count; t++) {
            float[] x = in[t];
            float[] y = out[t];
            System.arraycopy(b, 0, y, 0, HIDDEN);
            // ReLU zeroed about half the inputs: list the others without a branch per input
            int n = 0;
            for (int i = 0; i < HIDDEN; i++) {
                nonZero[n] = i;
                n += x[i] != 0f ? 1 : 0;
            }
            int k = 0;
            for (; k + 4 <= n; k += 4) {
                int i1 = nonZero[k];
                int i2 = nonZero[k + 1];
                int i3 = nonZero[k + 2];
                int i4 = nonZero[k + 3];
                axpy4(y, x[i1], wt[i1], x[i2], wt[i2], x[i3], wt[i3], x[i4], wt[i4]);
            }
            for (; k < n; k++) {
                axpy(y, x[nonZero[k]], wt[nonZero[k]]);
            }
            relu(y);
        }
    }

    /**
     * y += a·x over whole arrays. Whole-array loops in small methods are what JDK 17's C2
     * vectorizes; the same loop at a variable offset into one big array is not (measured ~5× slower).
     */
    private static void axpy(float[] y, float a, float[] x) {
        for (int o = 0; o < y.length; o++) {
            y[o] += a * x[o];
        }
    }

    /**
     * Four axpy steps in one pass: one load and store of y per four multiply-adds (~1.5× faster
     * than four passes). Java evaluates left to right, so the rounding equals four single steps.
     */
    private static void axpy4(float[] y, float a1, float[] x1, float a2, float[] x2, float a3, float[] x3,
            float a4, float[] x4) {
        for (int o = 0; o < y.length; o++) {
            y[o] = y[o] + a1 * x1[o] + a2 * x2[o] + a3 * x3[o] + a4 * x4[o];
        }
    }

    private float output(float[] h) {
        float s = 0f;
        for (int i = 0; i < HIDDEN; i++) {
            s += w4[i] * h[i];
        }
        return s + b4;
    }

    private static void relu(float[] h) {
        for (int o = 0; o < h.length; o++) {
            h[o] = Math.max(h[o], 0f);
        }
    }

    /** [rows][cols] row-major → cols arrays of rows values (one per input). */
    private static float[][] transpose(float[] m, int rows, int cols) {
        float[][] t = new float[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c][r] = m[r * cols + c];
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
