package dev.ofastudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run trains in a folder at a time; a second is refused before it touches anything. */
class RunFolderLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheFolder() throws Exception {
        Path dir = tmp.resolve("run");
        try (RunFolder first = RunFolder.open(dir, false)) {
            // A temporary the first run is writing right now: a resumed run would delete it as stale.
            Path writing = Files.writeString(dir.resolve(".checkpoint.ofa.123.tmp"), "half a checkpoint");
            OfaException e = assertThrows(OfaException.class, () -> RunFolder.open(dir, true));
            assertTrue(e.getMessage().equals(dir + ": run folder: another run is training in it (nothing was "
                    + "changed); let it finish or pause it first"), e.getMessage());
            assertTrue(Files.exists(writing), "the other run's file is untouched");
            // Reading (the studio's history, a dataset build) needs no lock.
            RunFolder.existing(dir);
        }
        try (RunFolder again = RunFolder.open(dir, true)) {
            assertTrue(Files.isDirectory(again.dir()));
        }
    }
}
