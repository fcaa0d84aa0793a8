package dev.ofastudio.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The status line says where a job stops: a training step, or the dataset rows in progress. */
class TrainingJobStopPointTest {
    private static TrainingJob runningJob(String stopPoint, CountDownLatch started) {
        // Updates run on the calling thread here; the job's own thread only waits for the cancel.
        TrainingJob job = stopPoint == null ? new TrainingJob(Runnable::run) : new TrainingJob(Runnable::run, stopPoint);
        job.start("test", (log, progress, cancel) -> {
            started.countDown();
            while (!cancel.isCancelled()) {
                Thread.sleep(5);
            }
            cancel.throwIfCancelled();
        });
        return job;
    }

    @Test
    void pausingAndCancellingNameTheJobsStopPoint() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        TrainingJob rows = runningJob("after the rows in progress", started);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        rows.pause();
        assertEquals("pausing after the rows in progress…", rows.messageProperty().get());
        assertTrue(rows.awaitThread(10_000));

        CountDownLatch again = new CountDownLatch(1);
        TrainingJob steps = runningJob(null, again);
        assertTrue(again.await(10, TimeUnit.SECONDS));
        steps.cancel();
        assertEquals("cancelling at the next step…", steps.messageProperty().get());
        assertTrue(steps.awaitThread(10_000));
    }
}
