package dev.ofastudio.engine.data;

import dev.ofastudio.engine.OfaException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (big-endian header: magic {@code 0x00000803}
 * for images {@code [n, rows, cols]}, {@code 0x00000801} for labels {@code [n]}), gzipped or raw.
 */
public final class IdxFiles {
    static final int IMAGES_MAGIC = 0x803;
    static final int LABELS_MAGIC = 0x801;
    /** A sanity bound on the image side; MNIST-style sets are 28×28. */
    private static final int MAX_SIDE = 1024;

    private IdxFiles() {
    }

    /** Images and labels of one split; every label must be below {@code classNames.size()}. */
    public static ImageSet read(Path images, Path labels, List<String> classNames) throws OfaException {
        byte[] px;
        int rows;
        int cols;
        int n;
        try (DataInputStream in = open(images)) {
            int magic = readInt(in, images, "magic");
            if (magic != IMAGES_MAGIC) {
                throw OfaException.inFile(images, "magic", "0x00000803 (IDX images)", String.format("0x%08x", magic));
            }
            n = readInt(in, images, "count");
            rows = readInt(in, images, "rows");
            cols = readInt(in, images, "cols");
            if (n < 1 || rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE
                    || (long) n * rows * cols > ImageSet.MAX_BYTES) {
                throw OfaException.inFile(images, "header", "count ≥ 1 and 1..1024 rows/cols within 2 GB",
                        n + " x " + rows + " x " + cols);
            }
            px = new byte[n * rows * cols];
            readFully(in, px, images, "pixels (" + n + " images of " + rows + "x" + cols + ")");
        } catch (IOException e) {
            throw new OfaException(images + ": cannot read: " + e.getMessage());
        }
        int[] lb;
        try (DataInputStream in = open(labels)) {
            int magic = readInt(in, labels, "magic");
            if (magic != LABELS_MAGIC) {
                throw OfaException.inFile(labels, "magic", "0x00000801 (IDX labels)", String.format("0x%08x", magic));
            }
            int m = readInt(in, labels, "count");
            if (m != n) {
                throw OfaException.inFile(labels, "count", n + " labels (one per image in " + images.getFileName() + ")", m);
            }
            byte[] raw = new byte[m];
            readFully(in, raw, labels, "labels");
            lb = new int[m];
            for (int i = 0; i < m; i++) {
                lb[i] = raw[i] & 0xff;
                if (lb[i] >= classNames.size()) {
                    throw OfaException.inFile(labels, "label[" + i + "]", "0.." + (classNames.size() - 1), lb[i]);
                }
            }
        } catch (IOException e) {
            throw new OfaException(labels + ": cannot read: " + e.getMessage());
        }
        return new ImageSet(images.toString(), px, lb, 1, rows, cols, classNames);
    }

    /** A raw or gzipped file (told apart by the gzip magic bytes, not the name). */
    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
            } catch (ZipException e) {
                raw.close();
                throw new IOException("corrupt gzip data (" + e.getMessage() + ")");
            }
        }
        return new DataInputStream(raw);
    }

    private static int readInt(DataInputStream in, Path file, String field) throws OfaException, IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw OfaException.inFile(file, field, "a 4-byte big-endian integer", "end of file");
        }
    }

    private static void readFully(DataInputStream in, byte[] into, Path file, String field)
            throws OfaException, IOException {
        try {
            in.readFully(into);
        } catch (EOFException e) {
            throw OfaException.inFile(file, field, into.length + " bytes", "a truncated file");
        }
    }
}
