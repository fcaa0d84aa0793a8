package dev.ofastudio.engine.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.pth.StateDict;
import dev.ofastudio.engine.io.pth.Tensor;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Our own checkpoints, extracted-model directories and state-dict import errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupernetCheckpointTest {
    static final Mbv3Space SPACE = SearchSpace.mobileNetV3(1.0).withNumClasses(5);
    static final SubnetConfig CONFIG = ElasticSupernetTest.random(new Random(11), 0, 40);
    NDManager manager;
    OfaSupernet net;
    NDArray x;

    @TempDir
    Path tmp;

    @BeforeAll
    void build() throws Exception {
        manager = NDManager.newBaseManager();
        net = new OfaSupernet(SPACE);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 40, 40));
        Random rnd = new Random(1);
        float[] v = new float[2 * 3 * 40 * 40];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        x = manager.create(v, new Shape(2, 3, 40, 40));
        net.setActiveSubnet(CONFIG);
        // one training-mode pass, so running statistics and counters are not the defaults
        try (NDManager sub = manager.newSubManager()) {
            net.forward(new ParameterStore(sub, false), x.duplicate(), true);
        }
    }

    @AfterAll
    void close() {
        manager.close();
    }

    float[] logits(OfaSupernet n) throws OfaException {
        n.setActiveSubnet(CONFIG);
        try (NDManager sub = manager.newSubManager()) {
            NDArray in = x.duplicate();
            in.attach(sub);
            return n.forward(new ParameterStore(sub, false), in, false).toFloatArray();
        }
    }

    StateDict stateDict(Map<String, Tensor> tensors) {
        return new StateDict(null, tensors);
    }

    @Test
    void savedCheckpointLoadsBackToTheSameFunctionAndCounters() throws Exception {
        Path file = tmp.resolve("super.ofa");
        SupernetFiles.save(net, file);
        OfaSupernet back = SupernetFiles.load(file, manager);
        assertEquals(SPACE, back.space());
        assertArrayEquals(logits(net), logits(back));
        assertEquals(1, back.block(0).expandBn().numBatchesTracked());
        assertEquals(net.allBatchNorms().size(), back.allBatchNorms().size());
    }

    @Test
    void halfCopyIsHalfTheSizeAndComputesTheSameFunctionToHalfPrecision() throws Exception {
        Path file = tmp.resolve("full.ofa");
        Path half = tmp.resolve("half.ofa");
        SupernetFiles.save(net, file);
        SupernetFiles.saveHalf(file, half);
        double ratio = (double) Files.size(half) / Files.size(file);
        assertTrue(ratio > 0.49 && ratio < 0.52, "size ratio " + ratio);
        assertEquals("float16", CheckpointFile.read(half).header().path("precision").asText());
        OfaSupernet back = SupernetFiles.load(half, manager);
        assertEquals(SPACE, back.space());
        float[] want = logits(net);
        float[] got = logits(back);
        double scale = 0;
        for (float w : want) {
            scale = Math.max(scale, Math.abs(w));
        }
        for (int i = 0; i < want.length; i++) {
            // float16 keeps 11 significant bits: weights move by at most 2^-11 relative.
            assertEquals(want[i], got[i], 0.02 * scale + 1e-3, "logit " + i);
        }
        assertEquals(1, back.block(0).expandBn().numBatchesTracked());
    }

    @Test
    void truncatedOrCorruptedCheckpointsAreRefused() throws Exception {
        Path file = tmp.resolve("whole.ofa");
        SupernetFiles.save(net, file);
        byte[] all = Files.readAllBytes(file);
        Path cut = tmp.resolve("cut.ofa");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        OfaException e = assertThrows(OfaException.class, () -> SupernetFiles.load(cut, manager));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        all[all.length / 3] ^= 0x40;
        Path bad = tmp.resolve("bad.ofa");
        Files.write(bad, all);
        e = assertThrows(OfaException.class, () -> SupernetFiles.load(bad, manager));
        assertTrue(e.getMessage().contains("corrupted"), e.getMessage());
    }

    @Test
    void missingAndExtraKeysAreListed() {
        Map<String, Tensor> t = new LinkedHashMap<>(SupernetFiles.tensors(net.stateDict(), net.allBatchNorms()));
        t.remove("blocks.7.conv.depth_conv.conv.7to5_matrix");
        t.remove("classifier.linear.bias");
        t.put("blocks.21.conv.point_linear.bn.bn.weight", CheckpointFile.floats("blocks.21.conv.point_linear.bn.bn.weight",
                new long[] {2}, new float[2]));
        OfaException e = assertThrows(OfaException.class,
                () -> SupernetFiles.fromStateDict(stateDict(t), SPACE, manager, "bad.pth"));
        assertTrue(e.getMessage().startsWith("bad.pth: "), e.getMessage());
        assertTrue(e.getMessage().contains("missing 2 keys [blocks.7.conv.depth_conv.conv.7to5_matrix, "
                + "classifier.linear.bias]"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected 1 keys [blocks.21.conv.point_linear.bn.bn.weight]"),
                e.getMessage());
    }

    @Test
    void aWrongShapeNamesTheTensorExpectedAndFound() {
        Map<String, Tensor> t = new LinkedHashMap<>(SupernetFiles.tensors(net.stateDict(), net.allBatchNorms()));
        String key = "blocks.3.conv.inverted_bottleneck.conv.conv.weight";
        t.put(key, CheckpointFile.floats(key, new long[] {96, 24, 1, 1}, new float[96 * 24]));
        OfaException e = assertThrows(OfaException.class,
                () -> SupernetFiles.fromStateDict(stateDict(t), SPACE, manager, "bad.pth"));
        assertTrue(e.getMessage().contains(key + ": expected shape [144, 24, 1, 1], found [96, 24, 1, 1]"),
                e.getMessage());
    }

    @Test
    void officialStaticKeySpellingsAreAccepted() throws Exception {
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (Tensor v : SupernetFiles.tensors(net.stateDict(), net.allBatchNorms()).values()) {
            // the released checkpoints: mobile_inverted_conv, single bn., single conv.weight
            String k = v.key().replace(".conv.inverted", ".mobile_inverted_conv.inverted")
                    .replace(".conv.depth_conv", ".mobile_inverted_conv.depth_conv")
                    .replace(".conv.point_linear", ".mobile_inverted_conv.point_linear")
                    .replace(".bn.bn.", ".bn.").replace(".conv.conv.weight", ".conv.weight");
            t.put(k, new Tensor(k, v.shape(), v.dtype(), v.data()));
        }
        OfaSupernet back = SupernetFiles.fromStateDict(stateDict(t), SPACE, manager, "official.pth");
        assertArrayEquals(logits(net), logits(back));
    }

    @Test
    void extractedDirectoryReadsBackToTheSameLogits() throws Exception {
        Path dir = tmp.resolve("sub");
        StaticMobileNetV3 sub = SubnetExtractor.extract(net, CONFIG, manager);
        SubnetExport.write(sub, CONFIG, dir);
        SubnetExport.write(sub, CONFIG, dir); // replacing an earlier export works too
        StaticMobileNetV3 back = SubnetExport.read(dir, manager);
        assertEquals(sub.spec(), back.spec());
        try (NDManager s = manager.newSubManager()) {
            NDArray in = x.duplicate();
            in.attach(s);
            float[] expected = logits(net);
            float[] actual = back.forward(new ParameterStore(s, false), in, false).toFloatArray();
            assertTrue(ElasticSupernetTest.maxAbsDiff(expected, actual) <= 1e-5);
        }
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".sub")), "no temp leftovers");
        }
    }
}
