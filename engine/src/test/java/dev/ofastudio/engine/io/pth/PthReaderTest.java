package dev.ofastudio.engine.io.pth;

import static dev.ofastudio.engine.testing.PickleBuilder.floatsLE;
import static dev.ofastudio.engine.testing.PickleBuilder.longsLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.testing.Golden;
import dev.ofastudio.engine.testing.PickleBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints written here opcode by opcode, as torch.save writes them, good and bad. */
class PthReaderTest {
    @TempDir
    Path dir;

    /** A two-tensor state dict pickle: w float32 [2,3] on storage "0", n int64 [] on storage "1". */
    private static PickleBuilder twoTensorDict() {
        PickleBuilder p = new PickleBuilder().proto().orderedDict().mark();
        p.str("w").tensor("FloatStorage", "0", 2, 3);
        p.str("n").tensor("LongStorage", "1");
        return p.op('u');
    }

    private Path checkpoint(String name, byte[] pickle, Map<String, byte[]> storages) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pickle);
        storages.forEach((k, v) -> entries.put("archive/data/" + k, v));
        entries.put("archive/version", "3\n".getBytes());
        return PickleBuilder.zip(dir.resolve(name), entries);
    }

    private Path goodCheckpoint() throws IOException {
        return checkpoint("good.pth", twoTensorDict().stop().bytes(),
                Map.of("0", floatsLE(1, 2, 3, 4, 5, 6), "1", longsLE(42)));
    }

    private static OfaException rejects(Path file) {
        OfaException e = assertThrows(OfaException.class, () -> PthReader.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void readsFloatAndLongTensorsInOrder() throws Exception {
        StateDict d = PthReader.read(goodCheckpoint());
        assertEquals(List.of("w", "n"), List.copyOf(d.keys()));
        Tensor w = d.require("w");
        assertArrayEquals(new long[] {2, 3}, w.shape());
        assertEquals(DType.FLOAT32, w.dtype());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, w.toFloatArray());
        Tensor n = d.require("n");
        assertEquals(DType.INT64, n.dtype());
        assertEquals(0, n.rank());
        assertArrayEquals(new long[] {42}, n.toLongArray());
    }

    @Test
    void unwrapsStateDictKeyOfTrainingCheckpoints() throws Exception {
        PickleBuilder p = new PickleBuilder().proto().op('}').mark();
        p.str("epoch").integer(7);
        p.str("best_acc").op('G').raw(ByteBuffer.allocate(8).putDouble(77.5).array());
        p.str("state_dict");
        p.raw(twoTensorDict().bytes()).op('u').stop();
        // twoTensorDict starts with PROTO; a nested PROTO is legal and ignored
        StateDict d = PthReader.read(checkpoint("wrapped.pth", p.bytes(),
                Map.of("0", floatsLE(1, 2, 3, 4, 5, 6), "1", longsLE(42))));
        assertEquals(List.of("w", "n"), List.copyOf(d.keys()));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, d.require("w").toFloatArray());
    }

    @Test
    void copiesTransposedViewsAndHonoursStorageOffsets() throws Exception {
        PickleBuilder p = new PickleBuilder().proto().orderedDict().mark();
        // t = storage[0..5] seen as [3,2] with strides (1,3): the transpose of [[1,2,3],[4,5,6]]
        p.str("t").tensor("FloatStorage", "0", 6, 0, new long[] {3, 2}, new long[] {1, 3});
        // tail = storage[4..5]
        p.str("tail").tensor("FloatStorage", "0", 6, 4, new long[] {2}, new long[] {1});
        // a parameter wrapper around a tensor
        p.str("param").global("torch._utils", "_rebuild_parameter");
        p.mark().tensor("DoubleStorage", "1", 2).op(0x88).orderedDict().op('t').op('R');
        p.op('u').stop();
        ByteBuffer dbl = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25).putDouble(-8);
        StateDict d = PthReader.read(checkpoint("views.pth", p.bytes(),
                Map.of("0", floatsLE(1, 2, 3, 4, 5, 6), "1", dbl.array())));
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, d.require("t").toFloatArray());
        assertArrayEquals(new float[] {5, 6}, d.require("tail").toFloatArray());
        assertEquals(DType.FLOAT64, d.require("param").dtype());
        assertArrayEquals(new double[] {0.25, -8}, d.require("param").toDoubleArray());
    }

    @Test
    void readsHalfPrecisionValues() throws Exception {
        PickleBuilder p = new PickleBuilder().proto().orderedDict().mark();
        p.str("h").tensor("HalfStorage", "0", 4).op('u').stop();
        // 1.0, -2.0, 0.5, smallest subnormal 2^-24
        ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x3800).putShort((short) 0x0001);
        StateDict d = PthReader.read(checkpoint("half.pth", p.bytes(), Map.of("0", h.array())));
        assertArrayEquals(new float[] {1f, -2f, 0.5f, 0x1p-24f}, d.require("h").toFloatArray());
    }

    @Test
    void readsTheLegacyLayoutOfThePublishedAccuracyPredictor() throws Exception {
        StateDict d = PthReader.read(Golden.officialPredictor());
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias", "6.weight", "6.bias"),
                List.copyOf(d.keys()));
        assertArrayEquals(new long[] {400, 128}, d.require("0.weight").shape());
        assertArrayEquals(new long[] {400, 400}, d.require("2.weight").shape());
        assertArrayEquals(new long[] {1, 400}, d.require("6.weight").shape());
        assertArrayEquals(new long[] {1}, d.require("6.bias").shape());
        for (Tensor t : d.tensors()) {
            for (float f : t.toFloatArray()) {
                assertTrue(Float.isFinite(f), t.key());
            }
        }
    }

    // --- bad input: each must be a one-line OfaException naming the file --------------------

    @Test
    void rejectsAFileThatIsNotAZip() throws Exception {
        Path f = Files.write(dir.resolve("text.pth"), "hello, I am not a checkpoint".getBytes());
        assertTrue(rejects(f).getMessage().contains("not a PyTorch checkpoint"));
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        Path f = Files.write(dir.resolve("empty.pth"), new byte[0]);
        assertTrue(rejects(f).getMessage().contains("empty"));
    }

    @Test
    void rejectsAMissingFile() {
        assertTrue(rejects(dir.resolve("nope.pth")).getMessage().contains("not found"));
    }

    @Test
    void rejectsATruncatedZip() throws Exception {
        byte[] whole = Files.readAllBytes(goodCheckpoint());
        Path f = Files.write(dir.resolve("cut.pth"), Arrays.copyOf(whole, whole.length / 2));
        assertTrue(rejects(f).getMessage().contains("truncated zip"));
    }

    @Test
    void rejectsATruncatedLegacyCheckpoint() throws Exception {
        byte[] whole = Files.readAllBytes(Golden.officialPredictor());
        Path f = Files.write(dir.resolve("cut_legacy.pth"), Arrays.copyOf(whole, whole.length - 1000));
        assertTrue(rejects(f).getMessage().contains("truncated"));
    }

    @Test
    void rejectsAZipWithoutDataPkl() throws Exception {
        Path f = PickleBuilder.zip(dir.resolve("nopkl.pth"), Map.of("archive/data/0", floatsLE(1)));
        assertTrue(rejects(f).getMessage().contains("no data.pkl"));
    }

    @Test
    void rejectsATruncatedPickle() throws Exception {
        byte[] pkl = twoTensorDict().stop().bytes();
        Path f = checkpoint("cutpkl.pth", Arrays.copyOf(pkl, pkl.length - 30),
                Map.of("0", floatsLE(1, 2, 3, 4, 5, 6), "1", longsLE(42)));
        assertTrue(rejects(f).getMessage().contains("truncated pickle"));
    }

    @Test
    void rejectsAPickleHoldingAList() throws Exception {
        byte[] pkl = new PickleBuilder().proto().op(']').mark().integer(1).integer(2).op('e').stop().bytes();
        assertTrue(rejects(checkpoint("list.pth", pkl, Map.of())).getMessage().contains("holds a list"));
    }

    @Test
    void rejectsAPickleHoldingAnInt() throws Exception {
        byte[] pkl = new PickleBuilder().proto().integer(5).stop().bytes();
        assertTrue(rejects(checkpoint("int.pth", pkl, Map.of())).getMessage().contains("holds an int"));
    }

    @Test
    void rejectsADictWhoseValuesAreNotTensors() throws Exception {
        byte[] pkl = new PickleBuilder().proto().op('}').mark().str("lr").integer(3).op('u').stop().bytes();
        String msg = rejects(checkpoint("hyper.pth", pkl, Map.of())).getMessage();
        assertTrue(msg.contains("'lr' is an int"), msg);
    }

    @Test
    void rejectsAnUnsupportedGlobalClassByName() throws Exception {
        byte[] pkl = new PickleBuilder().proto().global("os", "system").mark().str("true").op('t').op('R')
                .stop().bytes();
        String msg = rejects(checkpoint("evil.pth", pkl, Map.of())).getMessage();
        assertTrue(msg.contains("unsupported class 'os.system'"), msg);
    }

    @Test
    void rejectsAnUnsupportedOpcodeByName() throws Exception {
        byte[] pkl = new PickleBuilder().proto().op(0x81).stop().bytes();
        String msg = rejects(checkpoint("newobj.pth", pkl, Map.of())).getMessage();
        assertTrue(msg.contains("NEWOBJ"), msg);
    }

    @Test
    void rejectsAMissingStorageEntry() throws Exception {
        Path f = checkpoint("nostorage.pth", twoTensorDict().stop().bytes(), Map.of("0", floatsLE(1, 2, 3, 4, 5, 6)));
        String msg = rejects(f).getMessage();
        assertTrue(msg.contains("archive/data/1") && msg.contains("'n'"), msg);
    }

    @Test
    void rejectsAStorageShorterThanItsTensor() throws Exception {
        Path f = checkpoint("short.pth", twoTensorDict().stop().bytes(),
                Map.of("0", floatsLE(1, 2, 3), "1", longsLE(42)));
        assertTrue(rejects(f).getMessage().contains("storage '0'"));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a guard against hangs, not a speed check
    void rejectsRandomGarbageWithoutHanging() throws Exception {
        Random rnd = new Random(7);
        byte[] good = twoTensorDict().stop().bytes();
        for (int i = 0; i < 300; i++) {
            byte[] pkl = good.clone();
            for (int k = 0; k < 1 + rnd.nextInt(6); k++) {
                pkl[rnd.nextInt(pkl.length)] = (byte) rnd.nextInt(256);
            }
            Path f = checkpoint("fuzz" + i + ".pth", pkl, Map.of("0", floatsLE(1, 2, 3, 4, 5, 6), "1", longsLE(42)));
            try {
                PthReader.read(f);
            } catch (OfaException e) {
                assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
            }
        }
        for (int i = 0; i < 50; i++) {
            byte[] junk = new byte[1 + rnd.nextInt(400)];
            rnd.nextBytes(junk);
            junk[0] = (byte) 0x80; // looks like a legacy pickle
            Path f = Files.write(dir.resolve("junk" + i + ".pth"), junk);
            rejects(f);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a guard against hangs, not a speed check
    void rejectsDamagedLegacyPicklesWithoutHanging() throws Exception {
        // the pickles of the legacy layout and the first storage (it starts at byte 1229)
        byte[] good = Arrays.copyOf(Files.readAllBytes(Golden.officialPredictor()), 1400);
        Random rnd = new Random(11);
        Path f = dir.resolve("damaged_legacy.pth");
        for (int i = 0; i < 200; i++) {
            byte[] bad = good.clone();
            for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                bad[1 + rnd.nextInt(1300)] = (byte) rnd.nextInt(256); // inside the pickles, not the raw floats
            }
            Files.write(f, bad);
            try {
                PthReader.read(f);
            } catch (OfaException e) {
                assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            }
        }
    }
}
