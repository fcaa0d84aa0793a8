package dev.ofastudio.engine.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.space.mbv3.ActivationTable;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of search-space families: writes a space as JSON ({@code {"kind": …, "id": …,
 * parameters…}}) for workspaces, checkpoints and exports, and reads it back. A family registers a
 * reader for its {@link SearchSpace#kind()}.
 */
public final class SearchSpaces {
    private static final Map<String, Function<JsonNode, SearchSpace>> READERS = Map.of(
            Mbv3Space.KIND, SearchSpaces::readMbv3);

    private SearchSpaces() {
    }

    /** The families this build knows. */
    public static List<String> kinds() {
        return READERS.keySet().stream().sorted().toList();
    }

    /** {@code space} as a JSON object: kind, id and every parameter. */
    public static ObjectNode toJson(SearchSpace space) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("kind", space.kind());
        n.put("id", space.id());
        ObjectNode p = Json.MAPPER.valueToTree(space.parameters());
        n.setAll(p);
        return n;
    }

    /**
     * The space written by {@link #toJson(SearchSpace)}; a missing {@code kind} reads as OFA
     * MobileNetV3 (older files), missing parameters take the reference values.
     *
     * @param source the file (or field) the JSON came from, named in errors
     */
    public static SearchSpace fromJson(JsonNode n, String source) throws OfaException {
        if (n == null || !n.isObject()) {
            throw new OfaException(source + ": field space: expected an object with kind and parameters");
        }
        String kind = n.path("kind").asText(Mbv3Space.KIND);
        Function<JsonNode, SearchSpace> reader = READERS.get(kind);
        if (reader == null) {
            throw new OfaException(source + ": field space.kind: expected one of " + kinds() + ", found " + kind);
        }
        try {
            return reader.apply(n);
        } catch (IllegalArgumentException e) {
            throw new OfaException(source + ": field space: " + e.getMessage());
        }
    }

    private static SearchSpace readMbv3(JsonNode n) {
        Mbv3Space ref = Mbv3Space.mobileNetV3(number(n, "width_mult", 1.0));
        String act = n.path("activations").asText(ActivationTable.MBV3.id());
        ActivationTable table = ActivationTable.byId(act);
        if (table == null) {
            throw new IllegalArgumentException("activations: expected mbv3 or relu, found " + act);
        }
        return new Mbv3Space(ref.widthMult(),
                (int) number(n, "input_channels", 3),
                ints(n, "ks_list", ref.kernelSizes()),
                ints(n, "expand_ratio_list", ref.expandRatios()),
                ints(n, "depth_list", ref.depths()),
                ints(n, "resolutions", ref.resolutions()),
                (int) number(n, "num_classes", 1000),
                !n.has("se") || n.get("se").asBoolean(),
                table,
                (int) number(n, "width_divisor", 8));
    }

    private static double number(JsonNode n, String field, double fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + ": expected a number, found " + v);
        }
        return v.asDouble();
    }

    private static List<Integer> ints(JsonNode n, String field, List<Integer> fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isArray() || v.size() > 4096) {
            throw new IllegalArgumentException(field + ": expected a list of integers, found " + v);
        }
        List<Integer> out = new ArrayList<>();
        for (JsonNode x : v) {
            if (!x.canConvertToInt()) {
                throw new IllegalArgumentException(field + ": expected integers, found " + x);
            }
            out.add(x.asInt());
        }
        return out;
    }
}
