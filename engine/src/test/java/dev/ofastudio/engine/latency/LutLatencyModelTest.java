package dev.ofastudio.engine.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LutLatencyModelTest {
    /** The Note10 tables are for the w1.2 space with 1000 classes. */
    static final SearchSpace W12 = SearchSpace.mobileNetV3(1.2);
    static LutLatencyModel note10;

    @BeforeAll
    static void loadNote10() throws OfaException {
        note10 = LutLatencyModel.load(Golden.note10Lut());
    }

    static Stream<Arguments> goldenCases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Golden.json("latency_cases.json").get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), Golden.config(c.get("config")),
                    c.get("latency_ms_library").asDouble()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCases")
    void sumsNote10TableLikeTheReference(String name, SubnetConfig config, double expectedMs) throws OfaException {
        NetworkDescription net = W12.describe(config);
        assertEquals(expectedMs, note10.latencyMs(net), 1e-6, name);
    }

    @Test
    void coversTheSeventeenNote10Resolutions() {
        assertEquals(IntStream.iterate(160, r -> r <= 224, r -> r + 4).boxed().toList(), note10.resolutions());
    }

    @Test
    void listsLayersInNetworkOrderWithTheirKeys() throws OfaException {
        NetworkDescription net = W12.describe(W12.minConfig(224));
        List<LatencyModel.LayerLatency> layers = note10.layers(net);
        assertEquals(net.layers().size(), layers.size());
        assertEquals("first_conv", layers.get(0).name());
        assertEquals("Conv-input:224x224x3-output:112x112x24", layers.get(0).key());
        assertEquals(0.994418, layers.get(0).latencyMs(), 0.0);
        assertEquals("classifier", layers.get(layers.size() - 1).name());
        assertEquals("Logits-input:1x1x1536-output:1000", layers.get(layers.size() - 1).key());
    }

    @Test
    void rejectsAResolutionWithoutTableNamingTheAvailableOnes() {
        NetworkDescription net = W12.describe(W12.minConfig(128));
        OfaException e = assertThrows(OfaException.class, () -> note10.latencyMs(net));
        assertTrue(e.getMessage().contains("resolution 128"), e.getMessage());
        assertTrue(e.getMessage().contains("160, 164"), e.getMessage());
    }

    @Test
    void namesEveryMissingKeyOfANetworkInOneMessage() {
        // The w1.0 space has other channel widths, so most of its keys are not in the w1.2 table.
        SearchSpace w10 = SearchSpace.mobileNetV3(1.0);
        NetworkDescription net = w10.describe(w10.minConfig(224));
        OfaException e = assertThrows(OfaException.class, () -> note10.layers(net));
        String m = e.getMessage();
        assertTrue(m.contains("224_lookup_table.yaml"), m);
        assertTrue(m.contains("resolution 224"), m);
        assertTrue(m.contains("Conv-input:224x224x3-output:112x112x16"), m);
        assertTrue(m.contains("Logits-input:1x1x1280-output:1000"), m);
        assertTrue(m.contains("keys missing"), m);
    }

    @Test
    void readsTheSameLatenciesFromACsvFolder(@TempDir Path dir) throws Exception {
        LutTable t224 = note10.table(224);
        StringBuilder csv = new StringBuilder("key,latency_ms\n");
        t224.means().forEach((k, v) -> csv.append(k).append(',').append(v).append('\n'));
        Files.writeString(dir.resolve("224.csv"), csv);
        LutLatencyModel fromCsv = LutLatencyModel.load(dir);
        assertEquals(List.of(224), fromCsv.resolutions());
        NetworkDescription net = W12.describe(W12.maxConfig(224));
        assertEquals(note10.latencyMs(net), fromCsv.latencyMs(net), 0.0);
    }

    @Test
    void readsOneCsvWithAResolutionColumn(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("resolution,key,latency_ms\n");
        for (int r : List.of(160, 192)) {
            note10.table(r).means().forEach((k, v) -> csv.append(r).append(',').append(k).append(',')
                    .append(v).append('\n'));
        }
        Path file = dir.resolve("my_board.csv");
        Files.writeString(file, csv);
        LutLatencyModel fromCsv = LutLatencyModel.load(file);
        assertEquals(List.of(160, 192), fromCsv.resolutions());
        NetworkDescription net = W12.describe(W12.minConfig(192));
        assertEquals(note10.latencyMs(net), fromCsv.latencyMs(net), 0.0);
    }

    @Test
    void readsACsvSavedWithAByteOrderMark(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("224.csv"), "\uFEFFkey,latency_ms\r\nConv-a,0.5\r\n");
        assertEquals(0.5, LutLatencyModel.load(dir).table(224).means().get("Conv-a"), 0.0);
    }

    @Test
    void readsOneYamlTableNamedByResolution() throws Exception {
        LutLatencyModel one = LutLatencyModel.load(Golden.note10Lut().resolve("192_lookup_table.yaml"));
        assertEquals(List.of(192), one.resolutions());
        NetworkDescription net = W12.describe(W12.maxConfig(192));
        assertEquals(67.56165915768875, one.latencyMs(net), 1e-6);
    }
}
