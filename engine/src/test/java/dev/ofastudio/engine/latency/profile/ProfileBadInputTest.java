package dev.ofastudio.engine.latency.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.cli.OfaCli;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.space.SearchSpace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken profile files: one clear line naming the field, exit 2 from the CLI, nothing half-written. */
class ProfileBadInputTest {
    static ObjectNode good;

    @BeforeAll
    static void load() throws Exception {
        good = (ObjectNode) Json.read(Path.of("..", "fpga-profiles", "kv260.json"));
    }

    static String anyKey() {
        return good.get("latency_ms").fieldNames().next();
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                Arguments.of("missing format", (Consumer<ObjectNode>) n -> n.remove("format"), "field format"),
                Arguments.of("missing board", (Consumer<ObjectNode>) n -> n.remove("board"), "field board"),
                Arguments.of("missing latency table", (Consumer<ObjectNode>) n -> n.remove("latency_ms"), "field latency_ms"),
                Arguments.of("missing source kind", (Consumer<ObjectNode>) n -> ((ObjectNode) n.get("source")).remove("kind"),
                        "field source.kind"),
                Arguments.of("missing coverage", (Consumer<ObjectNode>) n -> n.remove("coverage"), "field coverage"),
                Arguments.of("missing clock", (Consumer<ObjectNode>) n -> ((ObjectNode) n.get("board").get("dpu"))
                        .remove("clock_mhz"), "field dpu.clock_mhz"),
                Arguments.of("wrong version", (Consumer<ObjectNode>) n -> n.put("version", 2), "field version: expected 1"),
                Arguments.of("NaN latency", (Consumer<ObjectNode>) n -> ((ObjectNode) n.get("latency_ms"))
                        .put(anyKey(), "NaN"), "expected a finite latency > 0 ms"),
                Arguments.of("NaN number", (Consumer<ObjectNode>) n -> ((ObjectNode) n.get("latency_ms"))
                        .put(anyKey(), Double.NaN), "expected a finite latency > 0 ms"),
                Arguments.of("negative latency", (Consumer<ObjectNode>) n -> ((ObjectNode) n.get("latency_ms"))
                        .put(anyKey(), -0.5), "expected a finite latency > 0 ms"),
                Arguments.of("zero latency", (Consumer<ObjectNode>) n -> ((ObjectNode) n.get("latency_ms"))
                        .put(anyKey(), 0), "expected a finite latency > 0 ms"),
                Arguments.of("negative overhead", (Consumer<ObjectNode>) n -> n.put("frame_overhead_ms", -1),
                        "field frame_overhead_ms"),
                Arguments.of("unknown DPU size", (Consumer<ObjectNode>) n -> ((ObjectNode) n.get("board").get("dpu"))
                        .put("arch", "B9999"), "expected a DPUCZDX8G size"),
                Arguments.of("unknown kind", (Consumer<ObjectNode>) n -> ((ObjectNode) n.get("source"))
                        .put("kind", "guessed"), "field source.kind"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void rejectsABrokenProfileNamingTheField(String what, Consumer<ObjectNode> breakIt, String expected) throws Exception {
        ObjectNode n = good.deepCopy();
        breakIt.accept(n);
        OfaException e = assertThrows(OfaException.class, () -> FpgaProfiles.fromJson(n, "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json") && e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void listsEveryMissingKeyASubnetNeeds() throws Exception {
        ObjectNode n = good.deepCopy();
        SearchSpace w10 = SearchSpace.mobileNetV3(1.0);
        var net = w10.describe(w10.maxConfig(224));
        String k1 = net.layers().get(0).lutKey();
        String k2 = net.layers().get(net.layers().size() - 1).lutKey();
        ((ObjectNode) n.get("latency_ms")).remove(k1);
        ((ObjectNode) n.get("latency_ms")).remove(k2);
        ProfileLatencyModel m = new ProfileLatencyModel(FpgaProfiles.fromJson(n, "cut.json"), "cut.json");
        OfaException e = assertThrows(OfaException.class, () -> m.latencyMs(net));
        assertTrue(e.getMessage().contains("2 layer key(s)") && e.getMessage().contains(k1) && e.getMessage().contains(k2),
                e.getMessage());
    }

    static int cli(StringWriter out, StringWriter err, String... args) {
        return OfaCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void cliExitsTwoOnABadProfileWithOneLine(@TempDir Path dir) throws Exception {
        ObjectNode n = good.deepCopy();
        n.put("version", 7);
        Path bad = dir.resolve("bad.json");
        Json.write(bad, n);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = cli(out, err, "latency", "--net", "resnet50", "--profile", bad.toString(), "--json");
        assertEquals(2, code);
        assertEquals("", out.toString());
        assertTrue(err.toString().startsWith("ofa: error: " + bad) && err.toString().contains("version"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }

    @Test
    void cliRejectsUnknownBoardAndLeavesNoFile(@TempDir Path dir) {
        Path out = dir.resolve("p.json");
        StringWriter err = new StringWriter();
        assertEquals(2, cli(new StringWriter(), err, "profile", "generate", "--board", "zcu999", "--out", out.toString()));
        assertTrue(err.toString().contains("unknown board 'zcu999'") && err.toString().contains("kv260"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void cliRejectsABoardSpecWithAnUnknownDpuSizeAndLeavesTheOldProfile(@TempDir Path dir) throws Exception {
        ObjectNode board = (ObjectNode) good.get("board").deepCopy();
        ((ObjectNode) board.get("dpu")).put("arch", "B5000");
        Path spec = dir.resolve("myboard.json");
        Json.write(spec, board);
        Path out = dir.resolve("p.json");
        Files.writeString(out, "old");
        StringWriter err = new StringWriter();
        assertEquals(2, cli(new StringWriter(), err, "profile", "generate", "--board-spec", spec.toString(), "--out",
                out.toString()));
        assertTrue(err.toString().contains("B5000") && err.toString().contains("B4096"), err.toString());
        assertEquals("old", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temp file left behind");
        }
    }
}
