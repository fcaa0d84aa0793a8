package dev.ofastudio.engine.io.pth;

import java.util.Locale;

/** Element types of PyTorch tensors that a checkpoint can hold, with their byte sizes. */
public enum DType {
    FLOAT32(4, "FloatStorage"),
    FLOAT64(8, "DoubleStorage"),
    FLOAT16(2, "HalfStorage"),
    BFLOAT16(2, "BFloat16Storage"),
    INT64(8, "LongStorage"),
    INT32(4, "IntStorage"),
    INT16(2, "ShortStorage"),
    INT8(1, "CharStorage"),
    UINT8(1, "ByteStorage"),
    BOOL(1, "BoolStorage");

    private final int byteSize;
    private final String storageClass;

    DType(int byteSize, String storageClass) {
        this.byteSize = byteSize;
        this.storageClass = storageClass;
    }

    public int byteSize() {
        return byteSize;
    }

    /** The storage class name in {@code torch}, e.g. {@code FloatStorage}. */
    public String storageClass() {
        return storageClass;
    }

    /** PyTorch's name, e.g. {@code float32} or {@code int64}. */
    public String torchName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64 || this == FLOAT16 || this == BFLOAT16;
    }

    /** The type stored by {@code torch.<storageClass>}, or null for an unknown class name. */
    static DType ofStorageClass(String name) {
        for (DType t : values()) {
            if (t.storageClass.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
