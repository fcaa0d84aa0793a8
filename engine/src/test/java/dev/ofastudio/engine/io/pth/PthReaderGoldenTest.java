package dev.ofastudio.engine.io.pth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader against the golden supernet checkpoint and its key list (made by torch.save itself). */
class PthReaderGoldenTest {
    private static StateDict dict;
    private static JsonNode keys;

    @BeforeAll
    static void read() throws Exception {
        dict = PthReader.read(Golden.golden("ofa_mbv3_w1.0_c10.pth"));
        keys = Golden.json("ofa_mbv3_w1.0_c10.keys.json");
    }

    @Test
    void readsEveryKeyInCheckpointOrderWithShapeAndDtype() {
        JsonNode list = keys.get("keys");
        assertEquals(475, list.size());
        assertEquals(475, dict.size());
        List<String> expectedOrder = new ArrayList<>();
        list.forEach(k -> expectedOrder.add(k.get("key").asText()));
        assertEquals(expectedOrder, List.copyOf(dict.keys()));
        for (JsonNode k : list) {
            Tensor t = dict.get(k.get("key").asText());
            long[] shape = new long[k.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = k.get("shape").get(i).asLong();
            }
            assertArrayEquals(shape, t.shape(), t.key());
            assertEquals(k.get("dtype").asText(), t.dtype().torchName(), t.key());
            assertEquals(k.get("numel").asLong(), t.numel(), t.key());
            assertEquals(k.get("storage_type").asText(), t.dtype().storageClass(), t.key());
        }
    }

    @Test
    void floatParameterCountMatchesTheKeyList() {
        long floats = dict.tensors().stream().filter(t -> t.dtype() == DType.FLOAT32).mapToLong(Tensor::numel).sum();
        assertEquals(keys.get("n_float_params_in_state_dict").asLong(), floats);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "first_conv.conv.weight",
        "blocks.7.conv.depth_conv.conv.7to5_matrix",
        "blocks.20.conv.point_linear.bn.bn.running_var",
        "feature_mix_layer.conv.weight",
        "classifier.linear.weight",
        "classifier.linear.bias"
    })
    void floatValuesEqualTheRawLittleEndianZipEntry(String key) throws IOException {
        JsonNode entry = entryOf(key);
        float[] raw = rawFloats(entry.get("zip_entry").asText());
        float[] read = dict.get(key).toFloatArray();
        assertArrayEquals(raw, read, key);
        double rawSum = 0;
        double readSum = 0;
        for (int i = 0; i < raw.length; i++) {
            rawSum += raw[i];
            readSum += read[i];
        }
        assertEquals(rawSum, readSum, 0.0, key);
    }

    @Test
    void batchCountersAreInt64Zeros() {
        Tensor t = dict.get("first_conv.bn.num_batches_tracked");
        assertEquals(DType.INT64, t.dtype());
        assertArrayEquals(new long[0], t.shape());
        assertArrayEquals(new long[] {0L}, t.toLongArray());
    }

    private static JsonNode entryOf(String key) {
        for (JsonNode k : keys.get("keys")) {
            if (k.get("key").asText().equals(key)) {
                return k;
            }
        }
        throw new AssertionError("no key " + key + " in keys.json");
    }

    /** Reads a zip entry with java.util.zip directly, independent of PthReader. */
    private static float[] rawFloats(String entryName) throws IOException {
        try (ZipFile z = new ZipFile(Golden.golden("ofa_mbv3_w1.0_c10.pth").toFile());
                InputStream in = z.getInputStream(z.getEntry(entryName))) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] f = new float[b.remaining() / 4];
            b.asFloatBuffer().get(f);
            return f;
        }
    }
}
