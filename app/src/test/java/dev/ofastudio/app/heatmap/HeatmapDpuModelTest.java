package dev.ofastudio.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heatmap over the real analytic DPU model on zcu102, with the MobileNetV2 baseline. */
class HeatmapDpuModelTest {
    private static final SearchSpace SPACE = SearchSpace.mobileNetV3(1.0);

    @Test
    void zcu102RowsAreTheModelsLayerReports() throws OfaException {
        List<BoardAnalyzer> boards = BoardAnalyzer.dpuModels("zcu102");
        assertEquals("zcu102", boards.get(0).boardId());
        HeatmapViewModel vm = new HeatmapViewModel(boards);
        SubnetConfig config = SPACE.maxConfig(224).withDepth(2, 2);
        vm.setSubnet(SPACE, config);
        assertEquals("", vm.errorProperty().get());
        HeatmapTable t = vm.subnetTableProperty().get();
        NetworkDescription net = SPACE.describe(config);
        NetworkReport direct = new DpuLatencyModel(BoardSpecs.load("zcu102")).analyze(net);
        assertEquals(net.layers().size(), t.rows().size());
        double sum = 0;
        for (int r = 0; r < t.rows().size(); r++) {
            assertEquals(direct.layers().get(r).latencyMs(), t.value(r, 0, HeatmapMetric.LATENCY), 1e-12);
            sum += direct.layers().get(r).latencyMs();
        }
        assertEquals(sum, t.total(0, HeatmapMetric.LATENCY), 1e-9);
        assertTrue(direct.latencyMs() >= sum, "end to end adds the per-frame overhead to the layers");
    }

    @Test
    void mobileNetV2BaselineFillsItsOwnTable() throws OfaException {
        HeatmapViewModel vm = new HeatmapViewModel(BoardAnalyzer.dpuModels("zcu102"));
        NetworkDescription v2 = ReferenceNetworks.describe("mobilenetv2", 1.0, 224);
        vm.setBaseline(v2);
        HeatmapTable t = vm.baselineTableProperty().get();
        assertNotNull(t, vm.errorProperty().get());
        assertEquals(v2.layers().size(), t.rows().size());
        for (HeatmapRow row : t.rows()) {
            assertEquals(-1, row.block(), "a reference net has no elastic blocks: " + row.layer().name());
        }
    }

    @Test
    void zcu102WhatIfIsMonotoneInExpandForAFixedKernel() throws OfaException {
        HeatmapViewModel vm = new HeatmapViewModel(BoardAnalyzer.dpuModels("zcu102"));
        vm.setSubnet(SPACE, SPACE.maxConfig(224));
        vm.showWhatIf(12, 0);
        WhatIfGrid g = vm.whatIfProperty().get();
        assertNotNull(g, vm.errorProperty().get());
        for (int k = 0; k < 3; k++) {
            // more expand = more MACs and bytes in the same block: never faster
            assertTrue(g.latencyMs(k, 0) <= g.latencyMs(k, 2), "k index " + k);
        }
        assertTrue(g.isCurrent(2, 2));
    }
}
