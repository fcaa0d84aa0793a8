package dev.ofastudio.engine.io.pth;

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
final class PickleBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleBuilder op(int code) {
        out.write(code);
        return this;
    }

    PickleBuilder proto() {
        return op(0x80).op(2);
    }

    PickleBuilder mark() {
        return op('(');
    }

    PickleBuilder str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        int32(b.length);
        out.writeBytes(b);
        return this;
    }

    PickleBuilder integer(long v) {
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

    PickleBuilder global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** Pushes a tuple of ints. */
    PickleBuilder ints(long... values) {
        mark();
        for (long v : values) {
            integer(v);
        }
        return op('t');
    }

    /** Pushes {@code _rebuild_tensor_v2(storage, offset, shape, stride, False, OrderedDict())}. */
    PickleBuilder tensor(String storageClass, String key, long numel, long offset, long[] shape, long[] stride) {
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
    PickleBuilder tensor(String storageClass, String key, long... shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= shape[i];
        }
        return tensor(storageClass, key, s, 0, shape, stride);
    }

    /** Pushes an empty OrderedDict. */
    PickleBuilder orderedDict() {
        return global("collections", "OrderedDict").op(')').op('R');
    }

    PickleBuilder stop() {
        return op('.');
    }

    PickleBuilder raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private PickleBuilder int32(int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
        out.write((v >>> 16) & 0xff);
        out.write((v >>> 24) & 0xff);
        return this;
    }

    static byte[] floatsLE(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] longsLE(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /** Writes a zip of stored (uncompressed) entries, like torch.save. */
    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
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
}
