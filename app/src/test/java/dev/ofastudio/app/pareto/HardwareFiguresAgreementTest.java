package dev.ofastudio.app.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.present.PresentViewModel;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.cli.OfaCli;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.LatencySources;
import dev.ofastudio.engine.study.ReferenceMarkers;
import dev.ofastudio.engine.study.ReferenceNet;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.engine.study.Sweep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, problem 2: the studio's hardware figures (tooltip, selection, present mode) equal what
 * {@code ofa compare --json} prints, on 3 nets × the 3 shipped boards, overhead included.
 */
class HardwareFiguresAgreementTest {
    private static final SearchSpace SPACE = SearchSpace.mobileNetV3(1.2);
    private static final List<SubnetConfig> NETS = List.of(SubnetConfig.uniform(3, 3, 2, 160),
            SubnetConfig.uniform(5, 4, 3, 192), SubnetConfig.uniform(7, 6, 4, 224));

    @Test
    void studioFiguresEqualTheCliOnThreeNetsAndThreeBoards() throws Exception {
        var exec = new ImmediateTaskExecutor();
        var dialogs = new FakeDialogService();
        var inputs = new InputsViewModel(Fakes.loaders(), dialogs, exec, new MemorySettings());
        var pareto = new ParetoViewModel(inputs, new Sweep(Fakes.randomSearch(1)), exec, dialogs);
        var present = new PresentViewModel(pareto);
        List<LatencySource> boards = LatencySources.shipped();
        List<String> labels = boards.stream().map(LatencySource::label).toList();
        ResultTable.Builder b = new ResultTable.Builder(labels);
        for (SubnetConfig c : NETS) {
            var net = SPACE.describe(c);
            double[] lat = new double[boards.size()];
            for (int k = 0; k < lat.length; k++) {
                lat[k] = boards.get(k).model().latencyMs(net);
            }
            b.add(c, 80, net.macs(), net.params(), lat, ResultTable.CLOUD, Double.NaN);
        }
        ResultTable t = b.build();
        var refs = ReferenceMarkers.evaluate(ReferenceNet.standard(), boards);
        for (int row = 0; row < NETS.size(); row++) {
            for (int k = 0; k < boards.size(); k++) {
                pareto.restore(t, SPACE, boards, refs, k, 5.0, row);
                JsonNode cli = cli("compare", "--config", SubnetConfigJson.toJson(NETS.get(row)).toString(), "--width",
                        "1.2", "--baseline", "mobilenetv2", "--board", boards.get(k).id(), "--json");
                JsonNode cand = cli.get("candidate");
                String where = NETS.get(row) + " on " + labels.get(k);
                var f = pareto.selectedProperty().get().figures().get(k);
                assertEquals(cand.get("latency_ms").asDouble(), f.latencyMs(), 1e-12, where);
                assertEquals(cand.get("latency_ms").asDouble(), t.latency(k, row), 1e-9, "chart x: " + where);
                assertEquals(cand.get("dpu_ms").asDouble(), f.dpuMs(), 1e-12, where);
                assertEquals(cand.get("frame_overhead_ms").asDouble(), f.frameOverheadMs(), 1e-12, where);
                assertEquals(cand.get("ops_per_byte").asDouble(), f.opsPerByte(), 1e-12, where);
                assertEquals(cand.get("gops_per_s").asDouble(), f.gopsPerS(), 1e-9, where);
                // The tooltip prints the same figures, the overhead as a term of its own.
                String tip = pareto.describe(row);
                String line = String.format("%s: %.3f ms = DPU %.3f + frame overhead %.3f · %.1f GOPS/s · %.1f ops/B",
                        labels.get(k), cand.get("latency_ms").asDouble(), cand.get("dpu_ms").asDouble(),
                        cand.get("frame_overhead_ms").asDouble(), cand.get("gops_per_s").asDouble(),
                        cand.get("ops_per_byte").asDouble());
                assertTrue(tip.contains(line), tip + "\n  lacks  " + line);
                // Present mode: the selection and MobileNetV2 on the chosen board.
                var rows = present.comparisonBinding().get().rows();
                JsonNode base = cli.get("baseline");
                assertEquals(cand.get("gops_per_s").asDouble(), rows.get(3).selected(), 1e-9, where);
                assertEquals(base.get("gops_per_s").asDouble(), rows.get(3).baseline(), 1e-9, where);
                assertEquals(base.get("ops_per_byte").asDouble(), rows.get(2).baseline(), 1e-12, where);
                assertEquals(base.get("latency_ms").asDouble(), rows.get(0).baseline(), 1e-12, where);
            }
        }
    }

    private static JsonNode cli(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OfaCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return Json.parse(out.toString(), "stdout");
    }
}
