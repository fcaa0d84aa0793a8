package dev.ofastudio.app.training;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A print stream that hands each complete, non-blank line to a consumer (the engine's log, shown as status). */
final class LogLines extends OutputStream {
    private static final int MAX_LINE = 4096;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Consumer<String> sink;

    private LogLines(Consumer<String> sink) {
        this.sink = sink;
    }

    static PrintStream to(Consumer<String> sink) {
        return new PrintStream(new LogLines(sink), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            String s = line.toString(StandardCharsets.UTF_8).strip();
            line.reset();
            if (!s.isEmpty()) {
                sink.accept(s);
            }
        } else if (line.size() < MAX_LINE) {
            line.write(b);
        }
    }
}
