package dev.ofastudio.engine.supernet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.io.BoundedFiles;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.pth.DType;
import dev.ofastudio.engine.io.pth.StateDict;
import dev.ofastudio.engine.io.pth.Tensor;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * OFA Studio's own checkpoint file: magic {@code OFASCKPT}, a {@link #VERSION} byte, a JSON header
 * (what the tensors belong to), the tensors (key, dtype, shape, little-endian data) and a CRC-32
 * of everything before it. Written atomically, so a kill at any moment leaves either the old file
 * or the new one; a truncated or corrupted file is refused with a clear message.
 */
public final class CheckpointFile {
    public static final byte VERSION = 1;
    private static final byte[] MAGIC = "OFASCKPT".getBytes(StandardCharsets.US_ASCII);

    /** A header and its tensors. */
    public record Content(JsonNode header, StateDict tensors) {
    }

    private CheckpointFile() {
    }

    /** True if {@code file} starts with this format's magic. */
    public static boolean isCheckpoint(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    public static void write(Path file, JsonNode header, Map<String, Tensor> tensors) throws OfaException {
        byte[] headerBytes;
        try {
            headerBytes = Json.MAPPER.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise checkpoint header", e);
        }
        AtomicFiles.write(file, os -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new java.util.zip.CheckedOutputStream(os, crc));
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(headerBytes.length);
            out.write(headerBytes);
            out.writeInt(tensors.size());
            for (Tensor t : tensors.values()) {
                byte[] key = t.key().getBytes(StandardCharsets.UTF_8);
                out.writeShort(key.length);
                out.write(key);
                out.writeByte(t.dtype().ordinal());
                out.writeByte(t.rank());
                for (long d : t.shape()) {
                    out.writeLong(d);
                }
                ByteBuffer data = t.data();
                byte[] raw = new byte[data.remaining()];
                data.get(raw);
                out.write(raw);
            }
            out.flush();
            new DataOutputStream(os).writeLong(crc.getValue());
        });
    }

    /** Ranks beyond this are not weights of any network we build. */
    private static final int MAX_RANK = 8;

    public static Content read(Path file) throws OfaException {
        if (!java.nio.file.Files.exists(file)) {
            throw new OfaException(file + ": file not found");
        }
        byte[] all = BoundedFiles.readBytes(file, BoundedFiles.BINARY_LIMIT, "an OFA Studio checkpoint");
        if (all.length < MAGIC.length + 1 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new OfaException(file + ": not an OFA Studio checkpoint (expected magic OFASCKPT)");
        }
        byte version = all[MAGIC.length];
        if (version != VERSION) {
            throw new OfaException(file + ": checkpoint format version " + version + " is not supported, expected "
                    + VERSION);
        }
        if (all.length < MAGIC.length + 1 + 8) {
            throw new OfaException(file + ": checkpoint is truncated (" + all.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN);
        long stored = b.getLong(all.length - 8);
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        if (crc.getValue() != stored) {
            throw new OfaException(file + ": checkpoint is truncated or corrupted (checksum mismatch, "
                    + all.length + " bytes)");
        }
        // Everything below is checked against the bytes left before it sizes an allocation, so a
        // damaged (or hand-made) file with a valid checksum cannot ask for a huge or negative array.
        b.limit(all.length - 8);
        try {
            b.position(MAGIC.length + 1);
            int headerLength = b.getInt();
            if (headerLength < 0 || headerLength > b.remaining()) {
                throw malformed(file, "header length " + headerLength + " (" + b.remaining() + " bytes follow)");
            }
            byte[] headerBytes = new byte[headerLength];
            b.get(headerBytes);
            JsonNode header = Json.parse(new String(headerBytes, StandardCharsets.UTF_8), file + " header");
            int count = b.getInt();
            if (count < 0 || count > b.remaining() / 4) {
                throw malformed(file, "tensor count " + count);
            }
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            DType[] types = DType.values();
            for (int i = 0; i < count; i++) {
                byte[] key = new byte[b.getShort() & 0xffff];
                b.get(key);
                String k = new String(key, StandardCharsets.UTF_8);
                int type = b.get();
                if (type < 0 || type >= types.length) {
                    throw malformed(file, "tensor '" + k + "': element type " + type);
                }
                DType dtype = types[type];
                int rank = b.get();
                if (rank < 0 || rank > MAX_RANK) {
                    throw malformed(file, "tensor '" + k + "': rank " + rank + " (expected 0.." + MAX_RANK + ")");
                }
                long[] shape = new long[rank];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = b.getLong();
                    if (shape[d] < 0) {
                        throw malformed(file, "tensor '" + k + "': negative dimension " + shape[d]);
                    }
                }
                long bytes = Math.multiplyExact(Tensor.numel(shape), dtype.byteSize());
                if (bytes > b.remaining()) {
                    throw malformed(file, "tensor '" + k + "' " + Arrays.toString(shape) + " needs " + bytes
                            + " bytes, " + b.remaining() + " left");
                }
                ByteBuffer data = b.slice(b.position(), (int) bytes);
                b.position(b.position() + (int) bytes);
                tensors.put(k, new Tensor(k, shape, dtype, data));
            }
            if (b.hasRemaining()) {
                throw new OfaException(file + ": checkpoint has " + b.remaining() + " unexpected trailing bytes");
            }
            return new Content(header, new StateDict(file, tensors));
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException
                | ArithmeticException e) {
            throw new OfaException(file + ": checkpoint is malformed (" + e.getMessage() + ")");
        }
    }

    private static OfaException malformed(Path file, String what) {
        return new OfaException(file + ": checkpoint is malformed: " + what);
    }

    /** A float32 tensor of the given shape. */
    public static Tensor floats(String key, long[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new Tensor(key, shape, DType.FLOAT32, b);
    }

    /** A float16 tensor of the given shape (values rounded to nearest, ties to even). */
    public static Tensor halves(String key, long[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            b.putShort(i * 2, dev.ofastudio.engine.io.pth.HalfFloats.floatToHalf(values[i]));
        }
        return new Tensor(key, shape, DType.FLOAT16, b);
    }

    /** An int64 scalar (num_batches_tracked). */
    public static Tensor longScalar(String key, long value) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, value);
        return new Tensor(key, new long[0], DType.INT64, b);
    }
}
