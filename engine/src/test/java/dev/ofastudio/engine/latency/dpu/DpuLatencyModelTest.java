package dev.ofastudio.engine.latency.dpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.arch.FeatureShape;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.LayerType;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.Op;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.latency.LatencyModel.LayerLatency;
import dev.ofastudio.engine.latency.dpu.LayerReport.Bound;
import dev.ofastudio.engine.space.Activation;
import dev.ofastudio.engine.space.SearchSpace;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DpuLatencyModelTest {
    static BoardSpec zcu102;
    static DpuLatencyModel model;
    static final SearchSpace W10 = SearchSpace.mobileNetV3(1.0);

    @BeforeAll
    static void load() throws Exception {
        zcu102 = BoardSpecs.load("zcu102");
        model = new DpuLatencyModel(zcu102);
    }

    static Layer convLayer(FeatureShape in, int outC, int k, int stride, Activation act) {
        Op op = Op.conv("conv", in, outC, k, stride, act, false, true);
        return new Layer("c", LayerType.CONV, -1, in, op.out(), k, stride, 0, 0, false, 0, act, false, List.of(op));
    }

    @Test
    void countsComputeCyclesWithTheCeilingOfEachParallelism() {
        // 56x56x64 -> 17 output channels, 3x3: ⌈17/16⌉ = 2 output-channel tiles, like 32 channels.
        Op seventeen = convLayer(FeatureShape.square(56, 64), 17, 3, 1, Activation.RELU).ops().get(0);
        Op thirtyTwo = convLayer(FeatureShape.square(56, 64), 32, 3, 1, Activation.RELU).ops().get(0);
        Op sixteen = convLayer(FeatureShape.square(56, 64), 16, 3, 1, Activation.RELU).ops().get(0);
        assertEquals(model.cycles(thirtyTwo), model.cycles(seventeen));
        assertEquals(2 * model.cycles(sixteen), model.cycles(seventeen));
        // 56 rows x ⌈56/8⌉ pixel tiles x 1 oc tile x 9 taps x ⌈64/16⌉ ic tiles.
        assertEquals(56.0 * 7 * 1 * 9 * 4, model.cycles(sixteen));
        // A 57-wide output needs ⌈57/8⌉ = 8 pixel tiles, as many as 64.
        Op w57 = Op.conv("c", new FeatureShape(56, 57, 64), 16, 3, 1, Activation.RELU, false, true);
        assertEquals(56.0 * 8 * 9 * 4, model.cycles(w57));
    }

    @Test
    void countsBytesAsInt8WeightsBiasAndFeatureMaps() {
        Op op = convLayer(FeatureShape.square(14, 32), 64, 3, 1, Activation.RELU).ops().get(0);
        long weights = 32L * 64 * 9 + 64;
        assertEquals(weights + 14 * 14 * 32 + 14 * 14 * 64, model.bytesMoved(op));
    }

    @Test
    void splitsLayerTrafficIntoWeightsInputsAndOutputsAndFusesTheResidualAdd() {
        NetworkDescription net = ReferenceNetworks.describeUnchecked("resnet18");
        Layer block = net.layer("layer1.0");
        DpuLatencyModel.Traffic t = model.traffic(block);
        long fmap = 56L * 56 * 64;
        // Two 3x3 convs 64->64 (+ bias), each reading and writing one map; the add loads the shortcut only.
        assertEquals(2 * (64L * 64 * 9 + 64), t.weightBytes());
        assertEquals(2 * fmap + fmap, t.inputBytes());
        assertEquals(2 * fmap, t.outputBytes());
        assertEquals(model.analyze(block).bytes(), t.total());
    }

    @Test
    void runsDepthwiseOnTheNarrowerAluEngine() {
        FeatureShape in = FeatureShape.square(28, 64);
        Op dw = Op.depthwise("dw", in, 3, 1, Activation.RELU);
        // 28 rows x ⌈28/4⌉ ALU pixel tiles x ⌈64/16⌉ channel tiles x ⌈9/4⌉ tap groups.
        assertEquals(28.0 * 7 * 4 * 3, model.cycles(dw));
        Op dense = Op.conv("pw", in, 64, 1, 1, Activation.RELU, false, true);
        double dwMacsPerCycle = dw.macs() / model.cycles(dw);
        double denseMacsPerCycle = dense.macs() / model.cycles(dense);
        assertTrue(dwMacsPerCycle * 8 < denseMacsPerCycle, dwMacsPerCycle + " vs " + denseMacsPerCycle);
    }

    @Test
    void hardSwishRunsOnTheCpuOfAnOldInstructionSet() {
        DpuLatencyModel isa0 = new DpuLatencyModel(zcu102.withIsa(0));
        NetworkDescription net = W10.describe(W10.minConfig(224));
        NetworkReport old = isa0.analyze(net);
        NetworkReport now = model.analyze(net);
        assertEquals(Bound.CPU, old.layers().get(0).bound(), "first conv is hard-swish");
        assertFalse(now.layers().stream().anyMatch(l -> l.bound() == Bound.CPU));
        // ReLU-only block 0 stays on the DPU either way.
        assertEquals(now.layers().get(1).latencyMs(), old.layers().get(1).latencyMs(), 1e-12);
        assertTrue(old.latencyMs() > 5 * now.latencyMs(), old.latencyMs() + " vs " + now.latencyMs());
    }

    @Test
    void reluNetworksDoNotCareAboutTheInstructionSet() {
        NetworkDescription net = ReferenceNetworks.describeUnchecked("resnet50");
        assertEquals(model.analyze(net).latencyMs(), new DpuLatencyModel(zcu102.withIsa(0)).analyze(net).latencyMs(),
                1e-12);
    }

    @Test
    void vggClassifierIsMemoryBoundAndItsConvsComputeBound() {
        NetworkReport r = model.analyze(ReferenceNetworks.describeUnchecked("vgg16"));
        LayerReport fc6 = r.layers().stream().filter(l -> l.name().equals("fc6")).findFirst().orElseThrow();
        LayerReport conv = r.layers().stream().filter(l -> l.name().equals("conv3_2")).findFirst().orElseThrow();
        assertEquals(Bound.MEMORY, fc6.bound());
        assertEquals(Bound.COMPUTE, conv.bound());
        assertTrue(fc6.opsPerByte() < 3, "batch-1 FC reads each weight once: " + fc6.opsPerByte());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobilenetv1", "mobilenetv2", "resnet18", "resnet50", "vgg16"})
    void neverExceedsThePeakAndAddsTheFrameOverheadOnce(String name) {
        NetworkReport r = model.analyze(ReferenceNetworks.describeUnchecked(name));
        for (LayerReport l : r.layers()) {
            assertTrue(l.peakFraction() > 0 && l.peakFraction() <= 1, l.name() + " " + l.peakFraction());
            assertTrue(l.latencyMs() > 0 && l.bytes() > 0, l.name());
        }
        assertEquals(zcu102.cpu().frameOverheadMs(), r.frameOverheadMs(), 1e-9);
        assertEquals(r.ops(), r.layers().stream().mapToLong(LayerReport::ops).sum());
        assertEquals(r.opsPerByte(), (double) r.ops() / r.bytes(), 1e-9);
        assertEquals(r.gopsPerS() * 1e9 / zcu102.peakOpsPerS(), r.peakFraction(), 1e-12);
    }

    @Test
    void asALatencyModelGivesLayerKeysAndTheEndToEndSum() {
        NetworkDescription net = W10.describe(W10.maxConfig(192));
        List<LayerLatency> layers = model.layers(net);
        assertEquals(net.layers().size(), layers.size());
        double sum = 0;
        for (int i = 0; i < layers.size(); i++) {
            assertEquals(net.layers().get(i).lutKey(), layers.get(i).key());
            sum += layers.get(i).latencyMs();
        }
        assertEquals(sum + zcu102.cpu().frameOverheadMs(), model.latencyMs(net), 1e-9);
        assertEquals(model.analyze(net).latencyMs(), model.latencyMs(net), 1e-9);
    }

    @Test
    void aSmallerCoreIsSlowerOnComputeBoundWork() {
        BoardSpec b1024 = new BoardSpec("b1024", "test", "DPUCZDX8G", BoardSpecs.archs().get("B1024"), 1, 281, 1,
                false, 4, 4, true, 17, 2, 128, zcu102.cpu(), List.of());
        NetworkDescription net = ReferenceNetworks.describeUnchecked("resnet50");
        double big = model.analyze(net).dpuMs();
        double small = new DpuLatencyModel(b1024).analyze(net).dpuMs();
        assertTrue(small > 2.5 * big, small + " vs " + big);
    }

    @Test
    void higherClockIsFaster() {
        NetworkDescription net = ReferenceNetworks.describeUnchecked("mobilenetv2");
        try {
            double zcu102Ms = model.analyze(net).dpuMs();
            double zcu104Ms = new DpuLatencyModel(BoardSpecs.load("zcu104")).analyze(net).dpuMs();
            // Cycles and port bandwidth scale with the clock; the fixed per-op overhead does not.
            double ratio = zcu104Ms / zcu102Ms;
            assertTrue(ratio >= 281.0 / 300.0 - 1e-12 && ratio < 1, "ratio " + ratio);
        } catch (dev.ofastudio.engine.OfaException e) {
            throw new AssertionError(e);
        }
    }
}
