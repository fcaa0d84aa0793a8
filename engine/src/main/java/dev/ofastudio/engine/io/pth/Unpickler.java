package dev.ofastudio.engine.io.pth;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.pth.PickleObjects.Global;
import dev.ofastudio.engine.io.pth.PickleObjects.StorageRef;
import dev.ofastudio.engine.io.pth.PickleObjects.TensorSpec;
import dev.ofastudio.engine.io.pth.PickleObjects.Tuple;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of Python's pickle protocol (up to 5) that {@code torch.save} uses for state dicts.
 *
 * <p>Only an allow list of classes may be referenced (OrderedDict, torch tensor rebuild helpers,
 * typed storages), so a checkpoint can never make us build anything else. Every opcode consumes
 * input and the input is bounded, so garbage ends in an {@link OfaException}, never a hang.
 * Not thread-safe; one instance per pickle.
 */
final class Unpickler {
    private static final Object MARK = new Object() {
        @Override
        public String toString() {
            return "MARK";
        }
    };

    private final String source;
    private final ByteBuffer in;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    /** Every storage the persistent ids named, by key, in first-seen order. */
    private final Map<String, StorageRef> storages;

    /**
     * @param source names the file (and entry) in error messages
     * @param storages collects the storages named by persistent ids (shared across pickles of one file)
     */
    Unpickler(String source, ByteBuffer in, Map<String, StorageRef> storages) {
        this.source = source;
        this.in = in.order(ByteOrder.LITTLE_ENDIAN);
        this.storages = storages;
    }

    /** Reads one pickle up to its STOP opcode; the buffer is left just after it. */
    Object load() throws OfaException {
        int op = -1;
        int at = in.position();
        try {
            while (true) {
                at = in.position();
                op = in.get() & 0xff;
                if (op == '.') {
                    if (stack.size() != 1 || !marks.isEmpty()) {
                        throw error(at, "STOP with " + stack.size() + " values on the stack");
                    }
                    return stack.get(0);
                }
                step(op, at);
            }
        } catch (BufferUnderflowException e) {
            throw new OfaException(source + ": truncated pickle (input ends inside "
                    + (op < 0 ? "the first opcode" : "opcode " + opName(op)) + " at byte " + at + ")");
        } catch (ClassCastException | IndexOutOfBoundsException | ArithmeticException e) {
            throw error(at, "malformed pickle at opcode " + opName(op));
        }
    }

