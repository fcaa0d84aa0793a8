package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SubnetConfig;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An extracted sub-network on disk: a directory with {@code net.config} (OFA's JSON, so PyTorch
 * users rebuild it with {@code MobileNetV3.build_from_config}), {@code config.json} (the
 * {ks, e, d, r} it came from), {@code model.ofa} (weights under OFA's static state-dict names,
 * in {@link CheckpointFile} format) and the {@link #MARKER} file that says we wrote it.
 *
 * <p>A new directory is assembled beside the target and moved into place, so it is never seen
 * half-written. An existing directory is only written into when it is empty, holds our marker
 * (an earlier extract) or {@code force} is given; then only our own files are replaced, each
 * atomically, and nothing else in it is touched.
 */
public final class SubnetExport {
    public static final String NET_CONFIG = "net.config";
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "model.ofa";
    /** Written last into every extract directory; its presence makes the directory ours to update. */
    public static final String MARKER = ".ofa-extract";
    private static final List<String> OUR_FILES = List.of(NET_CONFIG, CONFIG, WEIGHTS, MARKER);

    private SubnetExport() {
    }

    public static void write(StaticMobileNetV3 net, SubnetConfig config, Path dir) throws OfaException {
        write(net, config, dir, false);
    }

    /** @param force write into an existing non-empty directory that holds no marker (keeping its files) */
    public static void write(StaticMobileNetV3 net, SubnetConfig config, Path dir, boolean force)
            throws OfaException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new OfaException(dir + ": expected a directory to create or update, not the file system root");
        }
        Path tmp = null;
        try {
            if (Files.exists(target)) {
                requireOurs(dir, target, force);
                writeFiles(net, config, target);
                return;
            }
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
            writeFiles(net, config, tmp);
            readableByAll(tmp);
            move(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new OfaException(dir + ": cannot write the extracted model (" + e.getMessage() + ")", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Refuses a file, or a non-empty directory without our marker unless forced. */
    private static void requireOurs(Path dir, Path target, boolean force) throws OfaException, IOException {
        if (!Files.isDirectory(target)) {
            throw new OfaException(dir + ": exists and is not a directory");
        }
        if (force || Files.exists(target.resolve(MARKER))) {
            return;
        }
        List<String> foreign;
        try (Stream<Path> s = Files.list(target)) {
            foreign = s.map(p -> p.getFileName().toString()).sorted().limit(4).toList();
        }
        if (!foreign.isEmpty()) {
            throw new OfaException(dir + ": folder is not empty and was not written by 'ofa extract' (holds "
                    + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                    + (foreign.size() > 3 ? ", …" : "") + "); choose a new or empty folder, or add --force to "
                    + "write our files into it (other files are kept)");
        }
    }

    /** Our files, each atomically; the marker last, so it only ever marks a complete extract. */
    private static void writeFiles(StaticMobileNetV3 net, SubnetConfig config, Path into) throws OfaException {
        ObjectNode netConfig = NetConfigJson.toJson(net.spec());
        Json.write(into.resolve(NET_CONFIG), netConfig);
        Json.write(into.resolve(CONFIG), SubnetConfigJson.toJson(config));
        ObjectNode header = Json.MAPPER.createObjectNode();
        header.put("kind", "subnet");
        header.set("net_config", netConfig);
        header.set("config", SubnetConfigJson.toJson(config));
        CheckpointFile.write(into.resolve(WEIGHTS), header,
                SupernetFiles.tensors(net.stateDict(), net.allBatchNorms()));
        AtomicFiles.writeString(into.resolve(MARKER), "Written by 'ofa extract'; it replaces only "
                + String.join(", ", OUR_FILES) + " in this folder.\n");
    }

    /** Temp directories and files are created owner-only; an export is an ordinary output. */
    private static void readableByAll(Path dir) throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return;
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // leftovers of a temp directory are harmless
        }
    }

    /** Reads an exported directory back into a static network owned by {@code manager}. */
    public static StaticMobileNetV3 read(Path dir, NDManager manager) throws OfaException {
        Path cfgFile = dir.resolve(NET_CONFIG);
        if (!Files.isRegularFile(cfgFile)) {
            throw new OfaException(dir + ": no " + NET_CONFIG + " (expected a directory written by 'ofa extract')");
        }
        JsonNode netConfig = Json.read(cfgFile);
        NetSpec spec = NetConfigJson.fromJson(netConfig, cfgFile.toString());
        StaticMobileNetV3 net = new StaticMobileNetV3(spec);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
        CheckpointFile.Content weights = CheckpointFile.read(dir.resolve(WEIGHTS));
        WeightLoader.load(net.stateDict(), net.allBatchNorms(), weights.tensors(), dir.resolve(WEIGHTS).toString());
        return net;
    }
}
