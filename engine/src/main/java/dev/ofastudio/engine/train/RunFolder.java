package dev.ofastudio.engine.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.io.WriterLock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The folder of one training run, kept outside the checkout (e.g. {@code ~/ofa-runs/fmnist}). A
 * marker file says the folder is ours, so a run never writes into a folder it did not make.
 *
 * <pre>
 *   .ofa-run          marker
 *   run.json          preset, data, space, schedule (rewritten at each start; first start time kept)
 *   checkpoint.ofa    weights + optimizer + trainer state, replaced atomically every N steps
 *   teacher.ofa       the full network after the teacher phase (distillation target)
 *   metrics.jsonl     one JSON object per line: steps and evaluations (the studio plots it)
 *   report.json       per-phase max/min/random sub-network accuracy, final test figures
 *   supernet.ofa      the trained supernet (our format); supernet.pth (OFA state dict)
 * </pre>
 */
public final class RunFolder implements AutoCloseable {
    static final String MARKER = ".ofa-run";
    private final Path dir;
    /** The marker, locked while a run writes here (null when opened for reading). */
    private final FileChannel lock;

    private RunFolder(Path dir, FileChannel lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /**
     * Opens {@code dir} for a run. A new or empty folder is made ours; a folder of an earlier run
     * is taken only with {@code resume}; any other non-empty folder is refused.
     */
    public static RunFolder open(Path dir, boolean resume) throws OfaException {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new OfaException(dir + ": run folder: expected a folder, found a file");
            }
            boolean ours = Files.isRegularFile(dir.resolve(MARKER));
            if (Files.isDirectory(dir) && !ours && !isEmpty(dir)) {
                throw new OfaException(dir + ": run folder: expected an empty folder or an earlier run's folder, "
                        + "found other files (nothing was changed)");
            }
            if (ours && !resume && Files.exists(dir.resolve("checkpoint.ofa"))) {
                throw new OfaException(dir + ": run folder: holds a run already; add --resume to continue it, "
                        + "or choose another --out");
            }
            Files.createDirectories(dir);
            if (!ours) {
                AtomicFiles.writeString(dir.resolve(MARKER), "OFA Studio training run\n");
            }
            FileChannel lock = lock(dir);
            if (ours) {
                // Safe only now: no other run is writing these temporaries.
                removeStaleTemporaries(dir);
            }
            return new RunFolder(dir, lock);
        } catch (IOException e) {
            throw new OfaException(dir + ": run folder: cannot create: " + e.getMessage());
        }
    }

    /** An existing run folder, for reading (the studio, dataset builds). */
    public static RunFolder existing(Path dir) throws OfaException {
        if (!Files.isRegularFile(dir.resolve(MARKER))) {
            throw new OfaException(dir + ": run folder: expected an OFA Studio training run (no " + MARKER + ")");
        }
        return new RunFolder(dir, null);
    }

    /**
     * Locks the marker for this process: two runs on one folder (the CLI and the studio, or two
     * studios) would overwrite each other's checkpoints.
     */
    private static FileChannel lock(Path dir) throws IOException, OfaException {
        return WriterLock.open(dir.resolve(MARKER), dir + ": run folder: another run is training in it (nothing "
                + "was changed); let it finish or pause it first");
    }

    /** Releases the folder for another run (reading needs no lock). */
    @Override
    public void close() throws OfaException {
        if (lock != null && lock.isOpen()) {
            try {
                lock.close();
            } catch (IOException e) {
                throw new OfaException(dir + ": run folder: cannot release: " + e.getMessage());
            }
        }
    }

    /**
     * Deletes the temporaries of atomic writes that a kill interrupted ({@code .NAME*.tmp} of the
     * files a run writes); the run folder is ours, and these files never became anything.
     */
    private static void removeStaleTemporaries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(".tmp") && Files.isRegularFile(f)
                        && Stream.of("checkpoint.ofa", "teacher.ofa", "report.json", "run.json", "supernet.ofa",
                                "supernet.pth").anyMatch(ours -> n.startsWith("." + ours))) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    public Path dir() {
        return dir;
    }

    public Path checkpoint() {
        return dir.resolve("checkpoint.ofa");
    }

    public Path teacher() {
        return dir.resolve("teacher.ofa");
    }

    public Path metrics() {
        return dir.resolve("metrics.jsonl");
    }

    public Path report() {
        return dir.resolve("report.json");
    }

    public Path runInfo() {
        return dir.resolve("run.json");
    }

    public Path supernet() {
        return dir.resolve("supernet.ofa");
    }

    public Path supernetPth() {
        return dir.resolve("supernet.pth");
    }

    /** Appends one JSON line; a kill can cut only the last line, which readers skip. */
    public void appendMetric(JsonNode line) throws OfaException {
        byte[] bytes = (line.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(metrics(), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new OfaException(metrics() + ": cannot append: " + e.getMessage());
        }
    }

    public void writeJson(Path file, JsonNode node) throws OfaException {
        AtomicFiles.writeString(file, node.toPrettyString() + "\n");
    }
}
