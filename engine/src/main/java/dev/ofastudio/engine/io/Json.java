package dev.ofastudio.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ofastudio.engine.OfaException;
import java.nio.file.Path;

/** The engine's one JSON mapper and the file reading that turns parse errors into {@link OfaException}s. */
public final class Json {
    /** Shared, thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** Reads a JSON file; a missing file or bad JSON becomes a one-line error naming the file. */
    public static JsonNode read(Path file) throws OfaException {
        return parse(BoundedFiles.readText(file, "a JSON file"), file.toString());
    }

    /** Parses JSON text; {@code source} names it in errors (a path or "inline JSON"). */
    public static JsonNode parse(String text, String source) throws OfaException {
        if (text == null || text.isBlank()) {
            throw new OfaException(source + ": expected JSON, found an empty input");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new OfaException(source + ": malformed JSON" + at + " (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** Writes {@code value} as pretty JSON, atomically. */
    public static void write(Path file, Object value) throws OfaException {
        try {
            AtomicFiles.writeString(file, MAPPER.writeValueAsString(value) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }
}
