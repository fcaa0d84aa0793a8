package dev.ofastudio.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTailTest {
    private static final String STEP = "{\"type\":\"step\",\"phase\":\"kernel\",\"phase_index\":1,\"step\":%d,"
            + "\"phase_steps\":40,\"global_step\":%d,\"epoch\":0.5,\"lr\":0.03,\"loss\":%s,\"eta_seconds\":12.5}\n";
    private static final String EVAL = "{\"subnet\":\"max\",\"top1\":0.75,\"loss\":0.9,\"type\":\"eval\","
            + "\"phase\":\"kernel\",\"split\":\"holdout\"}\n";

    @TempDir
    Path tmp;

    private void append(Path f, String text) throws Exception {
        Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void eachPollReturnsOnlyTheCompleteLinesWrittenSinceTheLast() throws Exception {
        Path f = tmp.resolve("metrics.jsonl");
        MetricsTail tail = new MetricsTail(f);
        assertTrue(tail.poll().isEmpty(), "no file yet");
        append(f, String.format(STEP, 10, 110, "2.5"));
        String second = String.format(STEP, 20, 120, "2.25");
        // The writer is midway through its second line.
        append(f, second.substring(0, 30));
        MetricPoints first = tail.poll();
        assertEquals(1, first.steps().size());
        MetricPoints.Step s = first.steps().get(0);
        assertEquals(new MetricPoints.Step("kernel", 1, 10, 40, 110, 2.5, 12.5), s);
        assertTrue(tail.poll().isEmpty(), "the unfinished line waits");
        append(f, second.substring(30) + EVAL);
        MetricPoints rest = tail.poll();
        assertEquals(120, rest.steps().get(0).globalStep());
        assertEquals(new MetricPoints.Eval("kernel", "max", 0.75), rest.evals().get(0));
        assertFalse(rest.reset());
    }

    @Test
    void aLineCutByAKillIsSkippedAndAShorterFileStartsOver() throws Exception {
        Path f = tmp.resolve("metrics.jsonl");
        append(f, "{\"type\":\"step\",\"glob\n" + String.format(STEP, 10, 110, "2.5") + "not json\n");
        MetricsTail tail = new MetricsTail(f);
        MetricPoints p = tail.poll();
        assertEquals(1, p.steps().size());
        Files.writeString(f, EVAL);
        MetricPoints again = tail.poll();
        assertTrue(again.reset(), "the file was replaced by a shorter one");
        assertEquals(1, again.evals().size());
    }
}
