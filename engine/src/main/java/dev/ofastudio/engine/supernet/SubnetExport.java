package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
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
import java.util.stream.Stream;

/**
 * An extracted sub-network on disk: a directory with {@code net.config} (OFA's JSON, so PyTorch
 * users rebuild it with {@code MobileNetV3.build_from_config}), {@code config.json} (the
 * {ks, e, d, r} it came from) and {@code model.ofa} (weights under OFA's static state-dict names,
 * in {@link CheckpointFile} format). The directory is assembled beside the target and moved into
 * place, so it is never seen half-written.
 */
public final class SubnetExport {
    public static final String NET_CONFIG = "net.config";
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "model.ofa";

    private SubnetExport() {
    }

    public static void write(StaticMobileNetV3 net, SubnetConfig config, Path dir) throws OfaException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path tmp = null;
        Path old = null;
        try {
            Files.createDirectories(parent);
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw new OfaException(dir + ": exists and is not a directory");
            }
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
            ObjectNode netConfig = NetConfigJson.toJson(net.spec());
            Json.write(tmp.resolve(NET_CONFIG), netConfig);
            Json.write(tmp.resolve(CONFIG), SubnetConfigJson.toJson(config));
            ObjectNode header = Json.MAPPER.createObjectNode();
            header.put("kind", "subnet");
            header.set("net_config", netConfig);
            header.set("config", SubnetConfigJson.toJson(config));
            CheckpointFile.write(tmp.resolve(WEIGHTS), header,
                    SupernetFiles.tensors(net.stateDict(), net.allBatchNorms()));
            readableByAll(tmp);
            if (Files.exists(target)) {
                old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old.");
                Files.delete(old);
                move(target, old);
            }
            move(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new OfaException(dir + ": cannot write the extracted model (" + e.getMessage() + ")", e);
        } finally {
            deleteQuietly(tmp);
            deleteQuietly(old);
        }
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
