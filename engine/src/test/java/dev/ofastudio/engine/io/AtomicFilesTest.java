package dev.ofastudio.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ofastudio.engine.OfaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void newFilesAreReadableByOthersNotPrivate() throws Exception {
        Path f = dir.resolve("out.json");
        AtomicFiles.writeString(f, "{}");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals("{}", Files.readString(f));
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws Exception {
        Path f = dir.resolve("out.json");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeString(f, "new");
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals("new", Files.readString(f));
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTempFile() throws Exception {
        Path f = dir.resolve("out.json");
        Files.writeString(f, "old");
        assertThrows(OfaException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