    private void step(int op, int at) throws OfaException {
        switch (op) {
            case 0x80 -> { // PROTO
                int proto = in.get() & 0xff;
                if (proto > 5) {
                    throw error(at, "unsupported pickle protocol " + proto);
                }
            }
            case 0x95 -> { // FRAME: a length prefix only
                long len = in.getLong();
                if (len < 0 || len > in.remaining()) {
                    throw new BufferUnderflowException();
                }
            }
            case '(' -> marks.add(stack.size());
            case '}' -> push(new LinkedHashMap<Object, Object>());
            case ']' -> push(new ArrayList<Object>());
            case ')' -> push(new Tuple(new Object[0]));
            case 'N' -> push(null);
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'J' -> push((long) in.getInt());
            case 'K' -> push((long) (in.get() & 0xff));
            case 'M' -> push((long) (in.getShort() & 0xffff));
            case 0x8a -> push(readLong(in.get() & 0xff)); // LONG1
            case 0x8b -> push(readLong(length(in.getInt() & 0xffffffffL))); // LONG4
            case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); // BINFLOAT is big-endian
            case 'X' -> push(utf8(length(in.getInt() & 0xffffffffL)));
            case 0x8c -> push(utf8(in.get() & 0xff)); // SHORT_BINUNICODE
            case 0x8d -> push(utf8(length(in.getLong()))); // BINUNICODE8
            case 'T' -> push(latin1(length(in.getInt()))); // BINSTRING (protocol-2 pickles from Python 2)
            case 'U' -> push(latin1(in.get() & 0xff)); // SHORT_BINSTRING
            case 'c' -> push(global(line(at), line(at), at));
            case 0x93 -> { // STACK_GLOBAL
                Object name = pop();
                Object module = pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw error(at, "STACK_GLOBAL needs two strings");
                }
                push(global(m, n, at));
            }
            case 't' -> push(new Tuple(popToMark(at).toArray()));
            case 0x85 -> push(new Tuple(new Object[] {pop()}));
            case 0x86 -> {
                Object b = pop();
                Object a = pop();
                push(new Tuple(new Object[] {a, b}));
            }
            case 0x87 -> {
                Object c = pop();
                Object b = pop();
                Object a = pop();
                push(new Tuple(new Object[] {a, b, c}));
            }
            case 'l' -> push(new ArrayList<>(popToMark(at)));
            case 'd' -> {
                List<Object> items = popToMark(at);
                Map<Object, Object> m = new LinkedHashMap<>();
                putPairs(m, items, at);
                push(m);
            }
            case 'a' -> {
                Object v = pop();
                asList(peek(), at).add(v);
            }
            case 'e' -> {
                List<Object> items = popToMark(at);
                asList(peek(), at).addAll(items);
            }
            case 's' -> {
                Object v = pop();
                Object k = pop();
                putPairs(asMap(peek(), at), java.util.Arrays.asList(k, v), at);
            }
            case 'u' -> {
                List<Object> items = popToMark(at);
                putPairs(asMap(peek(), at), items, at);
            }
            case 'R' -> {
                Object args = pop();
                Object callable = pop();
                push(reduce(callable, args, at));
            }
            case 'b' -> { // BUILD: only OrderedDict's _metadata attribute, which we drop
                Object state = pop();
                Object target = peek();
                if (!(target instanceof Map) || !(state instanceof Map || state == null)) {
                    throw error(at, "BUILD on " + PickleObjects.describe(target) + " is not supported");
                }
            }
            case 'Q' -> push(persistentLoad(pop(), at));
            case 'q' -> memo.put((long) (in.get() & 0xff), peek());
            case 'r' -> memo.put(in.getInt() & 0xffffffffL, peek());
            case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
            case 'h' -> push(memoGet(in.get() & 0xff, at));
            case 'j' -> push(memoGet(in.getInt() & 0xffffffffL, at));
            case '0' -> pop();
            case '1' -> popToMark(at);
            case '2' -> push(peek());
            default -> throw error(at, "unsupported pickle opcode " + opName(op)
                    + " (only state dicts of tensors can be read)");
        }
    }

    private Object reduce(Object callable, Object args, int at) throws OfaException {
        if (!(callable instanceof Global g) || !(args instanceof Tuple t)) {
            throw error(at, "REDUCE of " + PickleObjects.describe(callable) + " is not supported");
        }
        switch (g.toString()) {
            case "collections.OrderedDict" -> {
                if (t.size() != 0) {
                    throw error(at, "OrderedDict with arguments is not supported");
                }
                return new LinkedHashMap<Object, Object>();
            }
            case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor" -> {
                if (t.size() < 4 || !(t.get(0) instanceof StorageRef s)) {
                    throw error(at, g + " expects (storage, offset, size, stride, ...)");
                }
                long[] shape = longs(t.get(2), at);
                long[] stride = longs(t.get(3), at);
                if (shape.length != stride.length) {
                    throw error(at, "tensor size and stride differ in rank");
                }
                return new TensorSpec(s, toLong(t.get(1), at), shape, stride);
            }
            case "torch._utils._rebuild_parameter" -> {
                if (t.size() < 1 || !(t.get(0) instanceof TensorSpec)) {
                    throw error(at, g + " expects a tensor");
                }
                return t.get(0);
            }
            default -> throw error(at, "calling " + g + " is not supported");
        }
    }

    /** ('storage', storage_type, key, location, numel[, view_metadata]) of torch.save. */
    private Object persistentLoad(Object pid, int at) throws OfaException {
        if (!(pid instanceof Tuple t) || t.size() < 5 || !"storage".equals(t.get(0))) {
            throw error(at, "unsupported persistent id " + PickleObjects.describe(pid)
                    + " (expected ('storage', type, key, location, numel))");
        }
        if (!(t.get(1) instanceof Global g) || DType.ofStorageClass(g.name()) == null) {
            throw error(at, "persistent id names no storage type");
        }
        DType dtype = DType.ofStorageClass(g.name());
        if (!(t.get(2) instanceof String key)) {
            throw error(at, "storage key is " + PickleObjects.describe(t.get(2)) + ", expected a string");
        }
        long numel = toLong(t.get(4), at);
        if (numel < 0) {
            throw error(at, "storage '" + key + "' has negative size " + numel);
        }
        StorageRef root = new StorageRef(dtype, key, numel, 0);
        StorageRef known = storages.putIfAbsent(key, root);
        if (known != null && (known.dtype() != dtype || known.numel() != numel)) {
            throw error(at, "storage '" + key + "' is declared twice with different types or sizes");
        }
        if (t.size() > 5 && t.get(5) != null) { // legacy view: (view_key, offset, view_size)
            if (!(t.get(5) instanceof Tuple v) || v.size() != 3) {
                throw error(at, "malformed storage view metadata");
            }
            long offset = toLong(v.get(1), at);
            long size = toLong(v.get(2), at);
            if (offset < 0 || size < 0 || offset > numel || size > numel - offset) {
                throw error(at, "storage view reaches past storage '" + key + "'");
            }
            return new StorageRef(dtype, key, size, offset);
        }
        return root;
    }

    private Global global(String module, String name, int at) throws OfaException {
        boolean allowed = switch (module + "." + name) {
            case "collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor",
                    "torch._utils._rebuild_parameter" -> true;
            default -> "torch".equals(module) && DType.ofStorageClass(name) != null;
        };
        if (!allowed) {
            throw error(at, "unsupported class '" + module + "." + name
                    + "' in pickle (only state dicts of tensors can be read)");
        }
        return new Global(module, name);
    }

    private Object memoGet(long index, int at) throws OfaException {
        if (!memo.containsKey(index)) {
            throw error(at, "pickle refers to memo entry " + index + " that was never stored");
        }
        return memo.get(index);
    }

    private void putPairs(Map<Object, Object> m, List<Object> items, int at) throws OfaException {
        if (items.size() % 2 != 0) {
            throw error(at, "odd number of dict items");
        }
        for (int i = 0; i < items.size(); i += 2) {
            Object k = items.get(i);
            // only immutable keys: a mutable one could contain itself and recurse in hashCode
            if (!(k instanceof String || k instanceof Long || k instanceof Boolean || k instanceof Double
                    || k instanceof BigInteger || k == null)) {
                throw error(at, "unhashable dict key " + PickleObjects.describe(k));
            }
            m.put(k, items.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> asList(Object o, int at) throws OfaException {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw error(at, "APPEND to " + PickleObjects.describe(o));
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> asMap(Object o, int at) throws OfaException {
        if (o instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw error(at, "SETITEM on " + PickleObjects.describe(o));
    }

    private long[] longs(Object o, int at) throws OfaException {
        if (!(o instanceof Tuple t)) {
            throw error(at, "expected a tuple of ints, found " + PickleObjects.describe(o));
        }
        long[] out = new long[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toLong(t.get(i), at);
        }
        return out;
    }

    private long toLong(Object o, int at) throws OfaException {
        if (o instanceof Long l) {
            return l;
        }
        throw error(at, "expected an int, found " + PickleObjects.describe(o));
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (stack.size() <= floor) {
            throw new IndexOutOfBoundsException("stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (stack.size() <= floor) {
            throw new IndexOutOfBoundsException("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popToMark(int at) throws OfaException {
        if (marks.isEmpty()) {
            throw error(at, "opcode needs a MARK but none is open");
        }
        int m = marks.remove(marks.size() - 1);
        List<Object> tail = new ArrayList<>(stack.subList(m, stack.size()));
        stack.subList(m, stack.size()).clear();
        return tail;
    }

    /** A length field, checked against the bytes left so garbage cannot demand a huge array. */
    private int length(long n) {
        if (n < 0 || n > in.remaining()) {
            throw new BufferUnderflowException();
        }
        return (int) n;
    }

    private Object readLong(int n) {
        byte[] le = bytes(n);
        if (n == 0) {
            return 0L;
        }
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) {
            be[i] = le[n - 1 - i];
        }
        BigInteger v = new BigInteger(be); // two's complement, as pickle's LONG1/LONG4
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private String utf8(int n) {
        return new String(bytes(n), StandardCharsets.UTF_8);
    }

    private String latin1(int n) {
        return new String(bytes(length(n)), StandardCharsets.ISO_8859_1);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[length(n)];
        in.get(b);
        return b;
    }

    /** A newline-terminated ASCII line (GLOBAL's operands), at most 256 bytes. */
    private String line(int at) throws OfaException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            byte b = in.get();
            if (b == '\n') {
                return sb.toString();
            }
            if (sb.length() > 256 || b < 0x20 || b > 0x7e) {
                throw error(at, "malformed GLOBAL operand");
            }
            sb.append((char) b);
        }
    }

    private OfaException error(int at, String what) {
        return new OfaException(source + ": " + what + " (pickle byte " + at + ")");
    }

    private static String opName(int op) {
        String name = switch (op) {
            case 0x80 -> "PROTO";
            case 0x95 -> "FRAME";
            case '(' -> "MARK";
            case '}' -> "EMPTY_DICT";
            case ']' -> "EMPTY_LIST";
            case ')' -> "EMPTY_TUPLE";
            case 'c' -> "GLOBAL";
            case 0x93 -> "STACK_GLOBAL";
            case 'R' -> "REDUCE";
            case 'b' -> "BUILD";
            case 'Q' -> "BINPERSID";
            case 'X' -> "BINUNICODE";
            case 0x8c -> "SHORT_BINUNICODE";
            case 'J' -> "BININT";
            case 'K' -> "BININT1";
            case 'M' -> "BININT2";
            case 0x8a -> "LONG1";
            case 'G' -> "BINFLOAT";
            case 't' -> "TUPLE";
            case 'u' -> "SETITEMS";
            case 's' -> "SETITEM";
            case 'e' -> "APPENDS";
            case 'q' -> "BINPUT";
            case 'r' -> "LONG_BINPUT";
            case 'h' -> "BINGET";
            case 'j' -> "LONG_BINGET";
            case 'P' -> "PERSID";
            case 'i' -> "INST";
            case 'o' -> "OBJ";
            case 0x81 -> "NEWOBJ";
            case 0x92 -> "NEWOBJ_EX";
            case 'B', 'C', 0x8e -> "BINBYTES";
            default -> null;
        };
        String hex = String.format("0x%02x", op);
        return name == null ? hex : name + " (" + hex + ")";
    }
}
