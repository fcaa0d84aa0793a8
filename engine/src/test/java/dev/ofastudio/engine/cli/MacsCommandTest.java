package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MacsCommandTest {
    @TempDir
    Path dir;

    static CliRun ofa(String... args) {
        return CliRun.of(args);
    }

    static void failsWith(CliRun r, String... parts) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        for (String p : parts) {
            assertTrue(line.contains(p), "'" + p + "' in: " + line);
        }
    }

    static Stream<JsonNode> latencyCases() {
        return StreamSupport.stream(Golden.json("latency_cases.json").get("cases").spliterator(), false);
    }

    /** The width-1.2, 1000-class MACs of the released Note10 nets and the max/min nets, through the CLI. */
    @ParameterizedTest(name = "{index}")
    @MethodSource("latencyCases")
    void printsTheReferenceMacsOfEveryLatencyCase(JsonNode c) throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, c.get("config").toString());
        CliRun r = ofa("macs", "--config", f.toString(), "--width", "1.2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.parse(r.out(), "stdout");
        assertEquals(c.get("mflops_formula_1000cls").asDouble(), j.get("macs").asLong() / 1e6, 1e-9);
        assertTrue(j.get("params").asLong() > 0);
    }

    @Test
    void printsMacsAndParamsOfAForwardCaseWithTenClasses() throws Exception {
        JsonNode c = Golden.json("forward_cases.json").get("cases").get(2); // D4-E3-K3 at r = 128
        CliRun r = ofa("macs", "--config", c.get("config").toString(), "--classes", "10", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.parse(r.out(), "stdout");
        assertEquals(c.get("macs_formula_r").asLong(), j.get("macs").asLong());
        assertEquals(c.get("params_extracted_subnet").asLong(), j.get("params").asLong());
    }

    /** The released configs and the fixtures use 32..224: every forward case counts at its own r. */
    @Test
    void countsEveryForwardCaseAtItsOwnResolutionWithoutExtraFlags() throws Exception {
        for (JsonNode c : Golden.json("forward_cases.json").get("cases")) {
            Path f = dir.resolve("case.json");
            Files.writeString(f, c.get("config").toString());
            CliRun r = ofa("macs", "--config", f.toString(), "--width", "1.0", "--classes", "10", "--json");
            assertEquals(0, r.code(), r.err());
            assertEquals(c.get("macs_formula_r").asLong(), Json.parse(r.out(), "stdout").get("macs").asLong());
        }
        // With a resolution list given, the list restricts r (case 01 runs at r = 32).
        Files.writeString(dir.resolve("case.json"), Golden.json("forward_cases.json").get("cases").get(1)
                .get("config").toString());
        failsWith(ofa("macs", "--config", dir.resolve("case.json").toString(), "--classes", "10",
                "--resolutions", "160,224"), "field r", "expected one of");
    }

    @Test
    void acceptsTheTutorialAndLibraryResolutionSpellings() throws Exception {
        String blocks = "\"ks\":" + repeat(3, 20) + ",\"e\":" + repeat(3, 20) + ",\"d\":" + repeat(2, 5);
        CliRun list = ofa("macs", "--config", "{" + blocks + ",\"r\":[224],\"wid\":null}", "--json");
        CliRun lib = ofa("macs", "--config", "{" + blocks + ",\"image_size\":224}", "--json");
        assertEquals(0, list.code(), list.err());
        assertEquals(list.out(), lib.out());
        // The min net (case 01) at 224 with 10 classes, plus 1280 x 990 for 1000 classes (golden README).
        long min224 = Golden.json("forward_cases.json").get("cases").get(1).get("macs_formula_224").asLong();
        assertEquals(min224 + 1280L * 990, Json.parse(list.out(), "stdout").get("macs").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ks:4:ks[0]", "e:5:e[0]", "d:1:d[0]", "r:8:field r"})
    void rejectsValuesOutsideTheSpaceNamingTheField(String spec) {
        String[] p = spec.split(":");
        int ks = p[0].equals("ks") ? Integer.parseInt(p[1]) : 3;
        int e = p[0].equals("e") ? Integer.parseInt(p[1]) : 3;
        int d = p[0].equals("d") ? Integer.parseInt(p[1]) : 2;
        int r = p[0].equals("r") ? Integer.parseInt(p[1]) : 224;
        String cfg = "{\"ks\":[" + ks + repeatTail(3, 19) + "],\"e\":[" + e + repeatTail(3, 19) + "],\"d\":[" + d
                + repeatTail(2, 4) + "],\"r\":" + r + "}";
        failsWith(ofa("macs", "--config", cfg, "--json"), p[2], "expected");
    }

    @Test
    void malformedAndTruncatedJsonNameTheFile() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"ks\": [3, 3, 3");
        failsWith(ofa("macs", "--config", f.toString()), "broken.json", "malformed JSON");
        failsWith(ofa("macs", "--config", "{\"ks\": [3]}"), "field ks", "20");
        failsWith(ofa("macs", "--config", dir.resolve("missing.json").toString()), "missing.json", "not found");
    }

    @Test
    void rejectsAnUnknownWidth() {
        String cfg = "{\"ks\":" + repeat(3, 20) + ",\"e\":" + repeat(3, 20) + ",\"d\":" + repeat(2, 5) + ",\"r\":224}";
        failsWith(ofa("macs", "--config", cfg, "--width", "1.3"), "--width", "1.0 or 1.2");
    }

    private static String repeat(int v, int n) {
        return "[" + v + repeatTail(v, n - 1) + "]";
    }

    private static String repeatTail(int v, int n) {
        return ("," + v).repeat(n);
    }
}
