package dev.ofastudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleAndOptimizerTest {
    @Test
    void warmupRampsThenCosineDecaysToZero() {
        assertEquals(0.01, LearningRate.at(0.1, 0, 100, 10), 1e-12);
        assertEquals(0.1, LearningRate.at(0.1, 9, 100, 10), 1e-12);
        assertEquals(0.1, LearningRate.at(0.1, 10, 100, 10), 1e-12);
        assertEquals(0.05, LearningRate.at(0.1, 55, 100, 10), 1e-12);
        assertEquals(0.5 * 0.1 * (1 + Math.cos(Math.PI * 89 / 90)), LearningRate.at(0.1, 99, 100, 10), 1e-12);
        assertEquals(0.1, LearningRate.at(0.1, 0, 5, 0), 1e-12);
    }

    @Test
    void noWeightDecayOnBnAndBias() {
        assertTrue(NesterovSgd.decays("blocks.3.conv.depth_conv.conv.conv.weight"));
        assertFalse(NesterovSgd.decays("blocks.3.conv.depth_conv.bn.bn.weight"));
        assertFalse(NesterovSgd.decays("classifier.linear.bias"));
        assertFalse(NesterovSgd.decays("first_conv.bn.bias"));
    }

    /** Three steps against PyTorch's documented SGD(nesterov=True) update, computed in doubles. */
    @Test
    void matchesTorchNesterovUpdate() {
        double lr = 0.1;
        double mom = 0.9;
        double wd = 0.01;
        float[] w0 = {1f, -2f, 0.5f};
        float[][] grads = {{0.3f, -0.1f, 0.2f}, {0.1f, 0.4f, -0.5f}, {-0.2f, 0.05f, 0.3f}};
        double[] w = {1, -2, 0.5};
        double[] buf = new double[3];
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 3; i++) {
                double d = grads[s][i] + wd * w[i];
                buf[i] = s == 0 ? d : mom * buf[i] + d;
                w[i] -= lr * (d + mom * buf[i]);
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
            p.setArray(m.create(w0));
            p.getArray().setRequiresGradient(true);
            Map<String, Parameter> params = new LinkedHashMap<>();
            params.put("conv.weight", p);
            NesterovSgd sgd = new NesterovSgd(params, mom, wd);
            for (float[] g : grads) {
                // d(w·g)/dw = g: the gradient comes from a real backward, as in training.
                try (NDManager scope = m.newSubManager();
                        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(p.getArray().mul(scope.create(g)).sum());
                }
                sgd.step(lr);
                sgd.zeroGradients();
            }
            float[] got = p.getArray().toFloatArray();
            float[] want = {(float) w[0], (float) w[1], (float) w[2]};
            assertArrayEquals(want, got, 1e-6f);
            assertEquals(1, sgd.state().size());
        }
    }
    /**
     * A step leaves nothing behind in the model's manager: temporaries made from a weight belong to
     * that manager, and three gradient-sized copies per step once filled 21 GB in 260 steps.
     */
    @Test
    void stepsKeepNoTemporariesInTheModelManager() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
            p.setArray(m.create(new float[] {1f, -2f, 0.5f}));
            p.getArray().setRequiresGradient(true);
            Map<String, Parameter> params = new LinkedHashMap<>();
            params.put("conv.weight", p);
            NesterovSgd sgd = new NesterovSgd(params, 0.9, 0.01);
            int[] held = new int[6];
            for (int s = 0; s < held.length; s++) {
                try (NDManager scope = m.newSubManager();
                        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(scope.create(new float[] {0.3f, -0.1f, 0.2f}).mul(p.getArray()).sum());
                }
                sgd.gradientNorm();
                sgd.step(0.1, 0.5);
                sgd.zeroGradients();
                held[s] = ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size();
            }
            // The first step adds the momentum buffer; later steps add nothing.
            for (int s = 2; s < held.length; s++) {
                assertEquals(held[1], held[s], "arrays held by the model manager after step " + s);
            }
        }
    }
}
