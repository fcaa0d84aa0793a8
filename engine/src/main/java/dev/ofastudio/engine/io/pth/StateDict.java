package dev.ofastudio.engine.io.pth;

import dev.ofastudio.engine.OfaException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PyTorch state dict: tensors by key, in the checkpoint's order. {@link #require} and
 * {@link #requireShape} turn a missing or misshapen tensor into a one-line error naming the file.
 */
public final class StateDict {
    private final Path source;
    private final Map<String, Tensor> tensors;

    public StateDict(Path source, Map<String, Tensor> tensors) {
        this.source = source;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** The file the tensors were read from (may be null for in-memory dicts). */
    public Path source() {
        return source;
    }

    public int size() {
        return tensors.size();
    }

    /** Keys in checkpoint order. */
    public Set<String> keys() {
        return tensors.keySet();
    }

    public List<Tensor> tensors() {
        return List.copyOf(tensors.values());
    }

    public boolean contains(String key) {
        return tensors.containsKey(key);
    }

    /** The tensor, or null. */
    public Tensor get(String key) {
        return tensors.get(key);
    }

    public Tensor require(String key) throws OfaException {
        Tensor t = tensors.get(key);
        if (t == null) {
            throw new OfaException(where() + "tensor '" + key + "' is missing from the state dict");
        }
        return t;
    }

    /** The tensor, checked to have exactly {@code shape}. */
    public Tensor requireShape(String key, long... shape) throws OfaException {
        Tensor t = require(key);
        if (!t.hasShape(shape)) {
            throw new OfaException(where() + "tensor '" + key + "': expected shape " + Arrays.toString(shape)
                    + ", found " + Arrays.toString(t.shape()));
        }
        return t;
    }

    /** Fails listing every key of {@code expected} that is absent. */
    public void requireKeys(List<String> expected) throws OfaException {
        List<String> missing = expected.stream().filter(k -> !tensors.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new OfaException(where() + "missing tensors " + missing + " (found " + describeKeys() + ")");
        }
    }

    /** The first few keys, for error messages. */
    private String describeKeys() {
        if (tensors.isEmpty()) {
            return "no tensors";
        }
        List<String> first = tensors.keySet().stream().limit(5).toList();
        return tensors.size() + " tensors: " + String.join(", ", first) + (tensors.size() > 5 ? ", …" : "");
    }

    private String where() {
        return source == null ? "" : source + ": ";
    }
}
