package dev.ofastudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.testing.TinyDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {
    @TempDir
    Path tmp;

    private static byte[] pixels(int n) {
        byte[] px = new byte[n * 4];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 7);
        }
        return px;
    }

    @Test
    void readsRawAndGzippedFilesAlike() throws Exception {
        byte[] px = pixels(3);
        byte[] lb = {2, 0, 9};
        for (boolean gz : new boolean[] {false, true}) {
            Path img = tmp.resolve("i" + gz);
            Path lab = tmp.resolve("l" + gz);
            TinyDatasets.idx(img, gz, 0x803, new int[] {3, 2, 2}, px);
            TinyDatasets.idx(lab, gz, 0x801, new int[] {3}, lb);
            ImageSet s = IdxFiles.read(img, lab, Dataset.FASHION_MNIST_CLASSES);
            assertEquals(3, s.size());
            assertEquals(1, s.channels());
            assertEquals(2, s.height());
            assertArrayEquals(px, s.pixels());
            assertArrayEquals(new int[] {2, 0, 9}, s.labels());
        }
    }

    @Test
    void wrongMagicNamesTheFileAndField() throws Exception {
        Path img = tmp.resolve("img");
        Path lab = tmp.resolve("lab");
        TinyDatasets.idx(img, false, 0x801, new int[] {1, 2, 2}, pixels(1));
        TinyDatasets.idx(lab, false, 0x801, new int[] {1}, new byte[] {0});
        OfaException e = assertThrows(OfaException.class, () -> IdxFiles.read(img, lab, Dataset.FASHION_MNIST_CLASSES));
        assertTrue(e.getMessage().startsWith(img + ": magic: expected 0x00000803"), e.getMessage());
    }

    @Test
    void truncatedPixelsAreRefused() throws Exception {
        Path img = tmp.resolve("img.gz");
        Path lab = tmp.resolve("lab");
        TinyDatasets.idx(img, true, 0x803, new int[] {5, 2, 2}, pixels(2));
        TinyDatasets.idx(lab, false, 0x801, new int[] {5}, new byte[5]);
        OfaException e = assertThrows(OfaException.class, () -> IdxFiles.read(img, lab, Dataset.FASHION_MNIST_CLASSES));
        assertTrue(e.getMessage().contains(img + ": pixels") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void labelOutOfRangeIsRefused() throws Exception {
        Path img = tmp.resolve("img");
        Path lab = tmp.resolve("lab");
        TinyDatasets.idx(img, false, 0x803, new int[] {2, 2, 2}, pixels(2));
        TinyDatasets.idx(lab, false, 0x801, new int[] {2}, new byte[] {1, 10});
        OfaException e = assertThrows(OfaException.class, () -> IdxFiles.read(img, lab, Dataset.FASHION_MNIST_CLASSES));
        assertEquals(lab + ": label[1]: expected 0..9, found 10", e.getMessage());
    }

    @Test
    void absurdHeaderIsRefusedBeforeAllocating() throws Exception {
        Path img = tmp.resolve("img");
        Path lab = tmp.resolve("lab");
        TinyDatasets.idx(img, false, 0x803, new int[] {Integer.MAX_VALUE, 1024, 1024}, new byte[0]);
        TinyDatasets.idx(lab, false, 0x801, new int[] {1}, new byte[1]);
        OfaException e = assertThrows(OfaException.class, () -> IdxFiles.read(img, lab, Dataset.FASHION_MNIST_CLASSES));
        assertTrue(e.getMessage().startsWith(img + ": header:"), e.getMessage());
    }

    @Test
    void countMismatchAndCorruptGzipAreRefused() throws Exception {
        Path img = tmp.resolve("img");
        Path lab = tmp.resolve("lab");
        TinyDatasets.idx(img, false, 0x803, new int[] {2, 2, 2}, pixels(2));
        TinyDatasets.idx(lab, false, 0x801, new int[] {3}, new byte[3]);
        OfaException e = assertThrows(OfaException.class, () -> IdxFiles.read(img, lab, Dataset.FASHION_MNIST_CLASSES));
        assertTrue(e.getMessage().startsWith(lab + ": count: expected 2 labels"), e.getMessage());
        byte[] gz = {0x1f, (byte) 0x8b, 1, 2, 3};
        Files.write(img, gz);
        e = assertThrows(OfaException.class, () -> IdxFiles.read(img, lab, Dataset.FASHION_MNIST_CLASSES));
        assertTrue(e.getMessage().startsWith(img + ": cannot read"), e.getMessage());
    }

    @Test
    void datasetFolderFindsTheIdxPairsAndSplitsNothingAway() throws Exception {
        TinyDatasets.fashionMnist(tmp, 40, 10, 1);
        Dataset d = Dataset.open(tmp, 32);
        assertEquals("fashion-mnist", d.kind());
        assertEquals(40, d.train().size());
        assertEquals(10, d.test().size());
        assertEquals(10, d.numClasses());
        assertTrue(d.std()[0] > 0 && d.mean()[0] > 0, Arrays.toString(d.mean()));
    }

    @Test
    void folderWithoutADatasetSaysWhatItExpected() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "x");
        OfaException e = assertThrows(OfaException.class, () -> Dataset.open(tmp, 32));
        assertTrue(e.getMessage().startsWith(tmp + ": dataset folder: expected"), e.getMessage());
    }
}
