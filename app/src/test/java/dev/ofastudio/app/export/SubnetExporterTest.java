package dev.ofastudio.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.app.pareto.SelectedNet;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.dpu.NetworkAnalyzer;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.LatencySources;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubnetExporterTest {
    static final SearchSpace SPACE = SearchSpace.mobileNetV3(1.2);
    static final SubnetConfig CONFIG = new SubnetConfig(
            new int[] {3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5},
            new int[] {3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4}, new int[] {4, 2, 3, 2, 4}, 192);

    @TempDir
    Path tmp;

    private final LatencySource zcu102 = LatencySources.shipped("zcu102");
    private final LatencySource kv260 = LatencySources.shipped("kv260");

    SubnetExporterTest() throws OfaException {
    }

    private SelectedNet net() throws OfaException {
        var d = SPACE.describe(CONFIG);
        ResultTable t = new ResultTable.Builder(List.of("ZCU102", "KV260"))
                .add(CONFIG, 77.7, d.macs(), d.params(), new double[] {zcu102.model().latencyMs(d),
                        kv260.model().latencyMs(d)}, 0, 5.0).build();
        return SelectedNet.of(t, 0, SPACE, List.of(zcu102, kv260));
    }

    @Test
    void writesConfigNetConfigAndMetadataThatReadBack() throws Exception {
        var files = SubnetExporter.SubnetFiles.of(tmp, "pick");
        new SubnetExporter().writeSubnet(files, net(), "official predictor");
        assertEquals(CONFIG, SubnetConfigJson.read(files.config()));
        JsonNode meta = Json.read(files.metadata());
        assertEquals(77.7, meta.get("predicted_top1").asDouble());
        // The engine's figures, as ofa latency prints them: GOPS/s over the DPU time, ops/byte per board.
        var report = ((NetworkAnalyzer) zcu102.model()).analyze(SPACE.describe(CONFIG));
        assertEquals(report.latencyMs(), meta.get("latency_ms").get("ZCU102").asDouble(), 1e-12);
        assertEquals(report.gopsPerS(), meta.get("gops_per_s").get("ZCU102").asDouble(), 1e-9);
        assertEquals(report.opsPerByte(), meta.get("ops_per_byte").get("ZCU102").asDouble(), 1e-12);
        assertEquals(report.frameOverheadMs(), meta.get("hardware").get("ZCU102").get("frame_overhead_ms").asDouble(),
                1e-12);
        assertTrue(meta.get("latency_ms").get("KV260").asDouble() > 0);
        assertTrue(meta.hasNonNull("engine_version"));
        assertEquals("official predictor", meta.get("predictor").asText());
    }

    @Test
    void netConfigFollowsOfaLayout() throws Exception {
        var files = SubnetExporter.SubnetFiles.of(tmp, "pick");
        new SubnetExporter().writeSubnet(files, net(), "p");
        JsonNode n = Json.read(files.netConfig());
        assertEquals("MobileNetV3", n.get("name").asText());
        assertEquals(List.of("name", "bn", "first_conv", "blocks", "final_expand_layer", "feature_mix_layer",
                "classifier"), iterToList(n.fieldNames()));
        // Block 0 plus every active elastic block; channels chain from one block to the next.
        JsonNode blocks = n.get("blocks");
        assertEquals(1 + 4 + 2 + 3 + 2 + 4, blocks.size());
        int prevOut = n.get("first_conv").get("out_channels").asInt();
        for (JsonNode b : blocks) {
            assertEquals(prevOut, b.get("conv").get("in_channels").asInt());
            prevOut = b.get("conv").get("out_channels").asInt();
        }
        assertEquals(prevOut, n.get("final_expand_layer").get("in_channels").asInt());
        // Block 1 (stage 0, first block) has k3, e3 and stride 2, so no shortcut.
        JsonNode first = blocks.get(1).get("conv");
        assertEquals(List.of(3, 3, 2), List.of(first.get("kernel_size").asInt(), first.get("expand_ratio").asInt(),
                first.get("stride").asInt()));
        assertTrue(blocks.get(1).get("shortcut").isNull());
        assertEquals("IdentityLayer", blocks.get(2).get("shortcut").get("name").asText());
        assertEquals(1000, n.get("classifier").get("out_features").asInt());
        assertEquals("h_swish", n.get("first_conv").get("act_func").asText());
    }

    private static List<String> iterToList(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void paretoCsvHasOneRowPerFrontPointWithLatencyOnEveryBoard() throws Exception {
        ResultTable t = new ResultTable.Builder(List.of("ZCU102", "KV260"))
                .add(CONFIG, 77.7, 1, 2, new double[] {3.0, 4.0}, -1, Double.NaN)
                .add(CONFIG.withResolution(224), 78.7, 1, 2, new double[] {4.0, 5.0}, -1, Double.NaN).build();
        Path f = tmp.resolve("p.csv");
        new SubnetExporter().writeParetoCsv(f, t, new int[][] {{0, 1}, {1}});
        List<String> lines = Files.readAllLines(f);
        assertEquals("board,rank,top1,latency_ms_ZCU102,latency_ms_KV260,macs,params,r,ks,e,d",
                lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(3).startsWith("KV260,1,78.7000,4.00000,5.00000,1,2,224,"), lines.get(3));
    }
}
