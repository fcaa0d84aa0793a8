package dev.ofastudio.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SearchSpaces;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved studio session as one JSON file: the open project, inputs (space, predictor path,
 * latency sources), sweep settings, budget, every evaluated sub-network and the selection.
 * Versioned: a newer version than this build reads is rejected with a clear message.
 *
 * <p>The space is written whole ({@code space}, in {@link SearchSpaces}' form) and, for readers
 * of the first files, as {@code width_mult} too; a file with only {@code width_mult} reads as the
 * reference MobileNetV3 space of that width, as those files meant.
 */
public final class WorkspaceFile {
    public static final String FORMAT = "ofa-studio-workspace";
    public static final int VERSION = 1;

    private WorkspaceFile() {
    }

    /** Where a latency source came from, enough to load it again. */
    public record SourceRef(LatencySource.Kind kind, String id, String path, boolean enabled) {
    }

    /**
     * The whole session.
     *
     * @param space       the space the results belong to
     * @param project     the open project as the studio identifies it (a built-in id or a project
     *                    folder); null if none was open or the file predates projects
     * @param sweepBoards ids of the sources the results were computed on, in the table's board order
     */
    public record Workspace(SearchSpace space, String project, String predictorPath, List<SourceRef> sources,
            String chosenSource, int budgetCount, int cloudSize, long seed, double budgetMs, List<String> sweepBoards,
            ResultTable results, int selectedRow) {
        public Workspace {
            sources = List.copyOf(sources);
            sweepBoards = List.copyOf(sweepBoards);
        }
    }

    public static void write(Path file, Workspace w) throws OfaException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("width_mult", w.space().widthMult());
        root.set("space", SearchSpaces.toJson(w.space()));
        root.put("project", w.project());
        root.put("predictor", w.predictorPath());
        ArrayNode src = root.putArray("sources");
        for (SourceRef s : w.sources()) {
            ObjectNode n = src.addObject();
            n.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
            n.put("id", s.id());
            n.put("path", s.path());
            n.put("enabled", s.enabled());
        }
        root.put("chosen", w.chosenSource());
        ObjectNode sweep = root.putObject("sweep");
        sweep.put("budget_count", w.budgetCount());
        sweep.put("cloud_size", w.cloudSize());
        sweep.put("seed", w.seed());
        if (Double.isNaN(w.budgetMs())) {
            root.putNull("budget_ms");
        } else {
            root.put("budget_ms", w.budgetMs());
        }
        ArrayNode boards = root.putArray("result_boards");
        w.sweepBoards().forEach(boards::add);
        ArrayNode labels = root.putArray("result_labels");
        ResultTable t = w.results();
        t.boards().forEach(labels::add);
        ArrayNode rows = root.putArray("results");
        for (int i = 0; i < t.size(); i++) {
            ObjectNode r = rows.addObject();
            r.set("config", SubnetConfigJson.toJson(t.config(i)));
            r.put("top1", t.accuracy(i));
            ArrayNode lat = r.putArray("latency_ms");
            for (int b = 0; b < t.boards().size(); b++) {
                if (Double.isNaN(t.latency(b, i))) {
                    lat.addNull();
                } else {
                    lat.add(t.latency(b, i));
                }
            }
            r.put("macs", t.macs(i));
            r.put("params", t.params(i));
            r.put("origin", t.origin(i));
            if (!Double.isNaN(t.budget(i))) {
                r.put("budget_ms", t.budget(i));
            }
        }
        root.put("selected", w.selectedRow());
        try {
            byte[] bytes = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
            AtomicFiles.writeBytes(file, bytes);
        } catch (IOException e) {
            throw new OfaException(file + ": cannot serialise the workspace (" + e.getMessage() + ")", e);
        }
    }

    public static Workspace read(Path file) throws OfaException {
        JsonNode root = Json.read(file);
        String src = file.toString();
        if (!FORMAT.equals(root.path("format").asText())) {
            throw OfaException.inFile(file, "format", "\"" + FORMAT + "\"", root.path("format"));
        }
        int version = root.path("version").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new OfaException(file + ": workspace version " + version + ", this build reads up to " + VERSION);
        }
        SearchSpace space = root.has("space") ? SearchSpaces.fromJson(root.get("space"), src)
                : SearchSpace.mobileNetV3(number(root, "width_mult", file));
        String project = root.path("project").isTextual() ? root.get("project").asText() : null;
        List<SourceRef> sources = new ArrayList<>();
        for (JsonNode n : root.path("sources")) {
            LatencySource.Kind kind;
            try {
                kind = LatencySource.Kind.valueOf(n.path("kind").asText().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw OfaException.inFile(file, "sources[].kind", "\"shipped\" or \"file\"", n.path("kind"));
            }
            sources.add(new SourceRef(kind, n.path("id").asText(), n.path("path").isNull() ? null
                    : n.path("path").asText(null), n.path("enabled").asBoolean(true)));
        }
        List<String> sweepBoards = new ArrayList<>();
        root.path("result_boards").forEach(n -> sweepBoards.add(n.asText()));
        List<String> labels = new ArrayList<>();
        root.path("result_labels").forEach(n -> labels.add(n.asText()));
        if (labels.size() != sweepBoards.size()) {
            throw OfaException.inFile(file, "result_labels", sweepBoards.size() + " labels (one per result board)",
                    labels.size());
        }
        ResultTable.Builder b = new ResultTable.Builder(labels);
        int i = 0;
        for (JsonNode r : root.path("results")) {
            String where = "results[" + i + "]";
            var config = SubnetConfigJson.fromJson(r.get("config"), src + ": " + where + ".config");
            JsonNode lat = r.path("latency_ms");
            if (!lat.isArray() || lat.size() != labels.size()) {
                throw OfaException.inFile(file, where + ".latency_ms", labels.size() + " numbers", lat);
            }
            double[] l = new double[labels.size()];
            for (int k = 0; k < l.length; k++) {
                // NaN (a board that does not cover the row's resolution) is written as null.
                l[k] = lat.get(k).isNumber() ? lat.get(k).asDouble() : Double.NaN;
            }
            b.add(config, number(r, "top1", file), r.path("macs").asLong(), r.path("params").asLong(), l, r.path("origin").asInt(ResultTable.CLOUD),
                    r.has("budget_ms") ? r.get("budget_ms").asDouble() : Double.NaN);
            i++;
        }
        JsonNode sweep = root.path("sweep");
        String predictor = root.path("predictor").isNull() ? null : root.path("predictor").asText(null);
        return new Workspace(space, project, predictor, sources, root.path("chosen").asText(null),
                sweep.path("budget_count").asInt(8), sweep.path("cloud_size").asInt(10_000),
                sweep.path("seed").asLong(1), root.path("budget_ms").isNumber() ? root.get("budget_ms").asDouble()
                : Double.NaN, sweepBoards, b.build(), root.path("selected").asInt(-1));
    }

    private static double number(JsonNode n, String field, Path file) throws OfaException {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw OfaException.inFile(file, field, "a number", v == null ? "nothing" : v);
        }
        return v.asDouble();
    }
}
