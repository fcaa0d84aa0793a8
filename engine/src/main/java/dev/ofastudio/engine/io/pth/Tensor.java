package dev.ofastudio.engine.io.pth;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor of a checkpoint: its state-dict key, shape, element type and its elements in
 * C-contiguous (row-major) order. Engine-only (no DJL types) so every consumer can use it.
 * Immutable: the data is a read-only view and the shape is copied in and out.
 */
public final class Tensor {
    private final String key;
    private final long[] shape;
    private final DType dtype;
    private final ByteBuffer data;

    /**
     * @param data exactly {@code numel · dtype.byteSize()} bytes, little-endian, C-contiguous
     *     (from its position to its limit)
     */
    public Tensor(String key, long[] shape, DType dtype, ByteBuffer data) {
        this.key = Objects.requireNonNull(key, "key");
        this.shape = shape.clone();
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        long n = numel(this.shape);
        if ((long) data.remaining() != n * dtype.byteSize()) {
            throw new IllegalArgumentException("tensor " + key + ": " + n + " " + dtype.torchName()
                    + " elements need " + n * dtype.byteSize() + " bytes, got " + data.remaining());
        }
        this.data = data.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Element count of a shape; 1 for a scalar. */
    public static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public String key() {
        return key;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int i) {
        return shape[i];
    }

    public DType dtype() {
        return dtype;
    }

    public long numel() {
        return numel(shape);
    }

    /** True if the shape equals {@code expected}. */
    public boolean hasShape(long... expected) {
        return Arrays.equals(shape, expected);
    }

    /** A read-only little-endian view of the raw elements. */
    public ByteBuffer data() {
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** All elements converted to float, in row-major order. */
    public float[] toFloatArray() {
        int n = checkedLength();
        float[] out = new float[n];
        ByteBuffer b = data();
        switch (dtype) {
            case FLOAT32 -> b.asFloatBuffer().get(out);
            case FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) b.getDouble(i * 8);
                }
            }
            case FLOAT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloats.halfToFloat(b.getShort(i * 2));
                }
            }
            case BFLOAT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
                }
            }
            default -> {
                long[] l = toLongArray();
                for (int i = 0; i < n; i++) {
                    out[i] = l[i];
                }
            }
        }
        return out;
    }

    /** All elements as double (exact for every type but int64 beyond 2^53). */
    public double[] toDoubleArray() {
        int n = checkedLength();
        double[] out = new double[n];
        if (dtype == DType.FLOAT64) {
            data().asDoubleBuffer().get(out);
        } else if (dtype.isFloatingPoint()) {
            float[] f = toFloatArray();
            for (int i = 0; i < n; i++) {
                out[i] = f[i];
            }
        } else {
            long[] l = toLongArray();
            for (int i = 0; i < n; i++) {
                out[i] = l[i];
            }
        }
        return out;
    }

    /** All elements of an integer or bool tensor as long. */
    public long[] toLongArray() {
        if (dtype.isFloatingPoint()) {
            throw new IllegalStateException("tensor " + key + " holds " + dtype.torchName()
                    + ", not integers; use toFloatArray()");
        }
        int n = checkedLength();
        long[] out = new long[n];
        ByteBuffer b = data();
        for (int i = 0; i < n; i++) {
            out[i] = switch (dtype) {
                case INT64 -> b.getLong(i * 8);
                case INT32 -> b.getInt(i * 4);
                case INT16 -> b.getShort(i * 2);
                case INT8 -> b.get(i);
                case UINT8, BOOL -> b.get(i) & 0xff;
                default -> throw new AssertionError(dtype);
            };
        }
        return out;
    }

    private int checkedLength() {
        long n = numel();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("tensor " + key + " has " + n + " elements, too many for one array");
        }
        return (int) n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && key.equals(t.key) && Arrays.equals(shape, t.shape)
                && dtype == t.dtype && data.equals(t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(shape), dtype);
    }

    @Override
    public String toString() {
        return key + " " + dtype.torchName() + Arrays.toString(shape);
    }
}
