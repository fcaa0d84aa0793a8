package dev.ofastudio.app.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.latency.dpu.NetworkAnalyzer;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.LatencySources;
import dev.ofastudio.engine.study.ReferenceMarkers;
import dev.ofastudio.engine.study.ReferenceNet;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.engine.study.Sweep;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresentViewModelTest {
    @Test
    void comparesTheSelectionWithMobileNetV2OnTheChosenBoardWithTheEnginesFigures() throws Exception {
        var exec = new ImmediateTaskExecutor();
        var dialogs = new FakeDialogService();
        var inputs = new InputsViewModel(Fakes.loaders(), dialogs, exec, new MemorySettings());
        var pareto = new ParetoViewModel(inputs, new Sweep(Fakes.randomSearch(1)), exec, dialogs);
        var vm = new PresentViewModel(pareto);
        assertTrue(vm.comparisonBinding().get().rows().isEmpty(), "nothing selected yet");

        List<LatencySource> boards = List.of(LatencySources.shipped("zcu102"), LatencySources.shipped("kv260"));
        ReferenceNet mbv2 = ReferenceNet.standard().stream().filter(r -> r.name().equals("MobileNetV2")).findFirst()
                .orElseThrow();
        var refs = ReferenceMarkers.evaluate(List.of(mbv2), boards);
        SearchSpace space = SearchSpace.mobileNetV3(1.2);
        SubnetConfig config = SubnetConfig.uniform(5, 4, 3, 192);
        var net = space.describe(config);
        ResultTable t = new ResultTable.Builder(List.of("ZCU102", "KV260")).add(config, 79.0, net.macs(), net.params(),
                new double[] {boards.get(0).model().latencyMs(net), boards.get(1).model().latencyMs(net)}, 1, 9.0)
                .build();
        pareto.restore(t, space, boards, refs, 1, 5.0, 0);

        var c = vm.comparisonBinding().get();
        assertEquals("KV260", c.board());
        var kv260 = (NetworkAnalyzer) boards.get(1).model();
        var mine = kv260.analyze(net);
        var base = kv260.analyze(mbv2.network());
        assertEquals(mine.latencyMs(), c.rows().get(0).selected(), 1e-12);
        assertEquals(base.latencyMs(), c.rows().get(0).baseline(), 1e-12);
        assertEquals(72.0, c.rows().get(1).baseline());
        assertEquals(mine.opsPerByte(), c.rows().get(2).selected(), 1e-12);
        assertEquals(base.opsPerByte(), c.rows().get(2).baseline(), 1e-12);
        // GOPS/s over the DPU time, as ofa compare prints it.
        assertEquals(mine.gopsPerS(), c.rows().get(3).selected(), 1e-12);
        assertEquals(base.gopsPerS(), c.rows().get(3).baseline(), 1e-12);
    }

    @Test
    void headlinesAreTheTopOneGainAtMobileNetV2sLatencyAndTheSpeedUpAtItsTopOne() throws Exception {
        var exec = new ImmediateTaskExecutor();
        var dialogs = new FakeDialogService();
        var inputs = new InputsViewModel(Fakes.loaders(), dialogs, exec, new MemorySettings());
        var pareto = new ParetoViewModel(inputs, new Sweep(Fakes.randomSearch(1)), exec, dialogs);
        var vm = new PresentViewModel(pareto);
        List<LatencySource> boards = List.of(LatencySources.shipped("zcu102"));
        var refs = ReferenceMarkers.evaluate(ReferenceNet.standard(), boards);
        double mbv2 = refs.latency()[0][refs.indexOf("MobileNetV2")];
        // Three front points: faster than MobileNetV2 at 73.5 %, at its latency at 75 %, slower at 80 %.
        ResultTable t = new ResultTable.Builder(List.of("ZCU102"))
                .add(SubnetConfig.uniform(3, 3, 2, 160), 73.5, 1, 1, new double[] {mbv2 / 2}, -1, Double.NaN)
                .add(SubnetConfig.uniform(5, 4, 3, 192), 75.0, 1, 1, new double[] {mbv2}, -1, Double.NaN)
                .add(SubnetConfig.uniform(7, 6, 4, 224), 80.0, 1, 1, new double[] {2 * mbv2}, -1, Double.NaN).build();
        pareto.restore(t, SearchSpace.mobileNetV3(1.2), boards, refs, 0, mbv2, 1);
        var h = vm.headlinesBinding().get();
        assertEquals("+3.0 pts", h.get(0).value());
        assertTrue(h.get(0).caption().contains("MobileNetV2's latency on ZCU102"), h.get(0).caption());
        // 73.5 % >= 72 % already at half MobileNetV2's latency.
        assertEquals(String.format("%.2f× faster", 2.0), h.get(1).value());
        assertTrue(h.get(3).caption().contains("MobileNetV2"), "intensity is given next to MobileNetV2's");
        // Gains are scores; GOPS/s and intensity are context and never styled as a win.
        assertTrue(h.get(0).score() && h.get(1).score());
        assertTrue(!h.get(2).score() && !h.get(3).score(), "context headlines: " + h);
    }

    @Test
    void withoutPublishedReferencesTheBaselineIsTheMostAccurateNetFound() throws Exception {
        var exec = new ImmediateTaskExecutor();
        var dialogs = new FakeDialogService();
        var inputs = new InputsViewModel(Fakes.loaders(), dialogs, exec, new MemorySettings());
        var pareto = new ParetoViewModel(inputs, new Sweep(Fakes.randomSearch(1)), exec, dialogs);
        var vm = new PresentViewModel(pareto);
        List<LatencySource> boards = List.of(LatencySources.shipped("kv260"));
        SearchSpace space = SearchSpace.mobileNetV3(1.0).withResolutions(List.of(24, 28, 32, 36, 40))
                .withNumClasses(10).withInputChannels(1);
        SubnetConfig small = SubnetConfig.uniform(3, 3, 2, 24);
        SubnetConfig large = SubnetConfig.uniform(7, 6, 4, 40);
        double smallMs = boards.get(0).model().latencyMs(space.describe(small));
        double largeMs = boards.get(0).model().latencyMs(space.describe(large));
        ResultTable t = new ResultTable.Builder(List.of("KV260"))
                .add(small, 88.0, 1, 1, new double[] {smallMs}, -1, Double.NaN)
                .add(large, 92.5, 1, 1, new double[] {largeMs}, -1, Double.NaN).build();
        pareto.restore(t, space, boards, ReferenceMarkers.empty(), 0, largeMs, 0);

        var c = vm.comparisonBinding().get();
        assertEquals(PresentViewModel.OWN_BEST, c.baselineName());
        assertEquals(smallMs, c.rows().get(0).selected(), 1e-12);
        assertEquals(largeMs, c.rows().get(0).baseline(), 1e-12);
        assertEquals(92.5, c.rows().get(1).baseline());
        var h = vm.headlinesBinding().get();
        assertEquals("92.5% top-1", h.get(0).value());
        assertTrue(h.get(0).caption().contains("no published network applies"), h.get(0).caption());
        assertEquals(String.format("%.2f× faster", largeMs / smallMs), h.get(1).value());
        assertTrue(h.stream().noneMatch(x -> x.caption().contains("MobileNetV2")), "no ImageNet baseline: " + h);
    }
}
