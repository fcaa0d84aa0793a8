package dev.ofastudio.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HeatmapViewModelTest {
    private static final SearchSpace SPACE = SearchSpace.mobileNetV3(1.0);
    /** Mixed kernels and expands, shallow stages 2 and 4. */
    private static final SubnetConfig MIXED = new SubnetConfig(
            new int[] {3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5},
            new int[] {3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4},
            new int[] {4, 2, 3, 2, 4}, 192);

    private final List<BoardAnalyzer> boards = FakeBoardAnalyzer.threeBoards();
    private final HeatmapViewModel vm = new HeatmapViewModel(boards);

    @Test
    void rowsMatchTheLayersOfTheDescribedNet() {
        vm.setSubnet(SPACE, MIXED);
        NetworkDescription net = SPACE.describe(MIXED);
        HeatmapTable t = vm.subnetTableProperty().get();
        assertEquals(net.layers().size(), t.rows().size());
        for (int i = 0; i < net.layers().size(); i++) {
            assertEquals(net.layers().get(i), t.rows().get(i).layer());
        }
        assertEquals(List.of("zcu102", "zcu104", "kv260"), t.boards());
    }

    @Test
    void cellsAreTheBoardsReportsOfEachLayer() {
        vm.setSubnet(SPACE, MIXED);
        HeatmapTable t = vm.subnetTableProperty().get();
        FakeBoardAnalyzer kv260 = (FakeBoardAnalyzer) boards.get(2);
        for (int r = 0; r < t.rows().size(); r++) {
            Layer l = t.rows().get(r).layer();
            assertEquals(kv260.layer(l).latencyMs(), t.value(r, 2, HeatmapMetric.LATENCY), 1e-12);
            assertEquals(kv260.layer(l).opsPerByte(), t.value(r, 2, HeatmapMetric.OPS_PER_BYTE), 1e-12);
        }
    }

    @Test
    void elasticRowsKnowTheirBlock() {
        vm.setSubnet(SPACE, MIXED);
        HeatmapTable t = vm.subnetTableProperty().get();
        assertEquals(-1, t.rows().get(0).block(), "first_conv");
        assertEquals(-1, t.rows().get(1).block(), "blocks.0 is fixed");
        assertEquals(0, t.rows().get(2).block());
        // stage 1 runs blocks 4 and 5 only, so stage 2 starts at row 2 + 4 + 2
        assertEquals(8, t.rows().get(8).block());
        assertEquals(-1, t.rowOfBlock(6), "block 6 is beyond stage 1's depth");
    }

    @Test
    void latencyTotalIsTheSumOfTheLayerCells() {
        vm.setSubnet(SPACE, MIXED);
        HeatmapTable t = vm.subnetTableProperty().get();
        for (int b = 0; b < 3; b++) {
            double sum = 0;
            for (int r = 0; r < t.rows().size(); r++) {
                sum += t.value(r, b, HeatmapMetric.LATENCY);
            }
            assertEquals(sum, t.total(b, HeatmapMetric.LATENCY), 1e-9);
        }
    }

    @Test
    void opsPerByteTotalIsTotalOpsOverTotalBytes() throws OfaException {
        vm.setSubnet(SPACE, MIXED);
        HeatmapTable t = vm.subnetTableProperty().get();
        NetworkReport whole = boards.get(0).analyze(SPACE.describe(MIXED));
        assertEquals((double) whole.ops() / whole.bytes(), t.total(0, HeatmapMetric.OPS_PER_BYTE), 1e-9);
    }

    @Test
    void peakTotalIsAchievedOverPeakOfTheWholeNet() {
        vm.setSubnet(SPACE, MIXED);
        HeatmapTable t = vm.subnetTableProperty().get();
        double ops = 0;
        double ms = 0;
        for (HeatmapRow row : t.rows()) {
            ops += row.reports().get(1).ops();
            ms += row.reports().get(1).latencyMs();
        }
        double peakOpsPerMs = 1230 * 1e6; // zcu104 of the fake
        assertEquals(ops / ms / peakOpsPerMs, t.total(1, HeatmapMetric.PEAK_FRACTION), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(HeatmapMetric.class)
    void colourRangeFollowsTheMetric(HeatmapMetric metric) {
        vm.setSubnet(SPACE, MIXED);
        vm.metricProperty().set(metric);
        HeatmapTable t = vm.subnetTableProperty().get();
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int r = 0; r < t.rows().size(); r++) {
            for (int b = 0; b < 3; b++) {
                lo = Math.min(lo, t.value(r, b, metric));
                hi = Math.max(hi, t.value(r, b, metric));
            }
        }
        ColourScale scale = vm.colourScaleProperty().get();
        assertEquals(lo, scale.min(), 1e-12);
        assertEquals(hi, scale.max(), 1e-12);
        assertEquals(metric.logScale(), scale.log());
    }

    @Test
    void colourRangeSpansTheBaselineToo() {
        SubnetConfig max = SPACE.maxConfig(224);
        vm.setSubnet(SPACE, SPACE.minConfig(128));
        vm.setBaseline(SPACE.describe(max));
        HeatmapTable base = vm.baselineTableProperty().get();
        assertEquals(SPACE.describe(max).layers().size(), base.rows().size());
        double hi = 0;
        for (HeatmapTable t : List.of(vm.subnetTableProperty().get(), base)) {
            for (int r = 0; r < t.rows().size(); r++) {
                for (int b = 0; b < 3; b++) {
                    hi = Math.max(hi, t.value(r, b, HeatmapMetric.LATENCY));
                }
            }
        }
        assertEquals(hi, vm.colourScaleProperty().get().max(), 1e-12);
        double subnetOnlyMax = 0;
        HeatmapTable sub = vm.subnetTableProperty().get();
        for (int r = 0; r < sub.rows().size(); r++) {
            subnetOnlyMax = Math.max(subnetOnlyMax, sub.value(r, 0, HeatmapMetric.LATENCY));
        }
        assertTrue(hi > subnetOnlyMax, "the 224 max net has slower layers than the 128 min net");
    }

    @Test
    void whatIfCellsEqualAnalysesOfTheVariants() throws OfaException {
        vm.setSubnet(SPACE, MIXED);
        int block = 10; // stage 2, third block: k5 e4 in MIXED
        vm.showWhatIf(block, 2);
        WhatIfGrid g = vm.whatIfProperty().get();
        assertNotNull(g);
        assertEquals("blocks.11", g.layerName());
        assertEquals("kv260", g.board());
        for (int ki = 0; ki < 3; ki++) {
            for (int ei = 0; ei < 3; ei++) {
                int k = SPACE.kernelSizes().get(ki);
                int e = SPACE.expandRatios().get(ei);
                NetworkReport variant = boards.get(2).analyze(
                        SPACE.describe(MIXED.withBlock(block, k, e)));
                double expected = variant.layers().stream().filter(l -> l.name().equals("blocks.11"))
                        .findFirst().orElseThrow().latencyMs();
                assertEquals(expected, g.latencyMs(ki, ei), 1e-12, "k" + k + " e" + e);
            }
        }
        assertNotEquals(g.latencyMs(0, 0), g.latencyMs(2, 2));
    }

    @Test
    void whatIfMarksOnlyTheCurrentChoice() {
        vm.setSubnet(SPACE, MIXED);
        vm.showWhatIf(10, 0);
        WhatIfGrid g = vm.whatIfProperty().get();
        assertEquals(5, g.currentKernel());
        assertEquals(4, g.currentExpand());
        int marked = 0;
        for (int ki = 0; ki < 3; ki++) {
            for (int ei = 0; ei < 3; ei++) {
                if (g.isCurrent(ki, ei)) {
                    marked++;
                    assertEquals(5, g.kernels().get(ki));
                    assertEquals(4, g.expands().get(ei));
                }
            }
        }
        assertEquals(1, marked);
    }

    @Test
    void whatIfCurrentCellEqualsTheHeatmapCell() {
        vm.setSubnet(SPACE, MIXED);
        HeatmapTable t = vm.subnetTableProperty().get();
        int row = t.rowOfBlock(10);
        vm.hoverCell(t, row, 1);
        WhatIfGrid g = vm.whatIfProperty().get();
        assertEquals(10, g.block());
        assertEquals(t.value(row, 1, HeatmapMetric.LATENCY), g.latencyMs(1, 1), 1e-12);
    }

    @Test
    void whatIfOfAnInactiveBlockIsEmpty() {
        vm.setSubnet(SPACE, MIXED);
        vm.showWhatIf(7, 0); // stage 1 has depth 2: blocks 6 and 7 are ghosts
        assertNull(vm.whatIfProperty().get());
    }

    @Test
    void whatIfIsComputedOncePerBlockAndBoard() {
        vm.setSubnet(SPACE, MIXED);
        FakeBoardAnalyzer zcu102 = (FakeBoardAnalyzer) boards.get(0);
        int before = zcu102.calls();
        vm.showWhatIf(3, 0);
        vm.showWhatIf(3, 0);
        assertEquals(before + 9, zcu102.calls());
    }

    @Test
    void hoverTextNamesLayerBoardAndValues() {
        vm.setSubnet(SPACE, MIXED);
        HeatmapTable t = vm.subnetTableProperty().get();
        vm.hoverCell(t, 2, 0);
        String text = vm.hoverTextProperty().get();
        assertTrue(text.startsWith("blocks.1  k3 e3 on zcu102"), text);
        assertTrue(text.contains(HeatmapMetric.LATENCY.formatWithUnit(t.value(2, 0, HeatmapMetric.LATENCY))), text);
        vm.hoverCell(t, t.rows().size(), 0);
        assertTrue(vm.hoverTextProperty().get().startsWith("Total of"), vm.hoverTextProperty().get());
        vm.clearHover();
        assertEquals("", vm.hoverTextProperty().get());
    }

    @Test
    void hoveringTheBaselineKeepsTheWhatIfOfTheSubnet() {
        vm.setSubnet(SPACE, MIXED);
        vm.setBaseline(SPACE.describe(SPACE.minConfig(160)));
        vm.showWhatIf(0, 0);
        WhatIfGrid g = vm.whatIfProperty().get();
        vm.hoverCell(vm.baselineTableProperty().get(), 3, 1);
        assertEquals(g, vm.whatIfProperty().get());
    }

    @Test
    void analyzerFailureClearsTheTableAndSaysWhy() {
        BoardAnalyzer broken = new BoardAnalyzer() {
            @Override
            public String boardId() {
                return "zcu102";
            }

            @Override
            public NetworkReport analyze(NetworkDescription net) throws OfaException {
                throw new OfaException("profile zcu102.json: field peak: expected > 0, found 0");
            }
        };
        HeatmapViewModel failing = new HeatmapViewModel(List.of(broken));
        failing.setSubnet(SPACE, MIXED);
        assertNull(failing.subnetTableProperty().get());
        assertTrue(failing.errorProperty().get().contains("field peak"), failing.errorProperty().get());
    }

    @Test
    void aNewSubnetClearsTheWhatIf() {
        vm.setSubnet(SPACE, MIXED);
        vm.showWhatIf(0, 0);
        vm.setSubnet(SPACE, SPACE.maxConfig(224));
        assertNull(vm.whatIfProperty().get());
        assertFalse(vm.subnetTableProperty().get().rows().isEmpty());
    }

    @Test
    void whatIfFromElsewhereKeepsTheLastBoard() {
        vm.setSubnet(SPACE, MIXED);
        vm.showWhatIf(0);
        assertEquals("zcu102", vm.whatIfProperty().get().board());
        vm.showWhatIf(2, 2);
        vm.showWhatIf(3);
        assertEquals("kv260", vm.whatIfProperty().get().board());
        assertEquals(3, vm.whatIfProperty().get().block());
    }

    @Test
    void setBoardsRecomputesBothTablesForTheCurrentSubnetAndBaseline() throws OfaException {
        NetworkDescription base = SPACE.describe(SPACE.maxConfig(224));
        vm.setSubnet(SPACE, MIXED);
        vm.setBaseline(base);
        FakeBoardAnalyzer mine = new FakeBoardAnalyzer("myboard", 600, 8);
        vm.setBoards(List.of(boards.get(0), boards.get(1), boards.get(2), mine));

        assertEquals(List.of("zcu102", "zcu104", "kv260", "myboard"), vm.boards());
        HeatmapTable sub = vm.subnetTableProperty().get();
        HeatmapTable bt = vm.baselineTableProperty().get();
        assertEquals(vm.boards(), sub.boards());
        assertEquals(vm.boards(), bt.boards());
        NetworkReport expected = mine.analyze(SPACE.describe(MIXED));
        for (int r = 0; r < sub.rows().size(); r++) {
            assertEquals(expected.layers().get(r), sub.rows().get(r).reports().get(3));
        }
        assertEquals(mine.analyze(base).layers().get(0), bt.rows().get(0).reports().get(3));

        // Dropping a board drops its column from both tables.
        vm.setBoards(List.of(boards.get(0), mine));
        assertEquals(List.of("zcu102", "myboard"), vm.subnetTableProperty().get().boards());
        assertEquals(List.of("zcu102", "myboard"), vm.baselineTableProperty().get().boards());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void colourRangeFollowsTheNewBoards() {
        vm.setSubnet(SPACE, MIXED);
        double before = vm.colourScaleProperty().get().max();
        // a board 10x slower than any other stretches the latency range
        vm.setBoards(List.of(boards.get(0), new FakeBoardAnalyzer("slow", 115, 1.9)));
        assertTrue(vm.colourScaleProperty().get().max() > 5 * before, vm.colourScaleProperty().get().toString());
    }

    @Test
    void noBoardsLeaveNoTable() {
        vm.setSubnet(SPACE, MIXED);
        vm.setBaseline(SPACE.describe(SPACE.maxConfig(224)));
        vm.setBoards(List.of());
        assertTrue(vm.boards().isEmpty());
        assertNull(vm.subnetTableProperty().get());
        assertNull(vm.baselineTableProperty().get());
        vm.showWhatIf(0, 0);
        assertNull(vm.whatIfProperty().get());
        vm.setBoards(boards);
        assertEquals(3, vm.subnetTableProperty().get().boards().size());
    }

    @Test
    void aBoardThatCannotAnalyzeTheBaselineLosesOnlyThatColumn() {
        FakeBoardAnalyzer fake = new FakeBoardAnalyzer("profile", 900, 10);
        BoardAnalyzer subnetOnly = new BoardAnalyzer() {
            @Override
            public String boardId() {
                return "profile";
            }

            @Override
            public NetworkReport analyze(NetworkDescription net) throws OfaException {
                if (net.name().equals("mobilenetv2")) {
                    throw new OfaException("profile.json: profile lacks 12 layer key(s) that mobilenetv2 needs");
                }
                return fake.analyze(net);
            }
        };
        NetworkDescription base = SPACE.describe(SPACE.maxConfig(224));
        NetworkDescription renamed = new NetworkDescription("mobilenetv2", base.resolution(), base.numClasses(),
                base.layers());
        vm.setSubnet(SPACE, MIXED);
        vm.setBaseline(renamed);
        vm.setBoards(List.of(boards.get(0), subnetOnly));
        assertEquals(List.of("zcu102", "profile"), vm.subnetTableProperty().get().boards());
        assertEquals(List.of("zcu102"), vm.baselineTableProperty().get().boards());
        assertTrue(vm.errorProperty().get().contains("mobilenetv2 on profile"), vm.errorProperty().get());
        // Hovering the baseline's only column stays in range.
        vm.hoverCell(vm.baselineTableProperty().get(), 0, 0);
        assertTrue(vm.hoverTextProperty().get().contains("on zcu102"), vm.hoverTextProperty().get());
    }

    @Test
    void theWhatIfKeepsItsBoardAcrossANewBoardList() {
        vm.setSubnet(SPACE, MIXED);
        vm.showWhatIf(0, 2);
        vm.setBoards(List.of(boards.get(2), boards.get(0)));
        assertNull(vm.whatIfProperty().get(), "a new board list clears the grid");
        vm.showWhatIf(1);
        assertEquals("kv260", vm.whatIfProperty().get().board());
        vm.setBoards(List.of(boards.get(0)));
        vm.showWhatIf(1);
        assertEquals("zcu102", vm.whatIfProperty().get().board(), "a dropped board falls back to the first");
    }

    @Test
    void boardIdsMustBeDistinct() {
        assertThrows(IllegalArgumentException.class, () -> vm.setBoards(List.of(boards.get(0), boards.get(0))));
    }
}
