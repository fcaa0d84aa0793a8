package dev.ofastudio.engine.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One build writes a dataset file at a time; a second is refused and changes nothing. */
class DatasetFileLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondWriterIsRefusedUntilTheFirstCloses() throws Exception {
        Path f = tmp.resolve("acc.csv");
        ObjectNode header = Json.MAPPER.createObjectNode();
        header.put("format", AccuracyDatasetFile.FORMAT);
        header.put("version", AccuracyDatasetFile.VERSION);
        try (AccuracyDatasetFile.Appender first = AccuracyDatasetFile.Appender.create(f, header)) {
            byte[] before = Files.readAllBytes(f);
            OfaException e = assertThrows(OfaException.class,
                    () -> AccuracyDatasetFile.Appender.resume(AccuracyDatasetFile.read(f)));
            assertTrue(e.getMessage().startsWith(f + ": another build is writing this file"), e.getMessage());
            assertEquals(new String(before), new String(Files.readAllBytes(f)), "nothing was changed");
        }
        // Closed: the file can be continued.
        AccuracyDatasetFile.Appender.resume(AccuracyDatasetFile.read(f)).close();
    }
}
