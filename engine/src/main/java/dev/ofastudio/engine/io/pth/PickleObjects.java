package dev.ofastudio.engine.io.pth;

import java.util.Arrays;

/** The few Python objects a state-dict pickle builds, as the unpickler represents them. */
final class PickleObjects {
    private PickleObjects() {
    }

    /** A {@code module.name} reference from GLOBAL / STACK_GLOBAL (already checked against the allow list). */
    record Global(String module, String name) {
        @Override
        public String toString() {
            return module + "." + name;
        }
    }

    /**
     * A typed storage from a persistent id. {@code elementOffset} is non-zero only for legacy
     * storage views, which share the bytes of {@code key}.
     */
    record StorageRef(DType dtype, String key, long numel, long elementOffset) {
    }

    /** A tensor waiting for its storage bytes: offset and strides in elements. */
    record TensorSpec(StorageRef storage, long offset, long[] shape, long[] stride) {
        @Override
        public String toString() {
            return "tensor " + Arrays.toString(shape);
        }
    }

    /** A short Python-ish description of a value for error messages ("an int", "a list"). */
    static String describe(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Boolean) {
            return "a bool";
        }
        if (o instanceof Long || o instanceof java.math.BigInteger) {
            return "an int (" + o + ")";
        }
        if (o instanceof Double) {
            return "a float (" + o + ")";
        }
        if (o instanceof String s) {
            return "a string ('" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "')";
        }
        if (o instanceof Tuple) {
            return "a tuple";
        }
        if (o instanceof java.util.List) {
            return "a list";
        }
        if (o instanceof java.util.Map) {
            return "a dict";
        }
        if (o instanceof TensorSpec) {
            return "a tensor";
        }
        if (o instanceof StorageRef) {
            return "a storage";
        }
        if (o instanceof Global g) {
            return "the class " + g;
        }
        return o.getClass().getSimpleName();
    }

    /** A Python tuple (may hold None, unlike List.of). */
    record Tuple(Object[] items) {
        int size() {
            return items.length;
        }

        Object get(int i) {
            return items[i];
        }
    }
}
