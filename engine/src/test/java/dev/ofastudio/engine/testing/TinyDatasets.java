package dev.ofastudio.engine.testing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tiny learnable datasets in the real file formats, so tests run the real readers: each
 * class lights up its own vertical band of a 28×28 grey image, with noise.
 */
public final class TinyDatasets {
    private TinyDatasets() {
    }

    /** Fashion-MNIST-style gzipped IDX files ({@code train} and {@code t10k}) in {@code dir}. */
    public static Path fashionMnist(Path dir, int train, int test, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rng = new Random(seed);
        write(dir, "train", train, rng, true);
        write(dir, "t10k", test, rng, true);
        return dir;
    }

    static void write(Path dir, String prefix, int n, Random rng, boolean gzip) throws IOException {
        byte[] px = new byte[n * 28 * 28];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            labels[i] = (byte) c;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int v = (x / 3) % 10 == c ? 200 : 30;
                    px[i * 784 + y * 28 + x] = (byte) Math.max(0, Math.min(255, v + rng.nextInt(41) - 20));
                }
            }
        }
        idx(dir.resolve(prefix + "-images-idx3-ubyte" + (gzip ? ".gz" : "")), gzip, 0x803, new int[] {n, 28, 28}, px);
        idx(dir.resolve(prefix + "-labels-idx1-ubyte" + (gzip ? ".gz" : "")), gzip, 0x801, new int[] {n}, labels);
    }

    /** One IDX file with the given magic, dimensions and payload. */
    public static void idx(Path file, boolean gzip, int magic, int[] dims, byte[] payload) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream os = gzip ? new GZIPOutputStream(raw) : raw;
                DataOutputStream out = new DataOutputStream(os)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(payload);
        }
    }
}
