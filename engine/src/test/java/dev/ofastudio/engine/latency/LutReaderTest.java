package dev.ofastudio.engine.latency;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad tables become one-line errors naming the file, the key or line, and the field. */
class LutReaderTest {
    @TempDir
    Path dir;

    private OfaException loadFails(String fileName, String content) throws Exception {
        Path f = dir.resolve(fileName);
        Files.writeString(f, content);
        OfaException e = assertThrows(OfaException.class, () -> LutLatencyModel.load(f));
        String m = e.getMessage();
        assertTrue(m.contains(fileName), m);
        assertTrue(!m.contains("\n"), "one line: " + m);
        return e;
    }

    private static void contains(OfaException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void rejectsMalformedYaml() throws Exception {
        contains(loadFails("224_lookup_table.yaml", "Conv-input:1x1x3: {mean: [1, 2\n"), "malformed YAML", "line");
    }

    @Test
    void rejectsATruncatedYamlTable() throws Exception {
        String full = Files.readString(Golden.note10Lut().resolve("224_lookup_table.yaml"));
        // Cut inside the key of the third entry: the last line has no ':' any more.
        int cut = full.indexOf("Conv_1-input") + 10;
        contains(loadFails("224_lookup_table.yaml", full.substring(0, cut)), "malformed YAML");
    }

    @Test
    void rejectsAYamlTableThatIsAList() throws Exception {
        contains(loadFails("224_lookup_table.yaml", "- 1\n- 2\n"), "expected a YAML mapping", "list");
    }

    @Test
    void rejectsAnEmptyYamlTable() throws Exception {
        contains(loadFails("224_lookup_table.yaml", ""), "empty");
    }

    @Test
    void rejectsANonMappingEntry() throws Exception {
        contains(loadFails("224_lookup_table.yaml", "Conv-input:224x224x3-output:112x112x24: 0.99\n"),
                "key Conv-input:224x224x3-output:112x112x24", "expected a mapping");
    }

    @Test
    void rejectsAnEntryWithoutMean() throws Exception {
        contains(loadFails("224_lookup_table.yaml", "Conv-input:a:\n  count: 5\n  std: 0.1\n"),
                "key Conv-input:a", "field mean", "found nothing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ".nan      | finite",
        ".inf      | finite",
        "-0.5      | non-negative",
        "fast      | a number",
        "[1, 2]    | list",
    })
    void rejectsBadYamlMeans(String mean, String expected) throws Exception {
        contains(loadFails("224_lookup_table.yaml", "Conv-input:a:\n  count: 5\n  mean: " + mean + "\n"),
                "key Conv-input:a", "field mean", expected);
    }

    @Test
    void rejectsAYamlTableWhoseNameHasNoResolution() throws Exception {
        contains(loadFails("note10.yaml", "a:\n  mean: 1\n"), "<r>_lookup_table.yaml");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NaN   | finite",
        "-1    | non-negative",
        "slow  | a number",
    })
    void rejectsBadCsvLatenciesNamingTheLine(String latency, String expected) throws Exception {
        contains(loadFails("224.csv", "key,latency_ms\nConv-a,0.5\nConv-b," + latency + "\n"),
                "line 3", "latency_ms", "Conv-b", expected);
    }

    @Test
    void rejectsACsvRowWithoutLatency() throws Exception {
        contains(loadFails("224.csv", "key,latency_ms\nConv-a,0.5\nConv-b\n"), "line 3", "latency_ms", "nothing");
    }

    @Test
    void rejectsACsvWithoutTheLatencyColumn() throws Exception {
        contains(loadFails("224.csv", "key,ms\nConv-a,0.5\n"), "header", "key,latency_ms");
    }

    @Test
    void rejectsACsvWithoutAnyResolution() throws Exception {
        contains(loadFails("board.csv", "key,latency_ms\nConv-a,0.5\n"), "resolution column");
    }

    @Test
    void rejectsACsvWithABadResolution() throws Exception {
        contains(loadFails("board.csv", "resolution,key,latency_ms\nbig,Conv-a,0.5\n"),
                "line 2", "column resolution", "'big'");
    }

    @Test
    void rejectsAKeyGivenTwiceForOneResolution() throws Exception {
        contains(loadFails("224.csv", "key,latency_ms\nConv-a,0.5\nConv-a,0.6\n"), "line 3", "second row");
    }

    @Test
    void rejectsACsvWithAnUnterminatedQuote() throws Exception {
        contains(loadFails("224.csv", "key,latency_ms\n\"Conv-a,0.5\n"), "224.csv");
    }

    @Test
    void rejectsAFolderWithoutTables() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "nothing here");
        OfaException e = assertThrows(OfaException.class, () -> LutLatencyModel.load(dir));
        contains(e, "found none");
    }

    @Test
    void rejectsTwoTablesForOneResolution() throws Exception {
        Files.writeString(dir.resolve("224.csv"), "key,latency_ms\nConv-a,0.5\n");
        Files.writeString(dir.resolve("224_lookup_table.yaml"), "Conv-a:\n  mean: 0.5\n");
        OfaException e = assertThrows(OfaException.class, () -> LutLatencyModel.load(dir));
        contains(e, "resolution 224", "one table per resolution");
    }

    @Test
    void rejectsAMissingPath() {
        OfaException e = assertThrows(OfaException.class, () -> LutLatencyModel.load(dir.resolve("nope")));
        contains(e, "nope", "not found");
    }
}
