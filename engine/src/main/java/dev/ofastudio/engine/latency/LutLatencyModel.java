package dev.ofastudio.engine.latency;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Network latency from per-layer lookup tables (digest §4.1–4.2): the float64 sum, in network
 * order, of each layer's table {@code mean} under {@link Layer#lutKey()}, using the table of the
 * network's resolution. There is no fallback: a missing key or resolution is an error that names
 * it, the resolution and the file.
 *
 * <p>Sources ({@link #load(Path)}):
 * <ul>
 *   <li>a folder of OFA tables {@code <r>_lookup_table.yaml} and/or CSVs {@code <r>.csv};</li>
 *   <li>one OFA table {@code <r>_lookup_table.yaml};</li>
 *   <li>one CSV with columns {@code key,latency_ms} and either a {@code resolution} column or a
 *       name {@code <r>.csv}.</li>
 * </ul>
 */
public final class LutLatencyModel implements LatencyModel {
    private final String name;
    private final Path source;
    private final Map<Integer, LutTable> tables;

    public LutLatencyModel(String name, Path source, Map<Integer, LutTable> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a latency model needs at least one table");
        }
        this.name = name;
        this.source = source;
        this.tables = Map.copyOf(new TreeMap<>(tables));
    }

    /** Loads a folder of tables, one YAML table or one CSV (see the class comment). */
    public static LutLatencyModel load(Path dirOrFile) throws OfaException {
        if (Files.isDirectory(dirOrFile)) {
            return loadFolder(dirOrFile);
        }
        if (!Files.exists(dirOrFile)) {
            throw new OfaException(dirOrFile + ": latency table not found (expected a folder of "
                    + "<r>_lookup_table.yaml or <r>.csv files, or one such file)");
        }
        Map<Integer, LutTable> tables = new TreeMap<>();
        addFile(dirOrFile, tables, true);
        return new LutLatencyModel(displayName(dirOrFile), dirOrFile, tables);
    }

    private static LutLatencyModel loadFolder(Path dir) throws OfaException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> LutReader.isCsv(p) || LutReader.isYaml(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new OfaException(dir + ": cannot list folder (" + e.getMessage() + ")", e);
        }
        Map<Integer, LutTable> tables = new TreeMap<>();
        for (Path f : files) {
            addFile(f, tables, false);
        }
        if (tables.isEmpty()) {
            throw new OfaException(dir + ": expected latency tables named <r>_lookup_table.yaml or <r>.csv "
                    + "(e.g. 224_lookup_table.yaml), found none");
        }
        return new LutLatencyModel(displayName(dir), dir, tables);
    }

    private static void addFile(Path f, Map<Integer, LutTable> tables, boolean single) throws OfaException {
        int r = LutReader.resolutionFromName(f);
        Map<Integer, LutTable> read;
        if (LutReader.isYaml(f)) {
            if (r < 1) {
                if (!single) {
                    return; // other YAML in the folder (a README config, say) is not a table
                }
                throw new OfaException(f + ": expected a table named <r>_lookup_table.yaml (e.g. "
                        + "224_lookup_table.yaml) so that its resolution is known, found "
                        + f.getFileName());
            }
            read = Map.of(r, LutReader.readYaml(f, r));
        } else if (LutReader.isCsv(f)) {
            read = LutReader.readCsv(f, r);
        } else {
            throw new OfaException(f + ": expected a .yaml table or a .csv of measurements, found "
                    + f.getFileName());
        }
        for (LutTable t : read.values()) {
            LutTable previous = tables.put(t.resolution(), t);
            if (previous != null) {
                throw new OfaException(f + ": resolution " + t.resolution() + " is also given by "
                        + previous.source() + "; keep one table per resolution");
            }
        }
    }

    private static String displayName(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }

    @Override
    public List<LayerLatency> layers(NetworkDescription net) throws OfaException {
        LutTable table = table(net.resolution());
        List<LayerLatency> out = new ArrayList<>(net.layers().size());
        List<String> missing = new ArrayList<>();
        for (Layer layer : net.layers()) {
            String key = layer.lutKey();
            Double ms = table.means().get(key);
            if (ms == null) {
                missing.add(key);
            } else {
                out.add(new LayerLatency(layer.name(), key, ms));
            }
        }
        if (!missing.isEmpty()) {
            throw new OfaException(table.source() + ": resolution " + net.resolution() + ": "
                    + (missing.size() == 1 ? "no entry for key " + missing.get(0)
                            : missing.size() + " keys missing: " + String.join(", ", missing)));
        }
        return out;
    }

    /** Keys of {@code net} that the table of its resolution lacks (empty when it is covered). */
    public List<String> missingKeys(NetworkDescription net) throws OfaException {
        LutTable table = table(net.resolution());
        List<String> missing = new ArrayList<>();
        for (Layer layer : net.layers()) {
            if (!table.means().containsKey(layer.lutKey())) {
                missing.add(layer.lutKey());
            }
        }
        return missing;
    }

    /** The table of {@code resolution}; the error names the resolutions that exist. */
    public LutTable table(int resolution) throws OfaException {
        LutTable t = tables.get(resolution);
        if (t == null) {
            throw new OfaException(source + ": no latency table for resolution " + resolution
                    + "; available resolutions: " + resolutions());
        }
        return t;
    }

    @Override
    public List<Integer> resolutions() {
        return List.copyOf(new TreeMap<>(tables).keySet());
    }

    @Override
    public String name() {
        return name;
    }

    /** The folder or file the tables came from. */
    public Path source() {
        return source;
    }
}
