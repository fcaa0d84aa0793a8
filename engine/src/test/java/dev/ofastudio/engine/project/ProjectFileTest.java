package dev.ofastudio.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project folder: its project.json, and one clear line for each kind of bad input. */
class ProjectFileTest {
    @TempDir
    Path dir;

    private Path folder(String json) throws Exception {
        Files.copy(Golden.officialPredictor(), dir.resolve("acc.pth"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(dir.resolve("lut"));
        Files.copy(Golden.note10Lut().resolve("192_lookup_table.yaml"), dir.resolve("lut/192_lookup_table.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("project.json"), json);
        return dir;
    }

    private static String json(String predictor, String tables, String boards, String width) {
        return "{\"format\": \"ofa-studio-project\", \"version\": 1, \"name\": \"Mine\", "
                + "\"space\": {\"kind\": \"ofa_mbv3\", \"width_mult\": " + width + "}, \"predictor\": \""
                + predictor + "\", \"latency_tables\": " + tables + ", \"boards\": " + boards + "}";
    }

    private OfaException fails(String json) throws Exception {
        Path d = folder(json);
        return assertThrows(OfaException.class, () -> BuiltInProjects.resolve(d.toString()));
    }

    @Test
    void readsAFolderProjectThroughTheCliForm() throws Exception {
        Path d = folder(json("acc.pth", "[\"lut\"]", "[\"kv260\"]", "1.0"));
        Project p = BuiltInProjects.resolve(d.toString());
        assertEquals(d.toAbsolutePath().normalize().toString(), p.id());
        assertEquals("Mine", p.name());
        assertEquals(SearchSpace.mobileNetV3(1.0), p.space());
        assertEquals(d.resolve("acc.pth").toAbsolutePath().normalize(), p.predictor());
        assertEquals(List.of(d.resolve("lut").toAbsolutePath().normalize()), p.latencyTables());
        assertEquals(List.of("kv260"), p.boards());
        assertEquals("", p.notice());
        assertEquals(List.of(192), ((dev.ofastudio.engine.latency.LutLatencyModel) p.loadDefaultLatency()).resolutions());
    }

    @Test
    void withoutTablesTheDefaultLatencyIsTheFirstBoardsProfile() throws Exception {
        Project p = BuiltInProjects.resolve(folder(json("acc.pth", "[]", "[\"zcu104\"]", "1.2")).toString());
        assertTrue(p.loadDefaultLatency().name().contains("zcu104"), p.loadDefaultLatency().name());
    }

    @Test
    void aFolderWithoutProjectJsonIsNotAProject() throws Exception {
        OfaException e = assertThrows(OfaException.class, () -> BuiltInProjects.resolve(dir.toString()));
        assertTrue(e.getMessage().contains("not a project folder (expected a project.json"), e.getMessage());
        e = assertThrows(OfaException.class, () -> BuiltInProjects.resolve(dir.resolve("nope").toString()));
        assertTrue(e.getMessage().contains("found no such folder"), e.getMessage());
    }

    @Test
    void namesTheFieldOfEachBadValue() throws Exception {
        assertMessage(fails(json("../acc.pth", "[]", "[]", "1.2")), "field predictor: expected a file name inside the project folder");
        assertMessage(fails(json("missing.pth", "[]", "[]", "1.2")), "field predictor: expected an existing file");
        assertMessage(fails(json("acc.pth", "[\"nolut\"]", "[]", "1.2")), "field latency_tables[0]: expected an existing");
        assertMessage(fails(json("acc.pth", "[]", "[\"zcu999\"]", "1.2")), "field boards[0]: expected one of");
        assertMessage(fails(json("acc.pth", "[]", "[]", "\"wide\"")), "field space: width_mult: expected a number");
        assertMessage(fails(json("acc.pth", "\"lut\"", "[]", "1.2")), "field latency_tables: expected a list");
        assertMessage(fails("{\"format\": \"other\"}"), "field format: expected \"ofa-studio-project\"");
        assertMessage(fails(json("acc.pth", "[]", "[]", "1.2").replace("ofa_mbv3", "resnet")),
                "field space.kind: expected one of [ofa_mbv3], found resnet");
        assertMessage(fails("[1]"), "expected a JSON object");
    }

    private static void assertMessage(OfaException e, String part) {
        assertTrue(e.getMessage().contains("project.json"), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
