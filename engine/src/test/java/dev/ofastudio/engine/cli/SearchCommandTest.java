package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
    static final String PTH = Golden.officialPredictor().toString();
    static final String LUT = Golden.note10Lut().toString();

    @TempDir
    Path dir;

    static CliRun ofa(String... args) {
        return CliRun.of(args);
    }

    static String[] search(String... extra) {
        List<String> a = new ArrayList<>(List.of("search", "--predictor", PTH, "--population", "20",
                "--generations", "5", "--json"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    /** Exit 2 and one line on stderr containing every part. */
    static void failsWith(CliRun r, String... parts) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertTrue(line.startsWith("ofa: "), line);
        for (String p : parts) {
            assertTrue(line.contains(p), "'" + p + "' in: " + line);
        }
    }

    @Test
    void printsTheJsonContract() throws Exception {
        CliRun r = ofa(search("--lut", LUT, "--max-latency-ms", "25", "--seed", "3"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.parse(r.out(), "stdout");
        assertTrue(j.get("accuracy").isDouble());
        assertTrue(j.get("latency_ms").asDouble() <= 25);
        assertTrue(j.get("macs").isIntegralNumber());
        assertTrue(j.get("seconds").isNumber());
        JsonNode c = j.get("config");
        assertEquals(20, c.get("ks").size());
        assertEquals(20, c.get("e").size());
        assertEquals(5, c.get("d").size());
        assertTrue(List.of(160, 176, 192, 208, 224).contains(c.get("r").asInt()));
        assertEquals(20 * 6, j.get("history_size").asInt());
        // The same seed gives the same answer.
        JsonNode again = Json.parse(ofa(search("--lut", LUT, "--max-latency-ms", "25", "--seed", "3")).out(), "stdout");
        assertEquals(j.get("config"), again.get("config"));
        assertEquals(j.get("accuracy"), again.get("accuracy"));
    }

    @Test
    void searchesUnderAMacsBudgetWithoutATable() throws Exception {
        CliRun r = ofa(search("--max-macs", "300000000"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.parse(r.out(), "stdout");
        assertTrue(j.get("macs").asLong() <= 300_000_000L);
        assertTrue(j.get("latency_ms").isNull());
    }

    @Test
    void writesTheHistoryAsCsvAndJson() throws Exception {
        Path csv = dir.resolve("history.csv");
        assertEquals(0, ofa(search("--lut", LUT, "--max-latency-ms", "30", "--history", csv.toString())).code());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("generation,accuracy,latency_ms,macs,r,d,ks,e", lines.get(0));
        assertEquals(1 + 120, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(8, f.length, line);
            assertTrue(Double.parseDouble(f[2]) <= 30, line);
            assertEquals(20, f[6].split(" ").length, line);
        }
        Path json = dir.resolve("history.json");
        assertEquals(0, ofa(search("--lut", LUT, "--max-latency-ms", "30", "--history", json.toString())).code());
        JsonNode h = Json.read(json);
        assertEquals(120, h.size());
        assertEquals(0, h.get(0).get("generation").asInt());
        assertEquals(5, h.get(119).get("generation").asInt());
        assertEquals(20, h.get(0).get("config").get("ks").size());
    }

    @Test
    void infeasibleBudgetExitsTwoWithTheFeasibleRange() {
        failsWith(ofa(search("--lut", LUT, "--max-latency-ms", "3")), "3.000 ms", "9.890 to 92.398 ms");
    }

    @Test
    void malformedYamlTableIsNamed() throws Exception {
        Files.writeString(dir.resolve("224_lookup_table.yaml"), "Conv-input:224x224x3: {mean: [1,\n");
        failsWith(ofa(search("--lut", dir.toString(), "--max-latency-ms", "25", "--resolutions", "224")),
                "224_lookup_table.yaml", "malformed YAML");
    }

    @Test
    void csvWithNaNIsNamedWithItsLine() throws Exception {
        Files.writeString(dir.resolve("224.csv"), "key,latency_ms\nConv-a,NaN\n");
        failsWith(ofa(search("--lut", dir.toString(), "--max-latency-ms", "25", "--resolutions", "224")),
                "224.csv", "line 2", "latency_ms", "finite");
    }

    @Test
    void csvWithNegativeLatencyIsNamedWithItsLine() throws Exception {
        Files.writeString(dir.resolve("224.csv"), "key,latency_ms\nConv-a,1.0\nConv-b,-2\n");
        failsWith(ofa(search("--lut", dir.toString(), "--max-latency-ms", "25", "--resolutions", "224")),
                "224.csv", "line 3", "non-negative");
    }

    @Test
    void tableMissingKeysListsThem() throws Exception {
        Files.writeString(dir.resolve("224.csv"), "key,latency_ms\nConv-input:224x224x3-output:112x112x24,1.0\n");
        failsWith(ofa(search("--lut", dir.toString(), "--max-latency-ms", "25", "--resolutions", "224")),
                "224.csv", "resolution 224", "keys missing", "Logits-input:1x1x1536-output:1000",
                "expanded_conv-input:112x112x24-output:112x112x24-expand:24");
    }

    @Test
    void tableWithoutASearchResolutionNamesTheAvailableOnes() {
        failsWith(ofa(search("--lut", LUT, "--max-latency-ms", "25", "--resolutions", "128,160")),
                "128", "160, 164");
    }

    @Test
    void searchesUnderABoardProfileLikeALookupTable() throws Exception {
        CliRun r = ofa(search("--board", "zcu102", "--max-latency-ms", "5.0", "--seed", "1"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.parse(r.out(), "stdout");
        double found = j.get("latency_ms").asDouble();
        assertTrue(found <= 5.0, "within budget: " + found);
        // The same net through `ofa latency` on the board gives the same figure: both are the DPU model.
        CliRun lat = ofa("latency", "--config", j.get("config").toString(), "--width", "1.2", "--board", "zcu102",
                "--json");
        assertEquals(0, lat.code(), lat.err());
        assertEquals(Json.parse(lat.out(), "stdout").get("latency_ms").asDouble(), found, 1e-4);
    }

    @Test
    void twoLatencyTablesAreRejected() {
        failsWith(ofa(search("--lut", LUT, "--board", "zcu102", "--max-latency-ms", "25")), "--lut", "--board");
    }

    @Test
    void latencyBudgetNeedsATable() {
        failsWith(ofa(search("--max-latency-ms", "25")), "--lut");
    }

    @Test
    void aBudgetIsRequired() {
        failsWith(ofa(search("--lut", LUT)), "--max-latency-ms", "--max-macs");
    }

    @Test
    void negativeBudgetIsRejected() {
        failsWith(ofa(search("--lut", LUT, "--max-latency-ms", "-1")), "--max-latency-ms", "positive");
    }

    @Test
    void missingPredictorFileIsNamed() {
        CliRun r = ofa("search", "--predictor", dir.resolve("none.pth").toString(), "--lut", LUT,
                "--max-latency-ms", "25", "--json");
        failsWith(r, "none.pth");
    }

    @Test
    void benchSearchPrintsTheMedianAndSpeedUp() throws Exception {
        CliRun r = ofa("bench", "search", "--predictor", PTH, "--lut", LUT, "--runs", "1", "--population", "10",
                "--generations", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.parse(r.out(), "stdout");
        assertEquals("search", j.get("benchmark").asText());
        assertEquals(1, j.get("runs_seconds").size());
        assertEquals(j.get("runs_seconds").get(0).asDouble(), j.get("median_seconds").asDouble(), 0.0);
        assertEquals(22.17 / j.get("median_seconds").asDouble(), j.get("speedup_vs_tutorial").asDouble(), 1e-9);
        assertTrue(j.get("best_latency_ms").asDouble() <= 25);
    }

    @Test
    void benchFindsTheReferenceFilesBesideTheCheckoutByDefault() throws Exception {
        CliRun r = ofa("bench", "search", "--runs", "1", "--population", "10", "--generations", "1", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(Json.parse(r.out(), "stdout").get("best_latency_ms").asDouble() <= 25);
    }

    @Test
    void benchMedianOfAnEvenCountAveragesTheMiddle() {
        assertEquals(2.5, BenchCommand.median(new double[] {4, 1, 3, 2}), 0.0);
        assertEquals(3.0, BenchCommand.median(new double[] {5, 3, 1}), 0.0);
    }
}
