package dev.ofastudio.engine.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.Golden;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OfaMobileNetV3Test {
    private static final SearchSpace W10_C10 = SearchSpace.mobileNetV3(1.0).withNumClasses(10);

    static Stream<JsonNode> forwardCases() {
        return StreamSupport.stream(Golden.json("forward_cases.json").get("cases").spliterator(), false);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("forwardCases")
    void macsAndParamsMatchTheReferenceForEveryForwardCase(JsonNode c) {
        SubnetConfig config = Golden.config(c.get("config"));
        NetworkDescription atR = W10_C10.describe(config);
        assertEquals(c.get("macs_formula_r").asLong(), atR.macs(), c.get("name").asText() + " macs at r");
        assertEquals(c.get("macs_formula_224").asLong(), W10_C10.describe(config, 224).macs(),
                c.get("name").asText() + " macs at 224");
        assertEquals(c.get("params_extracted_subnet").asLong(), atR.params(), c.get("name").asText() + " params");
        assertEquals(c.get("active_blocks").asInt(), config.activeBlockCount());
    }

    @Test
    void digestMacsAtWidth10With1000Classes() {
        SearchSpace s = SearchSpace.mobileNetV3(1.0);
        assertEquals(566.2, round1(s.describe(s.maxConfig(224)).macs()));
        assertEquals(121.3, round1(s.describe(s.minConfig(224)).macs()));
        assertEquals(226.2, round1(s.describe(SubnetConfig.uniform(3, 3, 4, 224)).macs()));
        assertEquals(566_170_656L, s.describe(s.maxConfig(224)).macs());
    }

    @Test
    void digestMacsAtWidth12() {
        SearchSpace s = SearchSpace.mobileNetV3(1.2);
        assertEquals(843.1, round1(s.describe(s.maxConfig(224)).macs()));
        assertEquals(193.1, round1(s.describe(s.minConfig(224)).macs()));
        assertEquals(351.1, round1(s.describe(SubnetConfig.uniform(3, 3, 4, 224)).macs()));
    }

    static Stream<JsonNode> latencyCases() {
        return StreamSupport.stream(Golden.json("latency_cases.json").get("cases").spliterator(), false);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("latencyCases")
    void width12MflopsMatchTheLatencyCases(JsonNode c) {
        SubnetConfig config = Golden.config(c.get("config"));
        long macs = SearchSpace.mobileNetV3(1.2).describe(config).macs();
        assertEquals(c.get("mflops_formula_1000cls").asDouble(), macs / 1e6, 1e-9, c.get("name").asText());
    }

    @Test
    void lutKeysSpellTheReferenceFormat() {
        SearchSpace s = SearchSpace.mobileNetV3(1.2);
        NetworkDescription net = s.describe(s.maxConfig(224));
        assertEquals("Conv-input:224x224x3-output:112x112x24", net.layers().get(0).lutKey());
        assertEquals("expanded_conv-input:112x112x24-output:112x112x24-expand:24-kernel:3-stride:1-idskip:1-se:0-hs:0",
                net.layers().get(1).lutKey());
        assertEquals("expanded_conv-input:112x112x24-output:56x56x32-expand:144-kernel:7-stride:2-idskip:0-se:0-hs:0",
                net.layers().get(2).lutKey());
        int n = net.layers().size();
        assertEquals("Conv_1-input:7x7x192-output:7x7x1152", net.layers().get(n - 4).lutKey());
        assertEquals("AvgPool2D-input:7x7x1152-output:1x1x1152", net.layers().get(n - 3).lutKey());
        assertEquals("Conv_2-input:1x1x1152-output:1x1x1536", net.layers().get(n - 2).lutKey());
        assertEquals("Logits-input:1x1x1536-output:1000", net.layers().get(n - 1).lutKey());
    }

    private static double round1(long macs) {
        return Math.round(macs / 1e5) / 10.0;
    }
}
