package dev.ofastudio.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.space.SearchSpace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceBoardsTest {
    private final List<BoardAnalyzer> shipped = FakeBoardAnalyzer.threeBoards();

    private static LatencySource shippedSource(String id) {
        return new LatencySource(id, id.toUpperCase(), LatencySource.Kind.SHIPPED, null, Fakes.latency(id, 100));
    }

    private static LatencySource spec(String file) throws OfaException {
        Path p = Path.of("/data", file).toAbsolutePath();
        return new LatencySource(p.toString(), "ZCU104 model (" + file + ")", LatencySource.Kind.FILE, p,
                new DpuLatencyModel(BoardSpecs.load("zcu104")));
    }

    @Test
    void shippedBoardsUseTheGivenAnalyzersInSourceOrder() {
        SourceBoards b = SourceBoards.of(List.of(shippedSource("kv260"), shippedSource("zcu102")), shipped);
        assertSame(shipped.get(2), b.analyzers().get(0));
        assertSame(shipped.get(0), b.analyzers().get(1));
        assertEquals("", b.note());
    }

    @Test
    void aLoadedBoardSpecGetsAColumnNamedByItsFileThatAnalyzesWithItsModel() throws OfaException {
        LatencySource mine = spec("myboard.json");
        SourceBoards b = SourceBoards.of(List.of(shippedSource("zcu102"), mine), shipped);
        assertEquals(List.of("zcu102", "myboard"), b.analyzers().stream().map(BoardAnalyzer::boardId).toList());
        var net = SearchSpace.mobileNetV3(1.0).describe(SearchSpace.mobileNetV3(1.0).maxConfig(224));
        assertEquals(((DpuLatencyModel) mine.model()).analyze(net), b.analyzers().get(1).analyze(net));
    }

    @Test
    void aFileNamedLikeAShippedBoardGetsADistinctColumn() throws OfaException {
        SourceBoards b = SourceBoards.of(List.of(shippedSource("zcu104"), spec("zcu104.json")), shipped);
        assertEquals(List.of("zcu104", "zcu104 (2)"), b.analyzers().stream().map(BoardAnalyzer::boardId).toList());
    }

    @Test
    void lookupTablesAreLeftOutAndNamedInTheNote() {
        Path csv = Path.of("/data/lut.csv").toAbsolutePath();
        LatencySource lut = new LatencySource(csv.toString(), "LUT lut.csv", LatencySource.Kind.FILE, csv,
                Fakes.latency("lut", 50));
        SourceBoards b = SourceBoards.of(List.of(shippedSource("zcu102"), lut), shipped);
        assertEquals(1, b.analyzers().size());
        assertEquals(List.of("LUT lut.csv"), b.leftOut());
        assertTrue(b.note().contains("LUT lut.csv") && b.note().contains("per-layer"), b.note());
    }

    @Test
    void noCheckedSourceSaysSo() {
        SourceBoards b = SourceBoards.of(List.of(), shipped);
        assertTrue(b.analyzers().isEmpty());
        assertTrue(b.note().startsWith("No latency source is checked"), b.note());
    }
}
