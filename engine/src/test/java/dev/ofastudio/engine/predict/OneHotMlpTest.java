package dev.ofastudio.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tiled, row-blocked, zero-skipping kernel against the plain definition: each output is
 * {@code b + Σ_i x_i·W[o][i]} summed in float in increasing {@code i}, then ReLU. Adding a zero
 * term changes no nonzero sum and ReLU clears the sign of a zero one, so the two agree bit for bit.
 */
class OneHotMlpTest {
    static final int INPUTS = 30;
    /** Not a multiple of four or of the row block, so the tails run too. */
    static final int HIDDEN = 2 * OneHotMlp.ROW_BLOCK + 7;
    static final int LAYERS = 3;

    @Test
    void equalsThePlainFloatEvaluationBitForBitAcrossTilesAndRowBlocks() {
        Random rnd = new Random(5);
        List<float[]> weights = new ArrayList<>();
        weights.add(gaussian(rnd, HIDDEN * INPUTS));
        weights.add(gaussian(rnd, HIDDEN));
        for (int l = 1; l < LAYERS; l++) {
            weights.add(gaussian(rnd, HIDDEN * HIDDEN));
            weights.add(gaussian(rnd, HIDDEN));
        }
        weights.add(gaussian(rnd, HIDDEN));
        float offset = 0.25f;
        OneHotMlp mlp = new OneHotMlp(INPUTS, HIDDEN, weights, offset);

        int n = 2 * OneHotMlp.TILE + 3;
        int[][] active = new int[n][INPUTS];
        int[] counts = new int[n];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < INPUTS; i++) {
                if (rnd.nextInt(3) == 0) {
                    active[t][counts[t]++] = i;
                }
            }
        }
        double[] got = mlp.predict(active, counts);
        for (int t = 0; t < n; t++) {
            float[] x = new float[INPUTS];
            for (int k = 0; k < counts[t]; k++) {
                x[active[t][k]] = 1f;
            }
            assertEquals(plain(weights, offset, x), got[t], 0.0, "config " + t);
        }
    }

    /** The textbook evaluation: dense row-major layers, float sums in input order. */
    private static double plain(List<float[]> w, float offset, float[] input) {
        float[] x = input;
        for (int l = 0; l < LAYERS; l++) {
            float[] m = w.get(2 * l);
            float[] b = w.get(2 * l + 1);
            float[] y = new float[HIDDEN];
            for (int o = 0; o < HIDDEN; o++) {
                float s = b[o];
                for (int i = 0; i < x.length; i++) {
                    s += x[i] * m[o * x.length + i];
                }
                y[o] = Math.max(s, 0f);
            }
            x = y;
        }
        float[] out = w.get(2 * LAYERS);
        float s = 0f;
        for (int i = 0; i < HIDDEN; i++) {
            s += out[i] * x[i];
        }
        return s + offset;
    }

    private static float[] gaussian(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }
}
