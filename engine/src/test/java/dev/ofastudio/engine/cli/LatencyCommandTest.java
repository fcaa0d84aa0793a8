package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.Golden;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyCommandTest {
    static final String MAX = SubnetConfigJson.toJson(SearchSpace.mobileNetV3(1.0).maxConfig(192)).toString();

    static void assertContract(JsonNode j) {
        for (String f : new String[] {"latency_ms", "ops", "bytes", "ops_per_byte", "gops_per_s", "peak_fraction", "layers"}) {
            assertTrue(j.has(f), "missing " + f + " in " + j);
        }
        assertTrue(j.get("ops").isIntegralNumber() && j.get("bytes").isIntegralNumber());
        for (JsonNode l : j.get("layers")) {
            assertTrue(l.get("name").isTextual() && l.get("latency_ms").isNumber() && l.get("ops").isIntegralNumber()
                    && l.get("bytes").isIntegralNumber(), l.toString());
            assertTrue(Set.of("compute", "memory", "cpu").contains(l.get("bound").asText()), l.toString());
            assertEquals(l.get("bytes").asLong(), l.get("weight_bytes").asLong() + l.get("input_bytes").asLong()
                    + l.get("output_bytes").asLong(), l.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobilenetv1", "mobilenetv2", "resnet18", "resnet50", "vgg16"})
    void printsTheReportOfAReferenceNetwork(String name) throws Exception {
        CliRun r = CliRun.of("latency", "--net", name, "--width", "1.0", "--resolution", "224", "--board", "zcu102", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertContract(j);
        NetworkReport expected = new DpuLatencyModel(BoardSpecs.load("zcu102"))
                .analyze(ReferenceNetworks.describe(name, 1.0, 224));
        assertEquals(expected.latencyMs(), j.get("latency_ms").asDouble(), 1e-9);
        assertEquals(expected.ops(), j.get("ops").asLong());
        assertEquals(expected.layers().size(), j.get("layers").size());
    }

    @Test
    void appliesTheWidthAndResolutionOfAMobileNet() {
        JsonNode narrow = CliRun.of("latency", "--net", "mobilenetv2", "--width", "0.5", "--resolution", "160",
                "--board", "kv260", "--json").json();
        JsonNode full = CliRun.of("latency", "--net", "mobilenetv2", "--board", "kv260", "--json").json();
        assertTrue(narrow.get("ops").asLong() * 4 < full.get("ops").asLong());
        assertEquals("mobilenetv2_w0.5_r160", narrow.get("network").asText());
    }

    @Test
    void pricesAnOfaConfigWithTheModelOrTheShippedProfileAlike() throws Exception {
        JsonNode model = CliRun.of("latency", "--config", MAX, "--board", "zcu102", "--json").json();
        JsonNode profile = CliRun.of("latency", "--config", MAX, "--profile", "../fpga-profiles/zcu102.json", "--json").json();
        assertContract(model);
        assertContract(profile);
        assertEquals(model.get("latency_ms").asDouble(), profile.get("latency_ms").asDouble(), 1e-4);
        assertEquals(model.get("bytes").asLong(), profile.get("bytes").asLong());
        SearchSpace w10 = SearchSpace.mobileNetV3(1.0);
        SubnetConfig c = w10.maxConfig(192);
        assertEquals(new DpuLatencyModel(BoardSpecs.load("zcu102")).latencyMs(w10.describe(c)),
                model.get("latency_ms").asDouble(), 1e-9);
    }

    @Test
    void sumsAnOfaLookupTableWithLut() {
        JsonNode c = Golden.json("latency_cases.json").get("cases").get(0);
        CliRun r = CliRun.of("latency", "--config", c.get("config").toString(), "--width", "1.2", "--lut",
                Golden.note10Lut().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(c.get("latency_ms_library").asDouble(), j.get("latency_ms").asDouble(), 1e-6);
        assertTrue(j.get("layers").get(0).get("key").asText().startsWith("Conv-input:"));
    }

    /** The form has no --width: the Note10 tables are for w1.2, so that is the width used. */
    @Test
    void takesTheWidthOfTheLookupTableWhenNoWidthIsGiven() {
        for (JsonNode c : Golden.json("latency_cases.json").get("cases")) {
            CliRun r = CliRun.of("latency", "--config", c.get("config").toString(), "--lut",
                    Golden.note10Lut().toString(), "--json");
            assertEquals(0, r.code(), r.err());
            assertEquals(c.get("latency_ms_library").asDouble(), r.json().get("latency_ms").asDouble(), 1e-6,
                    c.get("name").asText());
        }
    }

    @Test
    void aWidthThatTheTableLacksListsTheMissingKeys() {
        JsonNode c = Golden.json("latency_cases.json").get("cases").get(0);
        CliRun r = CliRun.of("latency", "--config", c.get("config").toString(), "--width", "1.0", "--lut",
                Golden.note10Lut().toString(), "--json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("keys missing") && r.err().contains("Conv-input:224x224x3-output:112x112x16"),
                r.err());
    }

    @Test
    void oldInstructionSetSendsHardSwishToTheCpu() {
        JsonNode j = CliRun.of("latency", "--config", MAX, "--board", "zcu102", "--isa", "0", "--json").json();
        assertEquals("cpu", j.get("layers").get(0).get("bound").asText());
    }

    @Test
    void rejectsBadOptionsWithExitTwo() {
        CliRun both = CliRun.of("latency", "--config", MAX, "--net", "resnet50", "--json");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("exactly one"), both.err());
        CliRun net = CliRun.of("latency", "--net", "alexnet", "--board", "zcu102");
        assertEquals(2, net.code());
        CliRun board = CliRun.of("latency", "--net", "resnet50", "--board", "zcu999");
        assertEquals(2, board.code());
        assertTrue(board.err().contains("unknown board"), board.err());
        CliRun res = CliRun.of("latency", "--config", MAX.replace("\"r\":192", "\"r\":150"), "--board", "zcu102");
        assertEquals(2, res.code());
        assertTrue(res.err().contains("config field r"), res.err());
        CliRun missingProfile = CliRun.of("latency", "--net", "resnet50", "--profile", "nope.json");
        assertEquals(2, missingProfile.code());
        assertTrue(missingProfile.err().contains("nope.json"), missingProfile.err());
    }
}
