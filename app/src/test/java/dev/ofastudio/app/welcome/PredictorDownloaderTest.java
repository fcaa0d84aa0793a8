package dev.ofastudio.app.welcome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorDownloaderTest {
    @TempDir
    Path tmp;

    @Test
    void copiesALocalUrlWithProgress() throws Exception {
        Path src = tmp.resolve("src.pth");
        byte[] bytes = new byte[300_000];
        new java.util.Random(1).nextBytes(bytes);
        Files.write(src, bytes);
        AtomicLong last = new AtomicLong();
        Path out = new PredictorDownloader().download(src.toUri().toString(), tmp.resolve("d/acc.pth"),
                (done, total, m) -> last.set(done), new Cancellation());
        assertArrayEquals(bytes, Files.readAllBytes(out));
        assertEquals(bytes.length, last.get());
    }

    @Test
    void saysOfflineWhenTheHostCannotBeReached() {
        // Port 1 on localhost refuses connections: the same path as having no network.
        OfaException e = assertThrows(OfaException.class, () -> new PredictorDownloader().download(
                "http://127.0.0.1:1/acc_predictor.pth", tmp.resolve("acc.pth"), ProgressListener.NONE,
                new Cancellation()));
        assertTrue(e.getMessage().contains("offline"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("acc.pth")));
    }

    @Test
    void cancellingLeavesNoFile() throws Exception {
        Path src = tmp.resolve("src.pth");
        Files.write(src, new byte[500_000]);
        Cancellation c = new Cancellation();
        assertThrows(Cancellation.CancelledException.class, () -> new PredictorDownloader().download(
                src.toUri().toString(), tmp.resolve("acc.pth"), (d, t, m) -> c.cancel(), c));
        assertFalse(Files.exists(tmp.resolve("acc.pth")));
    }
}
