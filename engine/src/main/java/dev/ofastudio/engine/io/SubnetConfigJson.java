package dev.ofastudio.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes sub-network configs in OFA's JSON form: {@code {"ks":[20],"e":[20],"d":[5],"r":R}}.
 * The resolution may also be {@code "r":[R]} (tutorial) or {@code "image_size":R} (library); a
 * {@code "wid"} key is accepted and ignored.
 */
public final class SubnetConfigJson {
    private SubnetConfigJson() {
    }

    /**
     * Parses {@code --config} style input: a path to a JSON file, or inline JSON (text starting
     * with <code>{</code>).
     */
    public static SubnetConfig parseArgument(String fileOrJson) throws OfaException {
        String t = fileOrJson.strip();
        if (t.startsWith("{")) {
            return fromJson(Json.parse(t, "inline config"), "inline config");
        }
        Path p = Path.of(t);
        if (!Files.exists(p)) {
            throw new OfaException(t + ": config file not found (give a path or inline JSON such as "
                    + "{\"ks\":[...20],\"e\":[...20],\"d\":[...5],\"r\":224})");
        }
        return read(p);
    }

    public static SubnetConfig read(Path file) throws OfaException {
        return fromJson(Json.read(file), file.toString());
    }

    /** Converts a parsed JSON object; {@code source} names the file in errors. */
    public static SubnetConfig fromJson(JsonNode node, String source) throws OfaException {
        if (node == null || !node.isObject()) {
            throw new OfaException(source + ": expected a JSON object with ks, e, d and r");
        }
        int[] ks = intArray(node, "ks", SubnetConfig.BLOCKS, source);
        int[] e = intArray(node, "e", SubnetConfig.BLOCKS, source);
        int[] d = intArray(node, "d", SubnetConfig.STAGES, source);
        int r = resolution(node, source);
        return new SubnetConfig(ks, e, d, r);
    }

    private static int[] intArray(JsonNode node, String field, int length, String source) throws OfaException {
        JsonNode a = node.get(field);
        if (a == null || a.isNull()) {
            throw new OfaException(source + ": field " + field + ": expected a list of " + length
                    + " integers, found nothing");
        }
        if (!a.isArray() || a.size() != length) {
            throw new OfaException(source + ": field " + field + ": expected a list of " + length
                    + " integers, found " + (a.isArray() ? a.size() + " values" : a.getNodeType().toString().toLowerCase()));
        }
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            JsonNode v = a.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new OfaException(source + ": field " + field + "[" + i + "]: expected an integer, found " + v);
            }
            out[i] = v.intValue();
        }
        return out;
    }

    private static int resolution(JsonNode node, String source) throws OfaException {
        JsonNode r = node.has("r") ? node.get("r") : node.get("image_size");
        String field = node.has("r") ? "r" : "image_size";
        if (r == null || r.isNull()) {
            throw new OfaException(source + ": field r: expected the input resolution (\"r\": 224, \"r\": [224] "
                    + "or \"image_size\": 224), found nothing");
        }
        if (r.isArray()) {
            if (r.size() != 1) {
                throw new OfaException(source + ": field " + field + ": expected one resolution, found " + r.size());
            }
            r = r.get(0);
        }
        if (!r.isIntegralNumber() || !r.canConvertToInt()) {
            throw new OfaException(source + ": field " + field + ": expected an integer resolution, found " + r);
        }
        return r.intValue();
    }

    /** OFA's form with {@code "r": R}. */
    public static ObjectNode toJson(SubnetConfig c) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        var ks = n.putArray("ks");
        var e = n.putArray("e");
        var d = n.putArray("d");
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            ks.add(c.ks(b));
            e.add(c.e(b));
        }
        for (int s = 0; s < SubnetConfig.STAGES; s++) {
            d.add(c.d(s));
        }
        n.put("r", c.r());
        return n;
    }
}
