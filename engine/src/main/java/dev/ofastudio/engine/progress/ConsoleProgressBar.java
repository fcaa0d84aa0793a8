package dev.ofastudio.engine.progress;

import java.io.PrintStream;

/**
 * A one-line text progress bar on a stream (stderr in the CLI, so JSON on stdout stays clean).
 * Redraws at most every 100 ms; when the stream is not a terminal it prints nothing until done.
 */
public final class ConsoleProgressBar implements ProgressListener, AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean interactive;
    private long lastDraw;
    private boolean drawn;

    public ConsoleProgressBar(PrintStream out) {
        this(out, System.console() != null);
    }

    public ConsoleProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double f = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + String.format("%3d%%", Math.round(f * 100)) + " " + message + "\u001b[K");
        out.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }
}
