package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.latency.profile.FpgaProfile;
import dev.ofastudio.engine.latency.profile.FpgaProfiles;
import dev.ofastudio.engine.space.SearchSpaces;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import dev.ofastudio.engine.supernet.OfaSupernet;
import dev.ofastudio.engine.supernet.SupernetFiles;
import dev.ofastudio.engine.testing.TinyProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on a project whose space is not ImageNet's (the Fashion-MNIST shape): boards, profiles, export. */
class ProjectSpaceCliTest {
    @TempDir
    Path tmp;

    @Test
    void sweepTakesTheProjectsPredictorSpaceAndBoardsAndNoImageNetReferences() throws Exception {
        Path dir = TinyProjects.fashionMnist(tmp.resolve("p"));
        CliRun r = CliRun.of("sweep", "--project", dir.toString(), "--budgets", "1", "--random", "200",
                "--population", "8", "--generations", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(List.of("ZCU102", "KV260"), List.of(j.get("boards").get(0).asText(),
                j.get("boards").get(1).asText()));
        assertEquals(0, j.get("references").size(), "ImageNet networks are meaningless on Fashion-MNIST");
        JsonNode front = j.get("fronts").get("KV260");
        assertTrue(front.size() > 0);
        assertTrue(List.of(24, 28, 32, 36, 40).contains(front.get(0).get("config").get("r").asInt()),
                front.get(0).toString());
    }

    @Test
    void sweepStillTakesAPredictorWithoutAProject() {
        CliRun r = CliRun.of("sweep", "--budgets", "1", "--random", "10", "--json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--predictor FILE or --project"), r.err());
    }

    @Test
    void searchUnderALatencyBudgetOnAProjectBoardAtTheProjectsResolutions() throws Exception {
        Path dir = TinyProjects.fashionMnist(tmp.resolve("p"));
        CliRun r = CliRun.of("search", "--project", dir.toString(), "--board", "kv260", "--max-latency-ms", "50",
                "--population", "8", "--generations", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertTrue(j.get("latency_ms").asDouble() > 0 && j.get("latency_ms").asDouble() <= 50, j.toString());
        // Without --board the project's first board prices the search.
        r = CliRun.of("search", "--project", dir.toString(), "--max-latency-ms", "50", "--population", "8",
                "--generations", "2", "--json");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void profileGenerateWritesATableForASpaceFileOrAProject() throws Exception {
        Path dir = TinyProjects.fashionMnist(tmp.resolve("p"));
        Path out = tmp.resolve("zcu104-fmnist.json");
        CliRun r = CliRun.of("profile", "generate", "--board", "zcu104", "--project", dir.toString(), "--out",
                out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        FpgaProfile p = FpgaProfiles.read(out);
        assertEquals(List.of(24, 28, 32, 36, 40), p.resolutions());
        assertEquals("zcu104", p.board().id());

        Path spaceFile = tmp.resolve("space.json");
        Files.writeString(spaceFile, SearchSpaces.toJson(TinyProjects.fashionMnistSpace()
                .withResolutions(List.of(32))).toString());
        Path out2 = tmp.resolve("one.json");
        r = CliRun.of("profile", "generate", "--board", "kv260", "--space-json", spaceFile.toString(), "--out",
                out2.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(32), FpgaProfiles.read(out2).resolutions());

        r = CliRun.of("profile", "generate", "--board", "kv260", "--space-json", spaceFile.toString(), "--project",
                dir.toString(), "--out", tmp.resolve("x.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("give one space"), r.err());
        assertTrue(Files.notExists(tmp.resolve("x.json")));
    }

    @Test
    void exportTakesTheProjectsFp16Supernet() throws Exception {
        Mbv3Space space = (Mbv3Space) TinyProjects.fashionMnistSpace();
        Path dir = tmp.resolve("p");
        Files.createDirectories(dir);
        Path full = tmp.resolve("super.ofa");
        try (NDManager m = NDManager.newBaseManager()) {
            OfaSupernet net = new OfaSupernet(space);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            SupernetFiles.save(net, full);
        }
        SupernetFiles.saveHalf(full, dir.resolve("supernet-fp16.ofa"));
        TinyProjects.write(dir, space, j -> j.put("supernet", "supernet-fp16.ofa"));
        String config = Json.MAPPER.writeValueAsString(Json.MAPPER.valueToTree(java.util.Map.of(
                "ks", List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3),
                "e", List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3),
                "d", List.of(2, 2, 2, 2, 2), "r", 32)));
        Path out = tmp.resolve("net.pth");
        CliRun r = CliRun.of("export", "--project", dir.toString(), "--config", config, "--format", "pth", "--out",
                out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.json().get("params").asLong() > 0);
        assertTrue(Files.size(out) > 0);
        // A 1-channel supernet exports a 1-channel ONNX input.
        Path onnx = tmp.resolve("net.onnx");
        r = CliRun.of("export", "--project", dir.toString(), "--config", config, "--format", "onnx", "--out",
                onnx.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(onnx) > 0);

        TinyProjects.fashionMnist(dir);
        r = CliRun.of("export", "--project", dir.toString(), "--config", config, "--format", "pth", "--out",
                tmp.resolve("y.pth").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("names no supernet (field supernet)"), r.err());
        r = CliRun.of("export", "--config", config, "--format", "pth", "--out", tmp.resolve("y.pth").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--checkpoint and --project"), r.err());
    }
}
