package dev.ofastudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.app.heatmap.FakeBoardAnalyzer;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.testing.BuiltIn;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.space.SearchSpace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heatmap's columns follow the checked latency sources of the inputs panel. */
class StudioHeatmapColumnsTest {
    @TempDir
    Path tmp;

    private Studio studio() {
        Studio s = new Studio(Fakes.loaders(), new FakeDialogService(), new ImmediateTaskExecutor(),
                BuiltIn.openingImageNet(), Fakes.randomSearch(20),
                List.<BoardAnalyzer>of(new FakeBoardAnalyzer("fast", 1200, 19), new FakeBoardAnalyzer("slow", 600, 9)));
        s.start();
        return s;
    }

    @Test
    void aLoadedBoardSpecAddsAColumnAndUncheckingItDropsIt() throws Exception {
        Studio s = studio();
        SearchSpace space = SearchSpace.mobileNetV3(1.0);
        s.heatmap().setSubnet(space, space.maxConfig(224));
        assertEquals(List.of("fast", "slow"), s.heatmap().subnetTableProperty().get().boards());

        Path spec = tmp.resolve("myboard.json");
        var item = s.inputs().addSource(new LatencySource(spec.toString(), "ZCU104 model (myboard.json)",
                LatencySource.Kind.FILE, spec, new DpuLatencyModel(BoardSpecs.load("zcu104"))), true);
        assertEquals(List.of("fast", "slow", "myboard"), s.heatmap().boards());
        assertEquals(List.of("fast", "slow", "myboard"), s.heatmap().subnetTableProperty().get().boards());

        item.enabledProperty().set(false);
        assertEquals(List.of("fast", "slow"), s.heatmap().subnetTableProperty().get().boards());
        s.inputs().sources().get(0).enabledProperty().set(false);
        assertEquals(List.of("slow"), s.heatmap().subnetTableProperty().get().boards());
        item.enabledProperty().set(true);
        assertEquals(List.of("slow", "myboard"), s.heatmap().subnetTableProperty().get().boards());
    }

    @Test
    void aLookupTableHasNoColumnAndTheNoteSaysWhy() {
        Studio s = studio();
        s.inputs().loadLatency(tmp.resolve("my.csv"));
        // The two shipped fakes, the open ImageNet project's Note10 table (unchecked) and the CSV.
        assertEquals(4, s.inputs().sources().size());
        assertEquals(List.of("fast", "slow"), s.heatmap().boards());
        String note = s.heatmap().noteProperty().get();
        assertTrue(note.contains("file my.csv"), note);
    }
}
