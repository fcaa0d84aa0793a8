package dev.ofastudio.engine.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.pth.PthReader;
import dev.ofastudio.engine.io.pth.StateDict;
import dev.ofastudio.engine.io.pth.Tensor;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.supernet.NetConfigJson;
import dev.ofastudio.engine.supernet.OfaSupernet;
import dev.ofastudio.engine.supernet.StaticMobileNetV3;
import dev.ofastudio.engine.supernet.SubnetExtractor;
import dev.ofastudio.engine.supernet.SupernetFiles;
import dev.ofastudio.engine.testing.Golden;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exported sub-networks of the golden supernet, run by ONNX Runtime on the golden inputs, give the
 * reference's logits within 1e-4; the .pth export reads back as the same weights and net.config.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubnetOnnxRuntimeTest {
    static final double TOL = 1e-4;
    NDManager manager;
    OfaSupernet supernet;
    JsonNode cases;
    OrtEnvironment ort;

    @TempDir
    Path tmp;

    @BeforeAll
    void load() throws Exception {
        manager = NDManager.newBaseManager();
        supernet = SupernetFiles.load(Golden.golden("ofa_mbv3_w1.0_c10.pth"), manager);
        cases = Golden.json("forward_cases.json").get("cases");
        ort = OrtEnvironment.getEnvironment();
    }

    @AfterAll
    void close() {
        manager.close();
    }

    Stream<Integer> caseIndices() {
        return IntStream.range(0, Golden.json("forward_cases.json").get("cases").size()).boxed();
    }

    private StaticMobileNetV3 extract(SubnetConfig config) throws dev.ofastudio.engine.OfaException {
        supernet.setActiveSubnet(config);
        return SubnetExtractor.extract(supernet, config, manager);
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("caseIndices")
    void onnxRuntimeReproducesTheReferenceLogits(int index) throws Exception {
        JsonNode c = cases.get(index);
        SubnetConfig config = Golden.config(c.get("config"));
        Path file = tmp.resolve("case" + index + ".onnx");
        SubnetWeights.write(extract(config), config, SubnetWeights.Format.ONNX, file, "test");

        byte[] raw = Files.readAllBytes(Golden.golden(c.get("input_file").asText()));
        FloatBuffer input = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        long n = raw.length / (4L * 3 * config.r() * config.r());
        try (OrtSession session = ort.createSession(file.toString(), new OrtSession.SessionOptions());
                OnnxTensor x = OnnxTensor.createTensor(ort, input, new long[] {n, 3, config.r(), config.r()});
                OrtSession.Result out = session.run(Map.of(SubnetOnnx.INPUT, x))) {
            assertEquals(List.of(SubnetOnnx.INPUT), List.copyOf(session.getInputNames()));
            float[][] logits = (float[][]) out.get(SubnetOnnx.OUTPUT).orElseThrow().getValue();
            double max = 0;
            for (int i = 0; i < logits.length; i++) {
                for (int j = 0; j < logits[i].length; j++) {
                    max = Math.max(max, Math.abs(logits[i][j] - c.get("logits_extracted_subnet").get(i).get(j).asDouble()));
                }
            }
            assertEquals(c.get("logits_extracted_subnet").size(), logits.length);
            assertTrue(max <= TOL, c.get("name").asText() + ": ONNX Runtime vs reference max abs diff " + max);
            var meta = session.getMetadata().getCustomMetadata();
            assertEquals(c.get("extracted_net_config"), Json.parse(meta.get("net.config"), "metadata"));
        }
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("caseIndices")
    void pthExportHoldsTheStaticStateDictAndNetConfig(int index) throws Exception {
        JsonNode c = cases.get(index);
        SubnetConfig config = Golden.config(c.get("config"));
        StaticMobileNetV3 net = extract(config);
        Path file = tmp.resolve("case" + index + ".pth");
        SubnetWeights.write(net, config, SubnetWeights.Format.PTH, file, "test");
        StateDict back = PthReader.read(file);
        Map<String, Tensor> ours = net.stateTensors();
        assertEquals(List.copyOf(ours.keySet()), List.copyOf(back.keys()));
        for (Tensor t : ours.values()) {
            assertArrayEquals(t.shape(), back.require(t.key()).shape(), t.key());
            assertEquals(t.data(), back.require(t.key()).data(), t.key());
        }
        assertEquals(c.get("extracted_net_config"), NetConfigJson.toJson(net.spec()));
    }
}
