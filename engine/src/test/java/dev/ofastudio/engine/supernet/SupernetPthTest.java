package dev.ofastudio.engine.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.io.pth.PthReader;
import dev.ofastudio.engine.io.pth.StateDict;
import dev.ofastudio.engine.io.pth.Tensor;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.testing.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer's .pth output: OFA's own keys, order, shapes and dtypes (the reference key list). */
class SupernetPthTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheReferenceStateDictLayout() throws Exception {
        JsonNode keys = Golden.json("ofa_mbv3_w1.0_c10.keys.json");
        JsonNode list = keys.has("keys") ? keys.get("keys") : keys.get("tensors");
        Path file = tmp.resolve("supernet.pth");
        try (NDManager m = NDManager.newBaseManager()) {
            OfaSupernet net = new OfaSupernet(SearchSpace.mobileNetV3(1.0).withNumClasses(10));
            net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            SupernetFiles.savePth(net, file);
            StateDict sd = PthReader.read(file);
            List<String> want = new ArrayList<>();
            list.forEach(k -> want.add(k.get("key").asText()));
            // load_state_dict matches by key, so the set of keys (spelling) is what must agree.
            assertEquals(new java.util.TreeSet<>(want), new java.util.TreeSet<>(sd.keys()));
            for (JsonNode k : list) {
                Tensor t = sd.get(k.get("key").asText());
                long[] shape = new long[k.get("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = k.get("shape").get(i).asLong();
                }
                assertArrayEquals(shape, t.shape(), k.get("key").asText());
                assertEquals(k.get("dtype").asText(), t.dtype().name().toLowerCase(java.util.Locale.ROOT),
                        k.get("key").asText());
            }
            // And it loads back into a supernet.
            OfaSupernet back = SupernetFiles.load(file, m);
            assertEquals(net.stateDict().size(), back.stateDict().size());
        }
    }
}
