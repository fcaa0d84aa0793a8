package dev.ofastudio.app.training;

import dev.ofastudio.engine.OfaException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Reads accuracy dataset files on a background thread and hands each result to the UI thread;
 * a read overtaken by a newer one is dropped, so the view shows the file chosen last.
 */
final class DatasetFileReader {
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "studio-dataset-reader");
        t.setDaemon(true);
        return t;
    });
    private final Executor ui;
    /** UI thread only. */
    private int generation;

    DatasetFileReader(Executor ui) {
        this.ui = ui;
    }

    /** UI thread: reads {@code file}; {@code read} or {@code unreadable} runs on the UI thread unless overtaken. */
    void read(Path file, Consumer<DatasetFile> read, Consumer<String> unreadable) {
        int g = ++generation;
        reader.execute(() -> {
            Runnable answer;
            try {
                DatasetFile f = DatasetFile.read(file);
                answer = () -> read.accept(f);
            } catch (OfaException e) {
                answer = () -> unreadable.accept(e.getMessage());
            }
            Runnable a = answer;
            ui.execute(() -> {
                if (g == generation) {
                    a.run();
                }
            });
        });
    }

    /** UI thread: drops the answers of reads still under way. */
    void forget() {
        generation++;
    }
}
