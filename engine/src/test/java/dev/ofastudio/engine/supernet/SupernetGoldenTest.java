package dev.ofastudio.engine.supernet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.Golden;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The supernet against the reference's forward cases (golden/forward_cases.json). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupernetGoldenTest {
    static final double TOL = 1e-4;
    NDManager manager;
    OfaSupernet net;
    JsonNode cases;

    @BeforeAll
    void load() throws Exception {
        manager = NDManager.newBaseManager();
        net = SupernetFiles.load(Golden.golden("ofa_mbv3_w1.0_c10.pth"), manager);
        cases = Golden.json("forward_cases.json").get("cases");
    }

    @AfterAll
    void close() {
        manager.close();
    }

    Stream<Integer> caseIndices() {
        return IntStream.range(0, Golden.json("forward_cases.json").get("cases").size()).boxed();
    }

    static double maxAbsDiff(float[] actual, JsonNode expected2d) {
        double max = 0;
        int i = 0;
        for (JsonNode row : expected2d) {
            for (JsonNode v : row) {
                max = Math.max(max, Math.abs(actual[i++] - (float) v.asDouble()));
            }
        }
        assertEquals(i, actual.length, "logit count");
        return max;
    }

    @Test
    void supernetHasTheReferenceTrainableParameterCount() {
        long n = net.stateDict().values().stream()
                .filter(p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR)
                .mapToLong(p -> p.getShape().size()).sum();
        assertEquals(Golden.json("forward_cases.json").get("supernet_param_count").asLong(), n);
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("caseIndices")
    void evalLogitsMatchTheReference(int index) throws Exception {
        JsonNode c = cases.get(index);
        SubnetConfig config = Golden.config(c.get("config"));
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = ImageBatchFile.read(Golden.golden(c.get("input_file").asText()), config.r(), sub);
            net.setActiveSubnet(config);
            float[] logits = net.forward(new ParameterStore(sub, false), x, false).toFloatArray();
            double diff = maxAbsDiff(logits, c.get("logits"));
            assertTrue(diff <= TOL, c.get("name").asText() + ": max abs diff " + diff);
        }
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("caseIndices")
    void extractedSubnetMatchesLogitsParamsAndNetConfig(int index) throws Exception {
        JsonNode c = cases.get(index);
        SubnetConfig config = Golden.config(c.get("config"));
        try (NDManager sub = manager.newSubManager()) {
            StaticMobileNetV3 extracted = SubnetExtractor.extract(net, config, sub);
            NDArray x = ImageBatchFile.read(Golden.golden(c.get("input_file").asText()), config.r(), sub);
            float[] logits = extracted.forward(new ParameterStore(sub, false), x, false).toFloatArray();
            double diff = maxAbsDiff(logits, c.get("logits_extracted_subnet"));
            assertTrue(diff <= TOL, c.get("name").asText() + ": extracted max abs diff " + diff);
            assertEquals(c.get("params_extracted_subnet").asLong(), extracted.trainableParameterCount());
            assertEquals(c.get("extracted_net_config"), NetConfigJson.toJson(extracted.spec()));
        }
    }
}
