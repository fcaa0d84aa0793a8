package dev.ofastudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.supernet.CheckpointFile;
import dev.ofastudio.engine.testing.ChildCli;
import dev.ofastudio.engine.testing.TinyDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child process trains on a tiny dataset, is killed with SIGKILL mid-run, and resumes: the
 * checkpoint is intact, at most {@code --checkpoint-every} steps are lost, and the run finishes.
 */
class KillAndResumeTest {
    static final int EVERY = 5;

    @TempDir
    Path tmp;

    private Process start(Path data, Path run, boolean resume) throws Exception {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", run.toString(),
                "--epochs-scale", "0.1", "--batch", "8", "--checkpoint-every", String.valueOf(EVERY)));
        if (resume) {
            args.add("--resume");
        }
        return ChildCli.start(tmp.resolve(resume ? "resume.log" : "first.log"), args);
    }

    /** The highest step any metrics line reports (lines cut by the kill are skipped). */
    private static long lastLoggedGlobalStep(Path metrics) throws Exception {
        long last = 0;
        if (!Files.exists(metrics)) {
            return 0;
        }
        for (String line : Files.readAllLines(metrics)) {
            try {
                JsonNode n = Json.parse(line, "metrics");
                if (n.has("global_step")) {
                    last = Math.max(last, n.get("global_step").asLong());
                }
            } catch (Exception cut) {
                // the line the kill cut short
            }
        }
        return last;
    }

    @Test
    void sigkillMidRunLosesAtMostOneCheckpointIntervalAndResumes() throws Exception {
        Path data = TinyDatasets.fashionMnist(tmp.resolve("data"), 200, 30, 3);
        Path run = tmp.resolve("run");
        Process p = start(data, run, false);
        Path metrics = run.resolve("metrics.jsonl");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        // Wait until the run is past its second checkpoint inside the teacher phase, then kill it.
        while (lastLoggedGlobalStep(metrics) < 2 * EVERY + 2 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "the child ended before it could be killed: " + Files.readString(tmp.resolve("first.log")));
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "SIGKILL");
        long logged = lastLoggedGlobalStep(metrics);

        CheckpointFile.Content c = CheckpointFile.read(run.resolve("checkpoint.ofa"));
        long saved = c.header().path("trainer").path("global_step").asLong();
        // Checkpoints are written every EVERY steps of a phase and at each phase's end.
        java.util.Set<Long> boundaries = new java.util.HashSet<>();
        long end = 0;
        for (JsonNode ph : Json.read(run.resolve("run.json")).path("phases")) {
            long start = end;
            end += ph.path("steps").asLong();
            boundaries.add(end);
            for (long k = start + EVERY; k < end; k += EVERY) {
                boundaries.add(k);
            }
        }
        assertTrue(saved > 0 && boundaries.contains(saved), "checkpoint at step " + saved + ", expected one of "
                + new java.util.TreeSet<>(boundaries));
        assertTrue(logged - saved <= EVERY, "lost " + (logged - saved) + " steps (logged " + logged + ")");

        Process r = start(data, run, true);
        assertTrue(r.waitFor(10, TimeUnit.MINUTES), "resumed run did not finish");
        String log = Files.readString(tmp.resolve("resume.log"));
        assertEquals(0, r.exitValue(), log);
        assertTrue(log.contains("(global " + saved + ")"), log);
        try (var dir = Files.list(run)) {
            assertTrue(dir.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "stale temp files removed");
        }
        JsonNode report = Json.read(run.resolve("report.json"));
        assertEquals(6, report.path("phases").size(), report.toString());
        assertEquals(4, report.path("test").size());
        assertTrue(Files.size(run.resolve("supernet.ofa")) > 1_000_000);
        for (JsonNode t : report.path("test")) {
            double top1 = t.path("top1").asDouble();
            assertTrue(top1 >= 0 && top1 <= 1, t.toString());
        }
    }
}
