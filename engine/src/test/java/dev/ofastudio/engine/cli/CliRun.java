package dev.ofastudio.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and keeps what it printed. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OfaCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Exit 2 and exactly one stderr line {@code ofa: error: ...} containing every fragment. */
    void assertInputError(String... fragments) {
        org.junit.jupiter.api.Assertions.assertEquals(OfaCli.EXIT_INPUT, code, err);
        String line = err.strip();
        org.junit.jupiter.api.Assertions.assertFalse(line.contains("\n"), line);
        org.junit.jupiter.api.Assertions.assertTrue(line.startsWith("ofa: error: "), line);
        for (String f : fragments) {
            org.junit.jupiter.api.Assertions.assertTrue(line.contains(f), "'" + f + "' not in: " + line);
        }
    }

    JsonNode json() {
        try {
            return Json.parse(out, "stdout");
        } catch (OfaException e) {
            throw new AssertionError("not JSON: " + out + " / " + err, e);
        }
    }
}
