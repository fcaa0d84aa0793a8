package dev.ofastudio.app.workspace;

import static dev.ofastudio.app.workspace.SameResults.assertSameResults;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.engine.OfaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceFileTest {
    /** The Fashion-MNIST project's space: one channel, ten classes, small resolutions. */
    static final SearchSpace FASHION_MNIST = SearchSpace.mobileNetV3(1.0).withInputChannels(1).withNumClasses(10)
            .withResolutions(List.of(24, 28, 32, 36, 40));

    @TempDir
    Path tmp;

    private static WorkspaceFile.Workspace sample() {
        return sample(SearchSpace.mobileNetV3(1.2), "imagenet");
    }

    private static WorkspaceFile.Workspace sample(SearchSpace space, String project) {
        ResultTable t = new ResultTable.Builder(List.of("ZCU102", "KV260"))
                .add(SubnetConfig.uniform(3, 3, 2, 160), 74.5, 150_000_000L, 4_000_000L, new double[] {2.5, 3.5},
                        ResultTable.CLOUD, Double.NaN)
                .add(SubnetConfig.uniform(7, 6, 4, 224), 80.1, 600_000_000L, 9_000_000L, new double[] {9.0, Double.NaN},
                        1, 12.5)
                .build();
        return new WorkspaceFile.Workspace(space, project, "/tmp/acc_predictor.pth",
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
        assertEquals(w.space(), r.space());
        assertEquals(w.project(), r.project());
        assertEquals(w.predictorPath(), r.predictorPath());
        assertEquals(w.sources(), r.sources());
        assertEquals(w.chosenSource(), r.chosenSource());
        assertEquals(List.of(6, 12_000, 42L, 7.25), List.of(r.budgetCount(), r.cloudSize(), r.seed(), r.budgetMs()));
        assertEquals(w.sweepBoards(), r.sweepBoards());
        assertEquals(1, r.selectedRow());
        assertSameResults(w.results(), r.results());
    }

    @Test
    void recordsTheWholeSpaceAndTheProjectAndKeepsWidthMultForOlderReaders() throws Exception {
        Path f = tmp.resolve("w.ofaws.json");
        String folder = tmp.resolve("grey-project").toString();
        WorkspaceFile.write(f, sample(FASHION_MNIST, folder));
        WorkspaceFile.Workspace r = WorkspaceFile.read(f);
        assertEquals(FASHION_MNIST, r.space());
        assertEquals(folder, r.project());
        JsonNode root = Json.read(f);
        assertEquals(1.0, root.get("width_mult").asDouble());
        assertEquals(1, root.get("space").get("input_channels").asInt());
        assertEquals(10, root.get("space").get("num_classes").asInt());
        assertEquals("ofa_mbv3", root.get("space").get("kind").asText());
    }

    @Test
    void aFileWithOnlyWidthMultReadsAsTheReferenceSpaceWithoutAProject() throws Exception {
        Path f = tmp.resolve("old.ofaws.json");
        WorkspaceFile.write(f, sample(FASHION_MNIST, "fashion-mnist"));
        ObjectNode root = (ObjectNode) Json.read(f);
        root.remove(List.of("space", "project"));
        root.put("width_mult", 1.2);
        Files.writeString(f, root.toString());
        WorkspaceFile.Workspace r = WorkspaceFile.read(f);
        assertEquals(SearchSpace.mobileNetV3(1.2), r.space());
        assertNull(r.project());
        assertEquals(2, r.results().size());
    }

    @Test
    void aBadSpaceNamesTheFileAndTheField() throws Exception {
        Path f = tmp.resolve("w.ofaws.json");
        WorkspaceFile.write(f, sample(FASHION_MNIST, null));
        Files.writeString(f, Files.readString(f).replace("\"input_channels\":1", "\"input_channels\":\"grey\""));
        OfaException e = assertThrows(OfaException.class, () -> WorkspaceFile.read(f));
        assertTrue(e.getMessage().startsWith(f + ": field space: input_channels: expected a number"), e.getMessage());
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
