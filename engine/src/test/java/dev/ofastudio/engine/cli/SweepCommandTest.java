package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    static final String PTH = Golden.officialPredictor().toString();

    @TempDir
    Path tmp;

    private static CliRun small(String... more) {
        String[] base = {"sweep", "--predictor", PTH, "--board", "zcu102,kv260", "--budgets", "2", "--random", "300",
            "--population", "12", "--generations", "4", "--json"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRun.of(all);
    }

    @Test
    void printsEverySearchsWinnerWithinItsBudgetAndEachBoardsFront() throws Exception {
        Path out = tmp.resolve("sweep.json");
        CliRun r = small("--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("ZCU102", j.get("boards").get(0).asText());
        assertEquals(4, j.get("searches").size(), "2 budgets x 2 boards");
        for (JsonNode s : j.get("searches")) {
            String board = s.get("board").asText();
            assertTrue(s.get("best").get("latency_ms").get(board).asDouble() <= s.get("budget_ms").asDouble());
            assertEquals(board, s.get("best").get("origin").asText());
        }
        for (String board : new String[] {"ZCU102", "KV260"}) {
            JsonNode front = j.get("fronts").get(board);
            assertTrue(front.size() > 1, board);
            for (int i = 1; i < front.size(); i++) {
                // Along a front latency rises and so does accuracy.
                assertTrue(front.get(i).get("latency_ms").get(board).asDouble()
                        >= front.get(i - 1).get("latency_ms").get(board).asDouble());
                assertTrue(front.get(i).get("top1").asDouble() > front.get(i - 1).get("top1").asDouble());
            }
        }
        JsonNode mbv2 = j.get("references").get(1);
        assertEquals("MobileNetV2", mbv2.get("name").asText());
        assertTrue(mbv2.get("latency_ms").get("KV260").asDouble() > 0);
        JsonNode file = Json.read(out);
        assertEquals(j.get("rows").asInt(), file.get("nets").size());
        assertEquals(j.get("fronts"), file.get("fronts"));
        assertFalse(j.has("nets"), "stdout carries the summary, the file every net");
        assertTrue(j.get("seconds").isNumber() && j.get("cpu_seconds").isNumber(), "wall and process CPU time");
    }

    @Test
    void theSameSeedGivesTheSameSweep() {
        assertEquals(small().json().get("fronts"), small().json().get("fronts"));
    }

    @Test
    void boardsThatTimeAlikeGetTheSameSearches() {
        // ZCU104 and KV260 ship with the same DPU configuration: each budget's search is run once.
        JsonNode j = CliRun.of("sweep", "--predictor", PTH, "--board", "zcu104,kv260", "--budgets", "2", "--random",
                "50", "--population", "12", "--generations", "3", "--json").json();
        JsonNode s = j.get("searches");
        assertEquals(4, s.size());
        assertEquals(s.get(0).get("best").get("config"), s.get(2).get("best").get("config"));
        assertEquals(s.get(1).get("best").get("config"), s.get(3).get("best").get("config"));
    }

    @Test
    void anUnknownBoardIsOneLineAndExitCode2() throws Exception {
        CliRun r = CliRun.of("sweep", "--predictor", PTH, "--board", "zcu999", "--json");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("zcu999"), r.err());
        Path missing = tmp.resolve("nope.json");
        CliRun m = CliRun.of("sweep", "--predictor", PTH, "--source", missing.toString(), "--json");
        assertEquals(2, m.code());
        assertTrue(m.err().contains("nope.json"), m.err());
        assertFalse(Files.exists(missing));
    }
}
