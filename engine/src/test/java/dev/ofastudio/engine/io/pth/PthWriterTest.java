package dev.ofastudio.engine.io.pth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.io.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints written by {@link PthWriter} read back through {@link PthReader} unchanged. */
class PthWriterTest {
    @TempDir
    Path dir;

    private static Tensor floats(String key, long[] shape, Random rnd) {
        int n = (int) Tensor.numel(shape);
        ByteBuffer b = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putFloat(i * 4, (float) rnd.nextGaussian());
        }
        return new Tensor(key, shape, DType.FLOAT32, b);
    }

    private static Tensor longs(String key, long[] shape, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            b.putLong(i * 8, values[i]);
        }
        return new Tensor(key, shape, DType.INT64, b);
    }

    /** A small OFA-spelt state dict: conv, BN with its int64 counter, linear. */
    private static Map<String, Tensor> sample() {
        Random rnd = new Random(7);
        Map<String, Tensor> sd = new LinkedHashMap<>();
        for (Tensor t : List.of(
                floats("first_conv.conv.weight", new long[] {16, 3, 3, 3}, rnd),
                floats("first_conv.bn.weight", new long[] {16}, rnd),
                floats("first_conv.bn.bias", new long[] {16}, rnd),
                floats("first_conv.bn.running_mean", new long[] {16}, rnd),
                floats("first_conv.bn.running_var", new long[] {16}, rnd),
                longs("first_conv.bn.num_batches_tracked", new long[0], 1_234_567_890_123L),
                floats("classifier.linear.weight", new long[] {1000, 16}, rnd),
                floats("classifier.linear.bias", new long[] {1000}, rnd),
                longs("steps", new long[] {4}, -1, 0, 70_000, Long.MIN_VALUE),
                floats("empty", new long[] {0, 5}, rnd))) {
            sd.put(t.key(), t);
        }
        return sd;
    }

    @Test
    void stateDictRoundTripsThroughTheReader() throws Exception {
        Map<String, Tensor> sd = sample();
        Path file = dir.resolve("sd.pth");
        PthWriter.writeStateDict(file, sd);
        StateDict back = PthReader.read(file);
        assertEquals(List.copyOf(sd.keySet()), List.copyOf(back.keys()));
        for (Tensor t : sd.values()) {
            Tensor r = back.require(t.key());
            assertArrayEquals(t.shape(), r.shape(), t.key());
            assertEquals(t.dtype(), r.dtype(), t.key());
            assertEquals(t.data(), r.data(), t.key());
        }
    }

    @Test
    void wrappedCheckpointWithNetConfigUnwrapsToTheStateDict() throws Exception {
        Map<String, Tensor> sd = sample();
        ObjectNode netConfig = Json.MAPPER.createObjectNode();
        netConfig.put("name", "MobileNetV3");
        netConfig.putObject("bn").put("momentum", 0.1).put("eps", 1e-5).putNull("ws_eps");
        netConfig.putArray("blocks").addObject().put("expand_ratio", 4).put("use_se", true);
        netConfig.putArray("empty");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("state_dict", sd);
        root.put("net_config", netConfig);
        root.put("epoch", 3_000_000_000L);
        root.put("lr", 0.025);
        root.put("names", List.of("a", "b"));
        root.put("nothing", Collections.emptyMap());
        Path file = dir.resolve("wrapped.pth");
        PthWriter.write(file, root);
        StateDict back = PthReader.read(file);
        assertEquals(List.copyOf(sd.keySet()), List.copyOf(back.keys()));
        assertEquals(sd.get("classifier.linear.weight").data(), back.require("classifier.linear.weight").data());
    }

    @Test
    void storagesAreStoredUncompressedAnd64ByteAligned() throws Exception {
        Path file = dir.resolve("sd.pth");
        PthWriter.writeStateDict(file, sample());
        byte[] all = Files.readAllBytes(file);
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                names.add(e.getName());
                assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
            }
        }
        assertEquals("archive/data.pkl", names.get(0));
        assertTrue(names.contains("archive/version") && names.contains("archive/byteorder"), names.toString());
        // Each local header: signature, name and extra lengths at 26/28, data after them.
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        int entries = 0;
        while (b.getInt(pos) == 0x04034b50) {
            int size = b.getInt(pos + 18);
            int dataStart = pos + 30 + (b.getShort(pos + 26) & 0xffff) + (b.getShort(pos + 28) & 0xffff);
            assertEquals(0, dataStart % 64, "entry " + entries + " data at " + dataStart);
            pos = dataStart + size;
            entries++;
        }
        assertEquals(names.size(), entries);
    }

    @Test
    void sameInputGivesTheSameBytes() throws Exception {
        Path a = dir.resolve("a.pth");
        Path b = dir.resolve("b.pth");
        PthWriter.writeStateDict(a, sample());
        PthWriter.writeStateDict(b, sample());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }
}
