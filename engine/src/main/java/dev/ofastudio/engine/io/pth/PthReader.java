package dev.ofastudio.engine.io.pth;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.BoundedFiles;
import dev.ofastudio.engine.io.pth.PickleObjects.StorageRef;
import dev.ofastudio.engine.io.pth.PickleObjects.TensorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads PyTorch checkpoints ({@code .pth}/{@code .pt}) holding a state dict, without PyTorch.
 *
 * <p>Two layouts exist. The zip layout of PyTorch ≥ 1.6 has {@code <archive>/data.pkl} (the
 * pickle) and one raw little-endian entry {@code <archive>/data/<key>} per storage. The legacy
 * layout (still common for published files such as OFA's accuracy predictor) is a sequence of
 * pickles — magic number, protocol, system info, the object, the storage keys — followed by each
 * storage as an int64 element count and its raw bytes. A dict wrapped as
 * {@code {"state_dict": {...}}} is unwrapped. Every problem is an {@link OfaException} naming the file.
 */
public final class PthReader {
    /** torch.serialization's MAGIC_NUMBER of the legacy layout. */
    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long LEGACY_PROTOCOL = 1001;

    private PthReader() {
    }

    /** Reads the state dict of {@code file}. */
    public static StateDict read(Path file) throws OfaException {
        try {
            return readUnchecked(file);
        } catch (OfaException e) {
            String line = oneLine(e.getMessage());
            throw line.equals(e.getMessage()) ? e : new OfaException(line, e);
        }
    }

    /**
     * Messages quote names taken from the file, which a damaged file can fill with control
     * characters or megabytes of text: keep the message one printable line of bounded length.
     */
    static String oneLine(String message) {
        StringBuilder sb = new StringBuilder(Math.min(message.length(), 600));
        for (int i = 0; i < message.length() && sb.length() < 600; i++) {
            char c = message.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        if (sb.length() < message.length()) {
            sb.append('…');
        }
        return sb.toString();
    }

    private static StateDict readUnchecked(Path file) throws OfaException {
        byte[] head = new byte[4];
        int n;
        try (InputStream s = Files.newInputStream(file)) {
            n = s.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new OfaException(file + ": file not found");
        } catch (IOException e) {
            throw new OfaException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (n == 0) {
            throw new OfaException(file + ": file is empty, expected a PyTorch checkpoint");
        }
        if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return readZip(file);
        }
        if ((head[0] & 0xff) == 0x80) {
            return readLegacy(file);
        }
        throw new OfaException(file + ": not a PyTorch checkpoint (expected a torch.save zip archive or "
                + "legacy pickle, found leading bytes " + hex(head, n) + ")");
    }

    private static StateDict readZip(Path file) throws OfaException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long[] budget = {BoundedFiles.BINARY_LIMIT};
            ZipEntry pkl = findDataPkl(zip);
            if (pkl == null) {
                throw new OfaException(file + ": zip archive has no data.pkl entry, so it is not a torch.save checkpoint");
            }
            String prefix = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
            ZipEntry order = zip.getEntry(prefix + "byteorder");
            if (order != null) {
                String bo = new String(readEntry(zip, order, file, budget), StandardCharsets.US_ASCII).strip();
                if (!"little".equals(bo)) {
                    throw new OfaException(file + ": byteorder '" + bo + "' is not supported, expected little");
                }
            }
            Map<String, StorageRef> storages = new LinkedHashMap<>();
            ByteBuffer pickle = ByteBuffer.wrap(readEntry(zip, pkl, file, budget));
            Object root = new Unpickler(file + " (" + pkl.getName() + ")", pickle, storages).load();
            Map<String, TensorSpec> specs = stateDictOf(root, file);
            Map<String, ByteBuffer> bytes = new HashMap<>();
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, TensorSpec> e : specs.entrySet()) {
                StorageRef s = e.getValue().storage();
                ByteBuffer data = bytes.get(s.key());
                if (data == null) {
                    String name = prefix + "data/" + s.key();
                    ZipEntry entry = zip.getEntry(name);
                    if (entry == null) {
                        throw new OfaException(file + ": storage entry '" + name + "' of tensor '" + e.getKey()
                                + "' is missing from the archive");
                    }
                    data = ByteBuffer.wrap(readEntry(zip, entry, file, budget)).order(ByteOrder.LITTLE_ENDIAN);
                    bytes.put(s.key(), data);
                }
                out.put(e.getKey(), materialize(file, e.getKey(), e.getValue(), data));
            }
            return new StateDict(file, out);
        } catch (ZipException e) {
            throw new OfaException(file + ": damaged or truncated zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new OfaException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The shallowest entry named {@code data.pkl} (torch.save writes {@code <archive>/data.pkl}). */
    private static ZipEntry findDataPkl(ZipFile zip) {
        ZipEntry best = null;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            String name = e.getName();
            if (!e.isDirectory() && (name.equals("data.pkl") || name.endsWith("/data.pkl"))) {
                if (best == null || depth(name) < depth(best.getName())) {
                    best = e;
                }
            }
        }
        return best;
    }

    private static int depth(String name) {
        return (int) name.chars().filter(c -> c == '/').count();
    }

    /**
     * An entry's bytes, allocated from its declared size only within the checkpoint's remaining
     * {@code budget}; an entry that inflates past its declared size is refused, not followed.
     */
    private static byte[] readEntry(ZipFile zip, ZipEntry entry, Path file, long[] budget)
            throws OfaException, IOException {
        long declared = entry.getSize();
        if (declared > budget[0]) {
            throw new OfaException(file + ": zip entry " + entry.getName() + " declares " + declared
                    + " bytes, past the " + BoundedFiles.mib(BoundedFiles.BINARY_LIMIT) + " limit for a checkpoint");
        }
        try (InputStream s = zip.getInputStream(entry)) {
            byte[] b;
            if (declared >= 0) {
                b = new byte[(int) declared];
                int n = s.readNBytes(b, 0, b.length);
                if (n != b.length) {
                    throw new OfaException(file + ": zip entry " + entry.getName() + " is truncated (" + n
                            + " of " + declared + " bytes)");
                }
                if (s.read() >= 0) {
                    throw new OfaException(file + ": zip entry " + entry.getName()
                            + " inflates past its declared size of " + declared + " bytes (damaged or malicious archive)");
                }
            } else {
                b = BoundedFiles.readAtMost(s, budget[0], () -> new OfaException(file + ": zip entry "
                        + entry.getName() + " is past the " + BoundedFiles.mib(BoundedFiles.BINARY_LIMIT)
                        + " limit for a checkpoint"));
            }
            budget[0] -= b.length;
            return b;
        }
    }

    private static StateDict readLegacy(Path file) throws OfaException {
        byte[] all = BoundedFiles.readBytes(file, BoundedFiles.BINARY_LIMIT, "a PyTorch checkpoint");
        ByteBuffer in = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, StorageRef> storages = new LinkedHashMap<>();
        String src = file.toString();
        Object magic = new Unpickler(src, in, storages).load();
        if (!LEGACY_MAGIC.equals(magic)) {
            throw new OfaException(file + ": not a PyTorch checkpoint (a pickle, but without torch.save's magic number)");
        }
        Object protocol = new Unpickler(src, in, storages).load();
        if (!Long.valueOf(LEGACY_PROTOCOL).equals(protocol)) {
            throw new OfaException(file + ": unsupported torch.save protocol " + protocol + ", expected 1001");
        }
        Object sysInfo = new Unpickler(src, in, storages).load();
        if (sysInfo instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("little_endian"))) {
            throw new OfaException(file + ": written on a big-endian machine, not supported");
        }
        Object root = new Unpickler(src, in, storages).load();
        Map<String, TensorSpec> specs = stateDictOf(root, file);
        Object keys = new Unpickler(src, in, storages).load();
        if (!(keys instanceof List<?> keyList)) {
            throw new OfaException(file + ": expected the list of storage keys after the pickle, found "
                    + PickleObjects.describe(keys));
        }
        Map<String, ByteBuffer> bytes = new HashMap<>();
        for (Object k : keyList) {
            if (!(k instanceof String)) {
                throw new OfaException(file + ": storage key list holds " + PickleObjects.describe(k) + ", expected strings");
            }
            StorageRef s = storages.get(k);
            if (s == null) {
                throw new OfaException(file + ": storage '" + k + "' is listed but no tensor uses it");
            }
            try {
                long count = in.getLong();
                if (count != s.numel()) {
                    throw new OfaException(file + ": storage '" + k + "' holds " + count + " elements, expected "
                            + s.numel());
                }
                if (count > in.remaining() / s.dtype().byteSize()) {
                    throw new BufferUnderflowException();
                }
                long len = count * s.dtype().byteSize();
                ByteBuffer data = in.slice(in.position(), (int) len).order(ByteOrder.LITTLE_ENDIAN);
                in.position(in.position() + (int) len);
                bytes.put(s.key(), data);
            } catch (BufferUnderflowException e) {
                throw new OfaException(file + ": truncated file (the data of storage '" + k + "' is incomplete)");
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, TensorSpec> e : specs.entrySet()) {
            ByteBuffer data = bytes.get(e.getValue().storage().key());
            if (data == null) {
                throw new OfaException(file + ": the data of storage '" + e.getValue().storage().key()
                        + "' of tensor '" + e.getKey() + "' is missing");
            }
            out.put(e.getKey(), materialize(file, e.getKey(), e.getValue(), data));
        }
        return new StateDict(file, out);
    }

    /** Checks that the unpickled object is a (possibly wrapped) dict of tensors. */
    private static Map<String, TensorSpec> stateDictOf(Object root, Path file) throws OfaException {
        if (root instanceof Map<?, ?> m && m.get("state_dict") instanceof Map<?, ?> inner) {
            root = inner;
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new OfaException(file + ": expected a state dict (a dict of tensors), but the checkpoint holds "
                    + PickleObjects.describe(root));
        }
        Map<String, TensorSpec> out = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() instanceof String k && e.getValue() instanceof TensorSpec t) {
                out.put(k, t);
            } else if (bad.size() < 3) {
                bad.add("'" + e.getKey() + "' is " + PickleObjects.describe(e.getValue()));
            }
        }
        if (!bad.isEmpty()) {
            throw new OfaException(file + ": expected a state dict (a dict of tensors), but " + String.join(", ", bad));
        }
        return out;
    }

    /** Copies the tensor's elements out of its storage in C-contiguous order. */
    private static Tensor materialize(Path file, String key, TensorSpec spec, ByteBuffer storage) throws OfaException {
        try {
            return materializeExact(file, key, spec, storage);
        } catch (ArithmeticException e) { // sizes from a damaged pickle can overflow a long
            throw new OfaException(file + ": tensor '" + key + "' has an invalid size, stride or offset");
        }
    }

    private static Tensor materializeExact(Path file, String key, TensorSpec spec, ByteBuffer storage)
            throws OfaException {
        StorageRef s = spec.storage();
        int es = s.dtype().byteSize();
        long[] shape = spec.shape();
        long[] stride = spec.stride();
        long numel;
        try {
            numel = Tensor.numel(shape);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new OfaException(file + ": tensor '" + key + "' has an invalid shape " + java.util.Arrays.toString(shape));
        }
        long storageElems = storage.capacity() / es;
        if (Math.addExact(s.elementOffset(), s.numel()) > storageElems) {
            throw new OfaException(file + ": storage '" + s.key() + "' of tensor '" + key + "' holds "
                    + storageElems + " elements, expected " + (s.elementOffset() + s.numel()));
        }
        if (numel == 0) {
            return new Tensor(key, shape, s.dtype(), ByteBuffer.allocate(0));
        }
        long last = spec.offset();
        for (int i = 0; i < shape.length; i++) {
            if (stride[i] < 0) {
                throw new OfaException(file + ": tensor '" + key + "' has a negative stride");
            }
            last = Math.addExact(last, Math.multiplyExact(shape[i] - 1, stride[i]));
        }
        if (spec.offset() < 0 || last >= s.numel()) {
            throw new OfaException(file + ": tensor '" + key + "' reaches past the end of its storage '" + s.key()
                    + "' (" + s.numel() + " elements)");
        }
        if (Math.multiplyExact(numel, es) > Integer.MAX_VALUE - 8) {
            throw new OfaException(file + ": tensor '" + key + "' is larger than 2 GB, not supported");
        }
        long base = s.elementOffset() + spec.offset();
        if (isContiguous(shape, stride)) {
            return new Tensor(key, shape, s.dtype(), storage.slice((int) (base * es), (int) (numel * es)));
        }
        // A view with other strides: gather element by element into a fresh contiguous buffer.
        ByteBuffer out = ByteBuffer.allocate((int) (numel * es)).order(ByteOrder.LITTLE_ENDIAN);
        long[] idx = new long[shape.length];
        for (long n = 0; n < numel; n++) {
            long src = base;
            for (int i = 0; i < shape.length; i++) {
                src += idx[i] * stride[i];
            }
            out.put(storage.slice((int) (src * es), es));
            for (int i = shape.length - 1; i >= 0; i--) {
                if (++idx[i] < shape[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        out.flip();
        return new Tensor(key, shape, s.dtype(), out);
    }

    /** Row-major strides, ignoring dimensions of size 1 (their stride is irrelevant). */
    static boolean isContiguous(long[] shape, long[] stride) {
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
