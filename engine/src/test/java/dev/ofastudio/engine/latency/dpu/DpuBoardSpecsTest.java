package dev.ofastudio.engine.latency.dpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DpuBoardSpecsTest {

    @ParameterizedTest
    @CsvSource({"zcu102, 3, 281", "zcu104, 2, 300", "kv260, 1, 300"})
    void shipsTheModelZooDeployments(String id, int cores, double mhz) throws OfaException {
        BoardSpec b = BoardSpecs.load(id);
        assertEquals(cores, b.cores());
        assertEquals(mhz, b.clockMhz());
        assertEquals("B4096", b.arch().name());
        // PG338: B4096 peak 1228.8 GOPS at 300 MHz, 1151 at 281 MHz.
        assertEquals(4096 * mhz * 1e6, b.peakOpsPerS(), 1);
        // Two 128-bit ports at the 1x clock.
        assertEquals(32 * mhz * 1e6, b.coreBandwidthBytesPerS(), 1);
    }

    @Test
    void describesEveryDpuczdx8gSizeByData() {
        assertEquals(java.util.List.of("B512", "B800", "B1024", "B1152", "B1600", "B2304", "B3136", "B4096"),
                java.util.List.copyOf(BoardSpecs.archs().keySet()));
        DpuArch b1152 = BoardSpecs.archs().get("B1152");
        assertEquals(4, b1152.pp());
        assertEquals(12, b1152.icp());
        assertEquals(1152, b1152.peakOpsPerCycle());
        assertEquals(255L * 4608, BoardSpecs.archs().get("B4096").bufferBytes(false));
    }

    @Test
    void readsAUsersBoardAndRoundTripsIt(@TempDir Path dir) throws Exception {
        ObjectNode n = BoardSpecs.toJson(BoardSpecs.load("kv260"));
        n.put("id", "my-zu3");
        ((ObjectNode) n.get("dpu")).put("arch", "B1152");
        ((ObjectNode) n.get("dpu")).put("alu_parallelism", 2);
        Path f = dir.resolve("zu3.json");
        Json.write(f, n);
        BoardSpec b = BoardSpecs.read(f);
        assertEquals("my-zu3", b.id());
        assertEquals(1152 * 300e6, b.peakOpsPerS(), 1);
        assertEquals(b, BoardSpecs.fromJson(BoardSpecs.toJson(b), "again"));
    }

    @Test
    void rejectsUnknownBoardsSizesAndBadFields() throws Exception {
        OfaException unknown = assertThrows(OfaException.class, () -> BoardSpecs.load("zcu106"));
        assertTrue(unknown.getMessage().contains("zcu102") && unknown.getMessage().contains("--board-spec"));
        ObjectNode n = BoardSpecs.toJson(BoardSpecs.load("zcu102"));
        ((ObjectNode) n.get("dpu")).put("arch", "B8192");
        OfaException size = assertThrows(OfaException.class, () -> BoardSpecs.fromJson(n, "b.json"));
        assertTrue(size.getMessage().contains("b.json: field dpu.arch") && size.getMessage().contains("B8192"));
        ObjectNode v = BoardSpecs.toJson(BoardSpecs.load("zcu102"));
        v.put("version", 3);
        assertTrue(assertThrows(OfaException.class, () -> BoardSpecs.fromJson(v, "b.json")).getMessage()
                .contains("field version"));
        ObjectNode c = BoardSpecs.toJson(BoardSpecs.load("zcu102"));
        ((ObjectNode) c.get("dpu")).put("cores", 0);
        assertTrue(assertThrows(OfaException.class, () -> BoardSpecs.fromJson(c, "b.json")).getMessage()
                .contains("field dpu.cores"));
        ObjectNode m = BoardSpecs.toJson(BoardSpecs.load("zcu102"));
        ((ObjectNode) m.get("memory")).put("ddr_gb_per_s", -4);
        assertTrue(assertThrows(OfaException.class, () -> BoardSpecs.fromJson(m, "b.json")).getMessage()
                .contains("field memory.ddr_gb_per_s"));
    }
}
