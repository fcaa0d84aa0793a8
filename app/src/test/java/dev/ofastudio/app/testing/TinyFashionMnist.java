package dev.ofastudio.app.testing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny learnable dataset in Fashion-MNIST's gzipped IDX files, so studio tests train through the
 * engine's real reader: each class lights up its own vertical band of a 28×28 grey image, with noise.
 * (The engine's test helper of the same kind is not shipped in a test jar.)
 */
public final class TinyFashionMnist {
    private TinyFashionMnist() {
    }

    /** Writes {@code train} and {@code test} images (train-… and t10k-… files) into {@code dir}. */
    public static Path write(Path dir, int train, int test, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rng = new Random(seed);
        split(dir, "train", train, rng);
        split(dir, "t10k", test, rng);
        return dir;
    }

    private static void split(Path dir, String prefix, int n, Random rng) throws IOException {
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
        idx(dir.resolve(prefix + "-images-idx3-ubyte.gz"), 0x803, new int[] {n, 28, 28}, px);
        idx(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), 0x801, new int[] {n}, labels);
    }

    private static void idx(Path file, int magic, int[] dims, byte[] payload) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(payload);
        }
    }
}
