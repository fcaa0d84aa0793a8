package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SearchSpace;
import org.junit.jupiter.api.Test;

class CompareCommandTest {
    @Test
    void putsTheSubnetAndTheBaselineSideBySide() {
        String cfg = SubnetConfigJson.toJson(SearchSpace.mobileNetV3(1.0).minConfig(160)).toString();
        CliRun r = CliRun.of("compare", "--config", cfg, "--baseline", "mobilenetv2", "--board", "zcu104", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        JsonNode cand = j.get("candidate");
        JsonNode base = j.get("baseline");
        for (JsonNode s : new JsonNode[] {cand, base}) {
            for (String f : new String[] {"latency_ms", "ops_per_byte", "gops_per_s", "peak_fraction", "ops", "bytes"}) {
                assertTrue(s.has(f), f);
            }
        }
        assertEquals("zcu104", j.get("board").asText());
        assertEquals("mobilenetv2_w1.0_r224", base.get("network").asText());
        assertEquals(base.get("latency_ms").asDouble() / cand.get("latency_ms").asDouble(), j.get("speedup").asDouble(), 1e-9);
        assertEquals(cand.get("ops_per_byte").asDouble() / base.get("ops_per_byte").asDouble(),
                j.get("intensity_ratio").asDouble(), 1e-9);
        JsonNode latency = CliRun.of("latency", "--net", "mobilenetv2", "--board", "zcu104", "--json").json();
        assertEquals(latency.get("latency_ms").asDouble(), base.get("latency_ms").asDouble(), 1e-12);
    }

    @Test
    void rejectsAnUnknownBaseline() {
        String cfg = SubnetConfigJson.toJson(SearchSpace.mobileNetV3(1.0).minConfig(160)).toString();
        CliRun r = CliRun.of("compare", "--config", cfg, "--baseline", "inception", "--board", "zcu102", "--json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("inception"), r.err());
    }
}
