package dev.ofastudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceFileTest {
    @TempDir
    Path tmp;

    private static WorkspaceFile.Workspace sample() {
        ResultTable t = new ResultTable.Builder(List.of("ZCU102", "KV260"))
                .add(SubnetConfig.uniform(3, 3, 2, 160), 74.5, 150_000_000L, 4_000_000L, new double[] {2.5, 3.5},
                        ResultTable.CLOUD, Double.NaN)
                .add(SubnetConfig.uniform(7, 6, 4, 224), 80.1, 600_000_000L, 9_000_000L, new double[] {9.0, Double.NaN},
                        1, 12.5)
                .build();
        return new WorkspaceFile.Workspace(1.2, "/tmp/acc_predictor.pth",
                List.of(new WorkspaceFile.SourceRef(LatencySource.Kind.SHIPPED, "zcu102", null, true),
                        new WorkspaceFile.SourceRef(LatencySource.Kind.FILE, "/p/kv.json", "/p/kv.json", false)),
                "zcu102", 6, 12_000, 42, 7.25, List.of("zcu102", "/p/kv.json"), t, 1);
    }

    @Test
    void roundTripsEveryField() throws OfaException {
        Path f = tmp.resolve("w.ofaws.json");
        WorkspaceFile.Workspace w = sample();
        WorkspaceFile.write(f, w);
        WorkspaceFile.Workspace r = WorkspaceFile.read(f);
        assertEquals(w.widthMult(), r.widthMult());
        assertEquals(w.predictorPath(), r.predictorPath());
        assertEquals(w.sources(), r.sources());
        assertEquals(w.chosenSource(), r.chosenSource());
        assertEquals(List.of(6, 12_000, 42L, 7.25), List.of(r.budgetCount(), r.cloudSize(), r.seed(), r.budgetMs()));
        assertEquals(w.sweepBoards(), r.sweepBoards());
        assertEquals(1, r.selectedRow());
        ResultTable a = w.results();
        ResultTable b = r.results();
        assertEquals(a.boards(), b.boards());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.config(i), b.config(i));
            assertEquals(a.accuracy(i), b.accuracy(i));
            assertEquals(a.macs(i), b.macs(i));
            assertEquals(a.params(i), b.params(i));
            assertEquals(a.origin(i), b.origin(i));
            assertEquals(a.budget(i), b.budget(i));
            for (int k = 0; k < 2; k++) {
                assertEquals(a.latency(k, i), b.latency(k, i));
            }
        }
    }

    @Test
    void rejectsANewerVersionNamingBoth() throws Exception {
        Path f = tmp.resolve("w.json");
        WorkspaceFile.write(f, sample());
        Files.writeString(f, Files.readString(f).replace("\"version\":1", "\"version\":7"));
        OfaException e = assertThrows(OfaException.class, () -> WorkspaceFile.read(f));
        assertTrue(e.getMessage().contains("version 7, this build reads up to 1"), e.getMessage());
    }

    @Test
    void rejectsAFileThatIsNotAWorkspace() throws Exception {
        Path f = tmp.resolve("other.json");
        Files.writeString(f, "{\"format\": \"ofa-studio-fpga-profile\"}");
        OfaException e = assertThrows(OfaException.class, () -> WorkspaceFile.read(f));
        assertTrue(e.getMessage().contains("format"), e.getMessage());
    }
}
