package dev.ofastudio.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ofastudio.engine.io.Json;
import java.io.PrintWriter;

/** Prints a value as JSON on the command's stdout. */
final class JsonOutput {
    private JsonOutput() {
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.println(Json.MAPPER.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise output", e);
        }
    }
}
