package dev.ofastudio.engine.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Elastic behaviour on freshly initialised supernets (no checkpoint needed). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticSupernetTest {
    NDManager manager;

    @BeforeAll
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    void close() {
        manager.close();
    }

    OfaSupernet fresh(double width, int classes) {
        OfaSupernet net = new OfaSupernet(SearchSpace.mobileNetV3(width).withNumClasses(classes));
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        return net;
    }

    NDArray input(NDManager m, int n, int r, long seed) {
        Random rnd = new Random(seed);
        float[] v = new float[n * 3 * r * r];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return m.create(v, new Shape(n, 3, r, r));
    }

    float[] eval(OfaSupernet net, SubnetConfig c, long seed) throws OfaException {
        net.setActiveSubnet(c);
        try (NDManager sub = manager.newSubManager()) {
            return net.forward(new ParameterStore(sub, false), input(sub, 2, c.r(), seed), false).toFloatArray();
        }
    }

    static SubnetConfig random(Random rnd, int e, int r) {
        int[] ks = new int[20];
        int[] ex = new int[20];
        int[] d = new int[5];
        for (int i = 0; i < 20; i++) {
            ks[i] = new int[] {3, 5, 7}[rnd.nextInt(3)];
            ex[i] = e > 0 ? e : new int[] {3, 4, 6}[rnd.nextInt(3)];
        }
        for (int s = 0; s < 5; s++) {
            d[s] = 2 + rnd.nextInt(3);
        }
        return new SubnetConfig(ks, ex, d, r);
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @ParameterizedTest(name = "expand stage {0}")
    @ValueSource(ints = {0, 1})
    void channelSortingKeepsEveryMaxExpandSubnetUnchanged(int stage) throws Exception {
        OfaSupernet net = fresh(1.0, 10);
        Random rnd = new Random(7 + stage);
        SubnetConfig[] configs = {SearchSpace.mobileNetV3(1.0).maxConfig(48), random(rnd, 6, 40), random(rnd, 6, 56)};
        float[][] before = new float[configs.length][];
        for (int i = 0; i < configs.length; i++) {
            before[i] = eval(net, configs[i], i);
        }
        float[] pwBefore = net.block(0).pointWeight().getArray().toFloatArray();
        ChannelSorter.reorganize(net, stage);
        assertFalse(java.util.Arrays.equals(pwBefore, net.block(0).pointWeight().getArray().toFloatArray()),
                "the sort must actually permute channels");
        for (int i = 0; i < configs.length; i++) {
            float[] after = eval(net, configs[i], i);
            assertTrue(maxAbsDiff(before[i], after) <= 1e-4, "config " + i + ": diff " + maxAbsDiff(before[i], after));
        }
    }

    @Test
    void trainingAK3SubnetSendsGradientsToTheShared7x7WeightAndBothTransforms() throws Exception {
        OfaSupernet net = fresh(1.0, 10);
        for (Parameter p : net.getParameters().values()) {
            if (p.requiresGradient()) {
                p.getArray().setRequiresGradient(true);
            }
        }
        SubnetConfig k3 = SubnetConfig.uniform(3, 4, 2, 32);
        net.setActiveSubnet(k3);
        try (NDManager sub = manager.newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = net.forward(new ParameterStore(sub, false), input(sub, 4, 32, 1), true);
            gc.backward(logits.square().sum());
        }
        ElasticMBConvBlock b = net.block(0);
        int mid = b.activeMid(16);
        NDArray g = b.depthWeight().getArray().getGradient();
        assertTrue(g.get(new NDIndex(":{}, :, 1:6, 1:6", mid)).abs().sum().getFloat() > 0, "centre 5x5 of active channels");
        assertEquals(0f, g.get(new NDIndex(":, :, 0, :")).abs().sum().getFloat(), "outer ring is never used");
        assertEquals(0f, g.get(new NDIndex("{}:", mid)).abs().sum().getFloat(), "inactive mid channels");
        for (Parameter t : b.transforms()) {
            assertTrue(t.getArray().getGradient().abs().sum().getFloat() > 0, t.getName());
        }
        assertTrue(b.expandWeight().getArray().getGradient().abs().sum().getFloat() > 0);
        assertEquals(0f, net.block(3).expandWeight().getArray().getGradient().abs().sum().getFloat(),
                "block 4 is beyond depth 2");
    }

    @Test
    void trainingModeUpdatesOnlyTheActiveRunningStatistics() throws Exception {
        OfaSupernet net = fresh(1.0, 10);
        SubnetConfig c = SubnetConfig.uniform(5, 3, 2, 32);
        net.setActiveSubnet(c);
        ElasticBatchNorm bn = net.block(0).expandBn();
        int mid = net.block(0).activeMid(16);
        float[] skippedBefore = net.block(2).expandBn().runningMean().getArray().toFloatArray();
        try (NDManager sub = manager.newSubManager()) {
            net.forward(new ParameterStore(sub, false), input(sub, 4, 32, 3), true);
        }
        float[] mean = bn.runningMean().getArray().toFloatArray();
        float[] var = bn.runningVar().getArray().toFloatArray();
        assertTrue(mean[0] != 0f && var[0] != 1f, "active channel moved");
        for (int i = mid; i < mean.length; i++) {
            assertEquals(0f, mean[i]);
            assertEquals(1f, var[i]);
        }
        assertEquals(1, bn.numBatchesTracked());
        assertArrayEquals(skippedBefore, net.block(2).expandBn().runningMean().getArray().toFloatArray());
        assertEquals(0, net.block(2).expandBn().numBatchesTracked());
    }

    @Test
    void rejectsAKernelOutsideTheSpace() {
        OfaSupernet net = fresh(1.0, 10);
        SubnetConfig bad = SubnetConfig.uniform(7, 6, 4, 64).withBlock(5, 4, 6);
        OfaException e = assertThrows(OfaException.class, () -> net.setActiveSubnet(bad));
        assertTrue(e.getMessage().contains("ks[5]"), e.getMessage());
    }

    @Test
    void width12SupernetWithAThousandClassesExtractsTheDescribedParameterCount() throws Exception {
        OfaSupernet net = fresh(1.2, 1000);
        SearchSpace space = net.space();
        SubnetConfig c = random(new Random(3), 0, 40);
        float[] logits = eval(net, c, 5);
        assertEquals(2 * 1000, logits.length);
        try (NDManager sub = manager.newSubManager()) {
            StaticMobileNetV3 extracted = SubnetExtractor.extract(net, c, sub);
            assertEquals(space.describe(c).params(), extracted.trainableParameterCount());
            float[] out = extracted.forward(new ParameterStore(sub, false), input(sub, 2, 40, 5), false).toFloatArray();
            assertTrue(maxAbsDiff(logits, out) <= 1e-4);
        }
    }
}
