package dev.ofastudio.engine.io;

import dev.ofastudio.engine.OfaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads whole input files with a size limit, so that a huge file, a device such as
 * {@code /dev/zero} or a pipe that never ends fails fast with one line instead of filling the heap.
 * The limits are part of the contract: messages state them.
 */
public final class BoundedFiles {
    /** JSON and text inputs: configs, net.config, measurements, profiles, board specs, LUTs. */
    public static final long TEXT_LIMIT = 64L << 20;
    /** Binary inputs: checkpoints (all tensors together) and image batches. */
    public static final long BINARY_LIMIT = 1L << 30;

    private BoundedFiles() {
    }

    /** The whole file as UTF-8 text, at most {@link #TEXT_LIMIT} bytes. */
    public static String readText(Path file, String what) throws OfaException {
        byte[] b = readBytes(file, TEXT_LIMIT, what);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new OfaException(file + ": expected " + what + " in UTF-8 text, found bytes that are not UTF-8");
        }
    }

    /**
     * The whole file, refused before reading when its size is known to exceed {@code limit} and
     * while reading when a device or pipe goes past it.
     */
    public static byte[] readBytes(Path file, long limit, String what) throws OfaException {
        try {
            checkSize(file, limit, what);
            try (InputStream in = Files.newInputStream(file)) {
                return readAtMost(in, limit, () -> tooLarge(file, limit, what, -1));
            }
        } catch (NoSuchFileException e) {
            throw new OfaException(file + ": file not found");
        } catch (AccessDeniedException e) {
            throw new OfaException(file + ": permission denied");
        } catch (IOException e) {
            throw new OfaException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Fails if {@code file} is a regular file larger than {@code limit}. */
    public static void checkSize(Path file, long limit, String what) throws OfaException, IOException {
        if (Files.isDirectory(file)) {
            throw new OfaException(file + ": is a directory, expected " + what);
        }
        if (Files.isRegularFile(file)) {
            long size = Files.size(file);
            if (size > limit) {
                throw tooLarge(file, limit, what, size);
            }
        }
    }

    /** Something that builds the error for an input over its limit. */
    @FunctionalInterface
    public interface Overflow {
        OfaException error();
    }

    /**
     * Reads the stream to its end, at most {@code limit} bytes; past it, throws {@code overflow}'s
     * error. Buffers grow with what was actually read, never with a declared size.
     */
    public static byte[] readAtMost(InputStream in, long limit, Overflow overflow) throws IOException, OfaException {
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 8);
        byte[] b = in.readNBytes(cap);
        if (b.length == cap && (cap < limit || in.read() >= 0)) {
            throw overflow.error();
        }
        return b;
    }

    private static OfaException tooLarge(Path file, long limit, String what, long size) {
        String found = size >= 0 ? " (" + size + " bytes)" : "";
        return new OfaException(file + ": larger than the " + mib(limit) + " limit for " + what + found);
    }

    /** A byte count as whole MiB or GiB, for messages. */
    public static String mib(long bytes) {
        return bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }
}
