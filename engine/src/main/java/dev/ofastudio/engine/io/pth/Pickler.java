package dev.ofastudio.engine.io.pth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the pickle (protocol 2, as torch.save) of a checkpoint's object tree. Tensors become
 * {@code torch._utils._rebuild_tensor_v2} calls over persistent storages numbered in order of
 * appearance; {@link #storages()} lists them for the archive's {@code data/} entries.
 *
 * <p>Supported values: null, Boolean, integral numbers, floating numbers, String, List, Map with
 * String keys (an OrderedDict when every value is a {@link Tensor}, as {@code module.state_dict()}),
 * {@link Tensor} and Jackson {@link JsonNode} trees (for {@code net.config}).
 */
final class Pickler {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Tensor> storages = new ArrayList<>();

    /** The pickle of {@code root}, STOP included. */
    byte[] pickle(Object root) {
        op(0x80).op(2); // PROTO 2
        value(root);
        op('.');
        return out.toByteArray();
    }

    /** Tensors in storage-key order: storage {@code i} holds {@code storages().get(i)}. */
    List<Tensor> storages() {
        return storages;
    }

    private void value(Object v) {
        if (v == null) {
            op('N');
        } else if (v instanceof Boolean b) {
            op(b ? 0x88 : 0x89);
        } else if (v instanceof Double || v instanceof Float) {
            floating(((Number) v).doubleValue());
        } else if (v instanceof Number n) {
            integer(n.longValue());
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Tensor t) {
            tensor(t);
        } else if (v instanceof StateDict d) {
            orderedDict(d.tensors().stream().collect(java.util.stream.Collectors.toMap(
                    Tensor::key, t -> t, (a, b) -> a, java.util.LinkedHashMap::new)));
        } else if (v instanceof JsonNode j) {
            json(j);
        } else if (v instanceof Map<?, ?> m) {
            if (!m.isEmpty() && m.values().stream().allMatch(x -> x instanceof Tensor)) {
                orderedDict(m);
            } else {
                op('}');
                items(m);
            }
        } else if (v instanceof List<?> l) {
            op(']');
            if (!l.isEmpty()) {
                op('(');
                l.forEach(this::value);
                op('e'); // APPENDS
            }
        } else {
            throw new IllegalArgumentException("cannot pickle " + v.getClass().getName());
        }
    }

    private void orderedDict(Map<?, ?> m) {
        global("collections", "OrderedDict");
        op(')').op('R');
        items(m);
    }

    private void items(Map<?, ?> m) {
        if (m.isEmpty()) {
            return;
        }
        op('(');
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                throw new IllegalArgumentException("dict keys must be strings, found " + e.getKey());
            }
            string(k);
            value(e.getValue());
        }
        op('u'); // SETITEMS
    }

    private void json(JsonNode j) {
        if (j.isNull() || j.isMissingNode()) {
            op('N');
        } else if (j.isBoolean()) {
            op(j.booleanValue() ? 0x88 : 0x89);
        } else if (j.isIntegralNumber() && j.canConvertToLong()) {
            integer(j.longValue());
        } else if (j.isNumber()) {
            floating(j.doubleValue());
        } else if (j.isTextual()) {
            string(j.textValue());
        } else if (j.isArray()) {
            op(']');
            if (!j.isEmpty()) {
                op('(');
                j.forEach(this::json);
                op('e');
            }
        } else if (j.isObject()) {
            op('}');
            if (!j.isEmpty()) {
                op('(');
                for (Iterator<Map.Entry<String, JsonNode>> it = j.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    string(e.getKey());
                    json(e.getValue());
                }
                op('u');
            }
        } else {
            throw new IllegalArgumentException("cannot pickle JSON " + j.getNodeType());
        }
    }

    /** {@code _rebuild_tensor_v2(storage, 0, shape, contiguous stride, False, OrderedDict())}. */
    private void tensor(Tensor t) {
        String key = String.valueOf(storages.size());
        storages.add(t);
        global("torch._utils", "_rebuild_tensor_v2");
        op('(');
        op('(');
        string("storage");
        global("torch", t.dtype().storageClass());
        string(key);
        string("cpu");
        integer(t.numel());
        op('t');
        op('Q'); // BINPERSID
        integer(0);
        long[] shape = t.shape();
        tuple(shape);
        tuple(contiguousStride(shape));
        op(0x89); // requires_grad=False
        global("collections", "OrderedDict");
        op(')').op('R');
        op('t');
        op('R');
    }

    static long[] contiguousStride(long[] shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return stride;
    }

    private void tuple(long[] values) {
        if (values.length == 0) {
            op(')');
            return;
        }
        op('(');
        for (long v : values) {
            integer(v);
        }
        op('t');
    }

    private void integer(long v) {
        if (v >= 0 && v < 256) {
            op('K').op((int) v);
        } else if (v >= 0 && v < 65536) {
            op('M').op((int) v & 0xff).op((int) (v >>> 8) & 0xff);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            op('J');
            int32((int) v);
        } else {
            byte[] be = BigInteger.valueOf(v).toByteArray(); // two's complement, big-endian, minimal
            op(0x8a).op(be.length); // LONG1: little-endian two's complement
            for (int i = be.length - 1; i >= 0; i--) {
                out.write(be[i]);
            }
        }
    }

    private void floating(double d) {
        op('G'); // BINFLOAT: big-endian IEEE double
        long bits = Double.doubleToLongBits(d);
        for (int i = 7; i >= 0; i--) {
            out.write((int) (bits >>> (8 * i)) & 0xff);
        }
    }

    private void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        int32(b.length);
        out.writeBytes(b);
    }

    private void global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void int32(int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
        out.write((v >>> 16) & 0xff);
        out.write((v >>> 24) & 0xff);
    }

    private Pickler op(int code) {
        out.write(code);
        return this;
    }
}
