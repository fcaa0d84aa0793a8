package dev.ofastudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderAndCifarTest {
    @TempDir
    Path tmp;

    private static void png(Path file, int rgb) throws Exception {
        BufferedImage img = new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 10; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void imageFolderReadsClassesInNameOrderAndResizes() throws Exception {
        png(tmp.resolve("train/cat/a.png"), 0xff0000);
        png(tmp.resolve("train/cat/b.png"), 0xff0000);
        png(tmp.resolve("train/ant/a.png"), 0x00ff00);
        png(tmp.resolve("test/cat/c.png"), 0xff0000);
        png(tmp.resolve("test/ant/d.png"), 0x00ff00);
        Dataset d = Dataset.open(tmp, 16);
        assertEquals("image-folder", d.kind());
        assertEquals(List.of("ant", "cat"), d.train().classNames());
        assertEquals(3, d.train().size());
        assertEquals(2, d.test().size());
        ImageSet s = d.train();
        assertEquals(16, s.height());
        // ant (label 0) is pure green: R plane 0, G plane 255.
        assertEquals(0, s.labels()[0]);
        assertEquals(0, s.pixels()[0] & 0xff);
        assertEquals(255, s.pixels()[16 * 16] & 0xff);
    }

    @Test
    void emptyClassFolderIsNamed() throws Exception {
        png(tmp.resolve("cat/a.png"), 0xff0000);
        Files.createDirectories(tmp.resolve("dog"));
        OfaException e = assertThrows(OfaException.class, () -> Dataset.open(tmp, 16));
        assertEquals(tmp.resolve("dog") + ": class folder: expected PNG or JPEG images, found none", e.getMessage());
    }

    @Test
    void unreadableImageIsNamed() throws Exception {
        png(tmp.resolve("cat/a.png"), 0xff0000);
        Files.createDirectories(tmp.resolve("dog"));
        Files.writeString(tmp.resolve("dog/broken.png"), "not a png");
        OfaException e = assertThrows(OfaException.class, () -> Dataset.open(tmp, 16));
        assertTrue(e.getMessage().startsWith(tmp.resolve("dog/broken.png") + ": image: expected a readable PNG"),
                e.getMessage());
    }

    @Test
    void cifarBatchesAndTruncatedRecords() throws Exception {
        byte[] rec = new byte[Cifar10Files.RECORD * 2];
        rec[0] = 3;
        rec[Cifar10Files.RECORD] = 9;
        rec[1] = (byte) 200;
        Files.write(tmp.resolve("data_batch_1.bin"), rec);
        Files.write(tmp.resolve("test_batch.bin"), java.util.Arrays.copyOf(rec, Cifar10Files.RECORD));
        Dataset d = Dataset.open(tmp, 32);
        assertEquals("cifar10", d.kind());
        assertEquals(2, d.train().size());
        assertEquals(3, d.train().labels()[0]);
        assertEquals(9, d.train().labels()[1]);
        assertEquals(200, d.train().pixels()[0] & 0xff);
        Files.write(tmp.resolve("data_batch_1.bin"), java.util.Arrays.copyOf(rec, Cifar10Files.RECORD + 5));
        OfaException e = assertThrows(OfaException.class, () -> Dataset.open(tmp, 32));
        assertTrue(e.getMessage().startsWith(tmp.resolve("data_batch_1.bin") + ": size: expected a multiple of 3073"),
                e.getMessage());
        rec[Cifar10Files.RECORD] = 10;
        Files.write(tmp.resolve("data_batch_1.bin"), rec);
        e = assertThrows(OfaException.class, () -> Dataset.open(tmp, 32));
        assertEquals(tmp.resolve("data_batch_1.bin") + ": record 1 label: expected 0..9, found 10", e.getMessage());
    }

    @Test
    void batchMakerResizesNormalisesAndAugmentsReproducibly() {
        byte[] px = new byte[2 * 8 * 8];
        java.util.Arrays.fill(px, (byte) 255);
        ImageSet s = new ImageSet("mem", px, new int[] {0, 1}, 1, 8, 8, List.of("a", "b"));
        BatchMaker m = new BatchMaker(s, new float[] {0.5f}, new float[] {0.25f});
        Batch b = m.make(new int[] {1, 0}, 0, 2, 4, null);
        assertEquals(2 * 16, b.images().length);
        assertEquals(1, b.labels()[0]);
        for (float v : b.images()) {
            assertEquals(2f, v, 1e-6f); // (1 − 0.5) / 0.25 everywhere: a constant image resizes to itself
        }
        Batch a1 = m.make(new int[] {0, 1}, 0, 2, 12, new java.util.Random(5));
        Batch a2 = m.make(new int[] {0, 1}, 0, 2, 12, new java.util.Random(5));
        assertTrue(java.util.Arrays.equals(a1.images(), a2.images()));
        // A shifted crop brings padding (black: (0 − 0.5)/0.25 = −2) into some images.
        boolean padded = false;
        for (int seed = 0; seed < 20 && !padded; seed++) {
            for (float v : m.make(new int[] {0}, 0, 1, 8, new java.util.Random(seed)).images()) {
                padded |= v == -2f;
            }
        }
        assertTrue(padded);
    }
}
