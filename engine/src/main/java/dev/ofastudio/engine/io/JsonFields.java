package dev.ofastudio.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;

/**
 * Typed reads of required JSON fields whose errors name the file, the field path, what was
 * expected and what was found.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** The object at {@code field}; {@code path} is the dotted prefix used in messages. */
    public static JsonNode object(JsonNode node, String field, String path, String source) throws OfaException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw missing(path + field, "an object", source);
        }
        if (!v.isObject()) {
            throw new OfaException(source + ": field " + path + field + ": expected an object, found " + kind(v));
        }
        return v;
    }

    public static String text(JsonNode node, String field, String path, String source) throws OfaException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw missing(path + field, "a string", source);
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new OfaException(source + ": field " + path + field + ": expected a non-empty string, found " + v);
        }
        return v.asText();
    }

    public static int integer(JsonNode node, String field, String path, String source, int min, int max)
            throws OfaException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw missing(path + field, "an integer in " + min + ".." + max, source);
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw new OfaException(source + ": field " + path + field + ": expected an integer in " + min + ".."
                    + max + ", found " + v);
        }
        return v.intValue();
    }

    /** A finite number strictly greater than zero. */
    public static double positive(JsonNode node, String field, String path, String source) throws OfaException {
        return number(node, field, path, source, false);
    }

    /** A finite number greater than or equal to zero. */
    public static double nonNegative(JsonNode node, String field, String path, String source) throws OfaException {
        return number(node, field, path, source, true);
    }

    private static double number(JsonNode node, String field, String path, String source, boolean zeroOk)
            throws OfaException {
        JsonNode v = node.get(field);
        String expected = zeroOk ? "a finite number >= 0" : "a finite number > 0";
        if (v == null || v.isNull()) {
            throw missing(path + field, expected, source);
        }
        double d = v.isNumber() ? v.doubleValue() : Double.NaN;
        if (v.isTextual()) {
            // NaN/Infinity can only arrive as strings in strict JSON; report them as such.
            d = Double.NaN;
        }
        if (!Double.isFinite(d) || d < 0 || (!zeroOk && d == 0)) {
            throw new OfaException(source + ": field " + path + field + ": expected " + expected + ", found " + v);
        }
        return d;
    }

    public static boolean bool(JsonNode node, String field, String path, String source) throws OfaException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw missing(path + field, "true or false", source);
        }
        if (!v.isBoolean()) {
            throw new OfaException(source + ": field " + path + field + ": expected true or false, found " + v);
        }
        return v.booleanValue();
    }

    private static OfaException missing(String field, String expected, String source) {
        return new OfaException(source + ": field " + field + ": expected " + expected + ", found nothing");
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
