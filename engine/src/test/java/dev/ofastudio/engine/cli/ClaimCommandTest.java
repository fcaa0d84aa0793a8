package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.testing.Golden;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClaimCommandTest {
    private static CliRun claim(String board, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("claim", "--board", board, "--predictor",
                Golden.officialPredictor().toString(), "--population", "16", "--generations", "3", "--json"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zcu102", "zcu104", "kv260"})
    void reportsBothSpacesAgainstEveryItemOfTheClaim(String board) {
        CliRun r = claim(board);
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(board, j.get("board").asText());
        Set<String> spaces = new HashSet<>();
        for (JsonNode rep : j.get("reports")) {
            spaces.add(rep.get("space").asText());
            JsonNode ofa = rep.get("ofa");
            JsonNode mbv2 = rep.get("mobilenetv2");
            assertEquals("mobilenetv2_w1.0_r224", mbv2.get("network").asText());
            Set<String> ids = new HashSet<>();
            for (JsonNode item : rep.get("items")) {
                ids.add(item.get("id").asText());
                String verdict = item.get("verdict").asText();
                assertTrue(Set.of("holds", "partly", "does_not_hold", "not_checkable").contains(verdict), verdict);
                if (item.get("id").asText().equals("ops_per_byte")) {
                    assertEquals(0.40, item.get("claimed").asDouble(), 1e-12);
                    assertEquals(ofa.get("ops_per_byte").asDouble() / mbv2.get("ops_per_byte").asDouble() - 1,
                            item.get("model").asDouble(), 1e-9);
                }
                if (item.get("id").asText().equals("gops_per_s")) {
                    assertEquals(ofa.get("gops_per_s").asDouble() / mbv2.get("gops_per_s").asDouble() - 1,
                            item.get("model").asDouble(), 1e-9);
                }
                if (verdict.equals("not_checkable")) {
                    assertTrue(item.get("reason").asText().contains("top-1"), item.toString());
                }
            }
            assertTrue(ids.containsAll(List.of("ops_per_byte", "gops_per_s", "top1_same_latency",
                    "speedup_same_accuracy")), ids.toString());
            // The breakdown accounts for the whole DPU time of each net.
            for (JsonNode net : new JsonNode[] {ofa, mbv2}) {
                JsonNode b = net.get("breakdown");
                double sum = b.get("conv_ms").asDouble() + b.get("depthwise_ms").asDouble()
                        + b.get("other_alu_ms").asDouble() + b.get("se_ms").asDouble()
                        + b.get("activation_ms").asDouble() + b.get("cpu_fallback_ms").asDouble();
                assertEquals(net.get("dpu_ms").asDouble(), sum, 1e-6, net.toString());
            }
            assertTrue(rep.get("reasons").size() > 0);
        }
        assertEquals(Set.of("ofa", "dpu-friendly"), spaces);
    }

    @Test
    void theReferenceSpaceExplainsItsSeCost() {
        JsonNode rep = claim("zcu102", "--space", "ofa").json().get("reports").get(0);
        assertTrue(rep.get("ofa").get("breakdown").get("se_ms").asDouble() > 0);
        assertTrue(rep.get("reasons").toString().contains("SE blocks"), rep.get("reasons").toString());
        JsonNode friendly = claim("zcu102", "--space", "dpu-friendly").json().get("reports").get(0);
        assertEquals(0.0, friendly.get("ofa").get("breakdown").get("se_ms").asDouble());
    }

    @Test
    void rejectsAnUnknownSpace() {
        CliRun r = claim("zcu102", "--space", "resnet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--space"), r.err());
    }
}
