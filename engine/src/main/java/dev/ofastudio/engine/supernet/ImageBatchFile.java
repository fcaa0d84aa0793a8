package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.BoundedFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Raw float32 little-endian NCHW image batches with no header (the golden fixtures' format): the
 * batch size follows from the file size and the resolution.
 */
public final class ImageBatchFile {
    private ImageBatchFile() {
    }

    /** Reads {@code file} as {@code [N, 3, r, r]}. */
    public static NDArray read(Path file, int r, NDManager manager) throws OfaException {
        byte[] bytes = BoundedFiles.readBytes(file, BoundedFiles.BINARY_LIMIT, "an image batch");
        long image = 3L * r * r * Float.BYTES;
        if (bytes.length == 0 || bytes.length % image != 0) {
            throw new OfaException(file + ": expected float32 NCHW images of 3x" + r + "x" + r + " (a multiple of "
                    + image + " bytes for r=" + r + "), found " + bytes.length + " bytes");
        }
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return manager.create(values, new Shape(bytes.length / image, 3, r, r));
    }
}
