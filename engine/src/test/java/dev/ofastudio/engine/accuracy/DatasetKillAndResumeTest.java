package dev.ofastudio.engine.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.testing.ChildCli;
import dev.ofastudio.engine.testing.TinyDatasets;
import dev.ofastudio.engine.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child process builds a dataset and is killed with SIGKILL mid-build: the file still reads
 * (at most a torn last line, which is dropped), and running the same command again finishes it
 * with every planned row exactly once.
 */
class DatasetKillAndResumeTest {
    static final int N = 40;

    @TempDir
    Path tmp;

    private Process start(Path run, Path out, String log) throws Exception {
        return ChildCli.start(tmp.resolve(log), List.of("dataset", "build", "--supernet", run.toString(), "--out",
                out.toString(), "--n", String.valueOf(N), "--resolutions", "24", "--calib-images", "10"));
    }

    private static long completeRows(Path out) throws Exception {
        if (!Files.exists(out)) {
            return 0;
        }
        String s = Files.readString(out);
        return s.chars().filter(c -> c == '\n').count() - 2;
    }

    @Test
    void sigkillMidBuildLeavesAReadableFileAndTheRerunFinishesIt() throws Exception {
        Path data = TinyDatasets.fashionMnist(tmp.resolve("data"), 100, 10, 6);
        Path run = TinyRuns.run(tmp.resolve("run"), data, 20);
        Path out = tmp.resolve("acc.csv");
        Process p = start(run, out, "first.log");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (completeRows(out) < 3 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the child ended before it could be killed: " + Files.readString(tmp.resolve("first.log")));
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "SIGKILL");

        AccuracyDatasetFile.Content killed = AccuracyDatasetFile.read(out);
        assertTrue(killed.rows().size() >= 3 && killed.rows().size() < N, killed.rows().size() + " rows");

        Process r = start(run, out, "resume.log");
        assertTrue(r.waitFor(5, TimeUnit.MINUTES), "the rerun did not finish");
        assertEquals(0, r.exitValue(), Files.readString(tmp.resolve("resume.log")));
        AccuracyDatasetFile.Content done = AccuracyDatasetFile.read(out);
        Set<Integer> seen = new HashSet<>();
        done.rows().forEach(row -> assertTrue(seen.add(row.index()), "index " + row.index() + " twice"));
        assertEquals(N, seen.size());
        assertTrue(!done.tornLastLine());
        for (AccuracyRow row : killed.rows()) {
            assertEquals(row, done.rows().stream().filter(x -> x.index() == row.index()).findFirst().orElseThrow(),
                    "rows written before the kill are kept as they were");
        }
    }
}
