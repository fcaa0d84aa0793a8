package dev.ofastudio.engine.io.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX graph under construction: nodes in topological order, float32/int64 initializers and
 * typed inputs and outputs. {@link #toModel} encodes it as an ONNX {@code ModelProto} with the
 * field numbers of {@code onnx.proto}, using protobuf's wire format (see {@link ProtoMessage}).
 */
public final class OnnxGraph {
    /** ONNX {@code TensorProto.DataType} codes. */
    public static final int FLOAT = 1;
    public static final int INT64 = 7;
    /** ONNX IR version 7 goes with opset 13. */
    private static final long IR_VERSION = 7;

    private final String name;
    private final List<ProtoMessage> nodes = new ArrayList<>();
    private final List<ProtoMessage> initializers = new ArrayList<>();
    private final List<ProtoMessage> inputs = new ArrayList<>();
    private final List<ProtoMessage> outputs = new ArrayList<>();
    private int nextId;

    public OnnxGraph(String name) {
        this.name = name;
    }

    /** One node attribute (ONNX {@code AttributeProto}). */
    public record Attr(String name, ProtoMessage message) {
        private static final int TYPE_FLOAT = 1;
        private static final int TYPE_INT = 2;
        private static final int TYPE_INTS = 7;

        public static Attr of(String name, long value) {
            return new Attr(name, new ProtoMessage().string(1, name).int64(3, value).int32(20, TYPE_INT));
        }

        public static Attr of(String name, float value) {
            return new Attr(name, new ProtoMessage().string(1, name).float32(2, value).int32(20, TYPE_FLOAT));
        }

        public static Attr ints(String name, long... values) {
            ProtoMessage m = new ProtoMessage().string(1, name);
            for (long v : values) {
                m.int64(8, v);
            }
            return new Attr(name, m.int32(20, TYPE_INTS));
        }
    }

    /** Adds a node with one output, named after the op; returns the output's name. */
    public String node(String opType, List<String> in, Attr... attrs) {
        String out = opType.toLowerCase() + "_" + nextId++;
        node(opType, in, out, attrs);
        return out;
    }

    /** Adds a node whose single output has the given name. */
    public void node(String opType, List<String> in, String out, Attr... attrs) {
        ProtoMessage n = new ProtoMessage();
        for (String i : in) {
            n.string(1, i);
        }
        n.string(2, out).string(3, out).string(4, opType);
        for (Attr a : attrs) {
            n.message(5, a.message());
        }
        nodes.add(n);
    }

    /** A float32 constant; returns its name. */
    public String initializer(String tensorName, long[] dims, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return initializer(tensorName, dims, FLOAT, b.array());
    }

    /** A constant of ONNX type {@code dataType} from its little-endian bytes; returns its name. */
    public String initializer(String tensorName, long[] dims, int dataType, byte[] rawLittleEndian) {
        ProtoMessage t = new ProtoMessage();
        for (long d : dims) {
            t.int64(1, d);
        }
        t.int32(2, dataType).string(8, tensorName).bytes(9, rawLittleEndian);
        initializers.add(t);
        return tensorName;
    }

    /** A graph input; a negative dimension is symbolic, named by {@code symbols}. */
    public void input(String tensorName, int dataType, long[] dims, String... symbols) {
        inputs.add(valueInfo(tensorName, dataType, dims, symbols));
    }

    public void output(String tensorName, int dataType, long[] dims, String... symbols) {
        outputs.add(valueInfo(tensorName, dataType, dims, symbols));
    }

    private static ProtoMessage valueInfo(String tensorName, int dataType, long[] dims, String... symbols) {
        ProtoMessage shape = new ProtoMessage();
        int s = 0;
        for (long d : dims) {
            ProtoMessage dim = d >= 0 ? new ProtoMessage().int64(1, d) : new ProtoMessage().string(2, symbols[s++]);
            shape.message(1, dim);
        }
        ProtoMessage tensorType = new ProtoMessage().int32(1, dataType).message(2, shape);
        ProtoMessage type = new ProtoMessage().message(1, tensorType);
        return new ProtoMessage().string(1, tensorName).message(2, type);
    }

    /** The serialized {@code ModelProto}: this graph, the default-domain opset and string metadata. */
    public byte[] toModel(int opset, String producer, String producerVersion, Map<String, String> metadata) {
        ProtoMessage g = new ProtoMessage();
        nodes.forEach(n -> g.message(1, n));
        g.string(2, name);
        initializers.forEach(t -> g.message(5, t));
        inputs.forEach(v -> g.message(11, v));
        outputs.forEach(v -> g.message(12, v));
        ProtoMessage m = new ProtoMessage().int64(1, IR_VERSION).string(2, producer).string(3, producerVersion);
        m.message(7, g);
        m.message(8, new ProtoMessage().string(1, "").int64(2, opset));
        for (Map.Entry<String, String> e : new LinkedHashMap<>(metadata).entrySet()) {
            m.message(14, new ProtoMessage().string(1, e.getKey()).string(2, e.getValue()));
        }
        return m.toByteArray();
    }
}
