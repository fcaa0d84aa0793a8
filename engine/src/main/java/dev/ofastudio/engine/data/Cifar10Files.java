package dev.ofastudio.engine.data;

import dev.ofastudio.engine.OfaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads CIFAR-10's binary batches ({@code data_batch_1.bin} … {@code test_batch.bin}): records of
 * one label byte followed by 3×32×32 pixel bytes, channel-major (R plane, G, B).
 */
public final class Cifar10Files {
    static final int SIDE = 32;
    static final int RECORD = 1 + 3 * SIDE * SIDE;
    public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    private Cifar10Files() {
    }

    /** True if {@code dir} holds CIFAR-10 binary batches. */
    public static boolean isCifar10(Path dir) {
        return Files.isRegularFile(dir.resolve("data_batch_1.bin")) || Files.isRegularFile(dir.resolve("test_batch.bin"));
    }

    /** The five training batches ({@code train}) or the test batch, whichever exist. */
    public static ImageSet read(Path dir, boolean train) throws OfaException {
        List<Path> files = train
                ? java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(i -> dir.resolve("data_batch_" + i + ".bin"))
                        .filter(Files::isRegularFile).toList()
                : List.of(dir.resolve("test_batch.bin"));
        long total = 0;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new OfaException(f + ": file missing: expected a CIFAR-10 binary batch");
            }
            try {
                long size = Files.size(f);
                if (size == 0 || size % RECORD != 0) {
                    throw OfaException.inFile(f, "size", "a multiple of " + RECORD + " bytes (label + 3x32x32)",
                            size + " bytes");
                }
                total += size / RECORD;
            } catch (IOException e) {
                throw new OfaException(f + ": cannot read: " + e.getMessage());
            }
        }
        if (files.isEmpty()) {
            throw new OfaException(dir + ": expected data_batch_1.bin … data_batch_5.bin (CIFAR-10 binary version)");
        }
        int n = Math.toIntExact(total);
        byte[] px = new byte[n * (RECORD - 1)];
        int[] labels = new int[n];
        int i = 0;
        byte[] rec = new byte[RECORD];
        for (Path f : files) {
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
                int read;
                int k = 0;
                while ((read = in.readNBytes(rec, 0, RECORD)) == RECORD) {
                    int label = rec[0] & 0xff;
                    if (label >= CLASSES.size()) {
                        throw OfaException.inFile(f, "record " + k + " label", "0..9", label);
                    }
                    labels[i] = label;
                    System.arraycopy(rec, 1, px, i * (RECORD - 1), RECORD - 1);
                    i++;
                    k++;
                }
                if (read != 0) {
                    throw OfaException.inFile(f, "record " + k, RECORD + " bytes", "a truncated record");
                }
            } catch (IOException e) {
                throw new OfaException(f + ": cannot read: " + e.getMessage());
            }
        }
        return new ImageSet(dir.toString(), px, labels, 3, SIDE, SIDE, CLASSES);
    }
}
