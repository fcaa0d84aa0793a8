package dev.ofastudio.app.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.inputs.InputLoaders.ReferenceNet;
import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.pareto.NetMetrics;
import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.app.pareto.ReferenceMarkers;
import dev.ofastudio.app.pareto.ResultTable;
import dev.ofastudio.app.pareto.SweepRunner;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresentViewModelTest {
    @Test
    void comparesTheSelectionWithMobileNetV2OnTheChosenBoard() throws Exception {
        var exec = new ImmediateTaskExecutor();
        var dialogs = new FakeDialogService();
        var inputs = new InputsViewModel(Fakes.loaders(), dialogs, exec, new MemorySettings());
        var pareto = new ParetoViewModel(inputs, new SweepRunner(Fakes.randomSearch(1)), exec, dialogs);
        var vm = new PresentViewModel(pareto);
        assertTrue(vm.comparisonBinding().get().rows().isEmpty(), "nothing selected yet");

        var mbv2 = ReferenceNetworks.describe("mobilenetv2", 1.0, 224);
        var refs = ReferenceMarkers.evaluate(List.of(new ReferenceNet("MobileNetV2", 72.0, mbv2)),
                List.of(Fakes.latency("a", 100), Fakes.latency("b", 50)));
        ResultTable t = new ResultTable.Builder(List.of("A", "B")).add(SubnetConfig.uniform(5, 4, 3, 192), 79.0,
                400_000_000L, 6_000_000L, 44.0, new double[] {2.0, 4.0}, 1, 5.0).build();
        pareto.restore(t, SearchSpace.mobileNetV3(1.2), List.of(), refs, 1, 5.0, 0);

        var c = vm.comparisonBinding().get();
        assertEquals("B", c.board());
        var lat = c.rows().get(0);
        assertEquals(4.0, lat.selected());
        assertEquals(mbv2.macs() / 50e6, lat.baseline(), 1e-12);
        assertEquals(72.0, c.rows().get(1).baseline());
        assertEquals(NetMetrics.of(mbv2).opsPerByte(), c.rows().get(2).baseline(), 1e-12);
        // GOPS/s: 2 ops per MAC over the latency.
        assertEquals(2 * 400e6 / 4e-3 / 1e9, c.rows().get(3).selected(), 1e-9);
    }
}
