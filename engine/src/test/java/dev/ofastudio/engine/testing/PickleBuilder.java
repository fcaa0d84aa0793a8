package dev.ofastudio.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes pickles opcode by opcode, the way torch.save does, to make test checkpoints. */
public final class PickleBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public PickleBuilder op(int code) {
        out.write(code);
        return this;
    }

    public PickleBuilder proto() {
        return op(0x80).op(2);
    }

    public PickleBuilder mark() {
        return op('(');
    }

    public PickleBuilder str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        int32(b.length);
        out.writeBytes(b);
        return this;
    }

    public PickleBuilder integer(long v) {
        if (v >= 0 && v < 256) {
            return op('K').op((int) v);
        }
        if (v >= 0 && v < 65536) {
            op('M');
            out.write((int) v & 0xff);
            out.write((int) (v >>> 8) & 0xff);
            return this;
        }
        op('J');
        return int32((int) v);
    }

    public PickleBuilder global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** Pushes a tuple of ints. */
    public PickleBuilder ints(long... values) {
        mark();
        for (long v : values) {
            integer(v);
        }
        return op('t');
    }

    /** Pushes {@code _rebuild_tensor_v2(storage, offset, shape, stride, False, OrderedDict())}. */
    public PickleBuilder tensor(String storageClass, String key, long numel, long offset, long[] shape, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2");
        mark();
        mark().str("storage").global("torch", storageClass).str(key).str("cpu").integer(numel).op('t').op('Q');
        integer(offset);
        ints(shape);
        ints(stride);
        op(0x89);
        global("collections", "OrderedDict").op(')').op('R');
        op('t');
        return op('R');
    }

    /** Contiguous tensor over a whole storage. */
    public PickleBuilder tensor(String storageClass, String key, long... shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= shape[i];
        }
        return tensor(storageClass, key, s, 0, shape, stride);
    }

    /** Pushes an empty OrderedDict. */
    public PickleBuilder orderedDict() {
        return global("collections", "OrderedDict").op(')').op('R');
    }

    public PickleBuilder stop() {
        return op('.');
    }

    public PickleBuilder raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private PickleBuilder int32(int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
        out.write((v >>> 16) & 0xff);
        out.write((v >>> 24) & 0xff);
        return this;
    }

    public static byte[] floatsLE(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    public static byte[] longsLE(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /** Writes a zip of stored (uncompressed) entries, like torch.save. */
    public static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setMethod(ZipEntry.STORED);
                ze.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                ze.setCrc(crc.getValue());
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    /**
     * Writes a torch.save-style zip checkpoint holding an OrderedDict of float32 tensors.
     *
     * @param tensors key → values, in order
     * @param shapes key → shape (product must equal the value count)
     */
    public static Path writeFloatStateDict(Path file, Map<String, float[]> tensors, Map<String, long[]> shapes)
            throws IOException {
        PickleBuilder p = new PickleBuilder().proto().orderedDict().mark();
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("archive/data.pkl", null);
        int n = 0;
        for (Map.Entry<String, float[]> e : tensors.entrySet()) {
            String storage = String.valueOf(n++);
            p.str(e.getKey()).tensor("FloatStorage", storage, shapes.get(e.getKey()));
            entries.put("archive/data/" + storage, floatsLE(e.getValue()));
        }
        entries.put("archive/data.pkl", p.op('u').stop().bytes());
        return zip(file, entries);
    }
}
