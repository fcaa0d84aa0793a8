package dev.ofastudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import dev.ofastudio.engine.data.Dataset;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.Cancellation.CancelledException;
import dev.ofastudio.engine.supernet.CheckpointFile;
import dev.ofastudio.engine.testing.TinyDatasets;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancelled run (the studio's Pause) saves a checkpoint at the step where it stopped, not only
 * every N steps; and a trainer runs on a thread other than the one that loaded the engine (as the
 * studio's job thread does).
 */
class PauseCheckpointTest {
    @TempDir
    Path tmp;

    @Test
    void cancellingBetweenCheckpointsSavesTheStepReached() throws Exception {
        Dataset data = Dataset.open(TinyDatasets.fashionMnist(tmp.resolve("data"), 200, 30, 3), 40);
        TrainPreset preset = TrainPresets.byName("fashion-mnist").withBatchSize(8).withCheckpointEvery(1000);
        RunFolder run = RunFolder.open(tmp.resolve("run"), false);
        Cancellation cancel = new Cancellation();
        // The first progress report comes after step 10 of the teacher phase (of 16 at this scale).
        SupernetTrainer trainer = new SupernetTrainer(preset, data, run, 0.2, new PrintStream(OutputStream.nullOutputStream()),
                (done, total, message) -> cancel.cancel(), cancel);
        Engine.getInstance();
        Throwable[] thrown = new Throwable[1];
        Thread job = new Thread(() -> {
            try {
                trainer.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "job");
        job.start();
        job.join();
        assertInstanceOf(CancelledException.class, thrown[0], () -> String.valueOf(thrown[0]));
        run.close();

        CheckpointFile.Content c = CheckpointFile.read(run.checkpoint());
        assertEquals(10, c.header().path("trainer").path("global_step").asLong(), c.header().toString());
        assertEquals(0, c.header().path("trainer").path("phase").asInt());
        assertTrue(c.header().path("trainer").path("prepared").asBoolean());
    }
}
