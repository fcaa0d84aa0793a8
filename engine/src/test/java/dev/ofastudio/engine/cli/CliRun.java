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

    JsonNode json() {
        try {
            return Json.parse(out, "stdout");
        } catch (OfaException e) {
            throw new AssertionError("not JSON: " + out + " / " + err, e);
        }
    }
}
