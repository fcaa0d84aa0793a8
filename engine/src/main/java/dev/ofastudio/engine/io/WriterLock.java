package dev.ofastudio.engine.io;

import dev.ofastudio.engine.OfaException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per file across processes: the first opener holds an exclusive lock for as long as
 * its channel is open; any other (another process, or this one again) is refused. The lock goes
 * with the channel, so a killed writer leaves none behind.
 */
public final class WriterLock {
    private WriterLock() {
    }

    /**
     * {@code file} (which must exist) opened for writing and locked; if another writer holds it,
     * the channel is closed again and {@code whenHeld} is the one-line error.
     */
    public static FileChannel open(Path file, String whenHeld) throws IOException, OfaException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null; // this process holds it already
        }
        if (held == null) {
            ch.close();
            throw new OfaException(whenHeld);
        }
        return ch;
    }
}
