package dev.ofastudio.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.JsonFields;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SearchSpaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a project folder's {@code project.json}:
 * <pre>{@code
 * {"format": "ofa-studio-project", "version": 1, "name": "...",
 *  "space": {"kind": "ofa_mbv3", "width_mult": 1.2, "num_classes": 1000},
 *  "predictor": "acc_predictor.pth", "latency_tables": ["note10_lut"],
 *  "boards": ["zcu102", "zcu104", "kv260"], "notice": "...",
 *  "profiles": ["zcu102-profile.json"], "supernet": "supernet-fp16.ofa", "reference_nets": "none"}
 * }</pre>
 * {@code profiles}, {@code supernet} and {@code reference_nets} are optional: board profiles made
 * for the project's space ({@code ofa profile generate --project}), the supernet weights for
 * export, and whether the ImageNet reference networks apply (default: only to a 3-channel,
 * 1000-class space).
 * The space is in {@link SearchSpaces}' form (missing parameters take the reference values). File
 * names are relative to the folder and must stay inside it; every named file must exist.
 */
public final class ProjectFile {
    public static final String FORMAT = "ofa-studio-project";
    public static final int VERSION = 1;
    public static final String NAME = "project.json";

    private ProjectFile() {
    }

    /** The project in {@code dir}, identified as {@code id}. */
    public static Project read(Path dir, String id) throws OfaException {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new OfaException(dir + ": not a project folder (expected a " + NAME + " with format \""
                    + FORMAT + "\")");
        }
        JsonNode root = Json.read(file);
        String src = file.toString();
        if (!root.isObject()) {
            throw OfaException.inFile(file, null, "a JSON object", root.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw OfaException.inFile(file, "field format", "\"" + FORMAT + "\"", format.isEmpty() ? "nothing"
                    : "\"" + format + "\"");
        }
        JsonFields.integer(root, "version", "", src, VERSION, VERSION);
        String name = JsonFields.text(root, "name", "", src);
        SearchSpace space = SearchSpaces.fromJson(JsonFields.object(root, "space", "", src), src);
        Path predictor = inside(dir, JsonFields.text(root, "predictor", "", src), "predictor", file);
        List<Path> tables = new ArrayList<>();
        int i = 0;
        for (JsonNode t : array(root, "latency_tables", file)) {
            String field = "latency_tables[" + i++ + "]";
            if (!t.isTextual()) {
                throw OfaException.inFile(file, "field " + field, "a file or folder name", t);
            }
            tables.add(inside(dir, t.asText(), field, file));
        }
        List<String> boards = new ArrayList<>();
        i = 0;
        for (JsonNode b : array(root, "boards", file)) {
            String field = "boards[" + i++ + "]";
            if (!b.isTextual() || !BoardSpecs.SHIPPED.contains(b.asText())) {
                throw OfaException.inFile(file, "field " + field, "one of " + BoardSpecs.SHIPPED, b);
            }
            boards.add(b.asText());
        }
        String notice = root.path("notice").asText("");
        List<Path> profiles = new ArrayList<>();
        i = 0;
        for (JsonNode t : array(root, "profiles", file)) {
            String field = "profiles[" + i++ + "]";
            if (!t.isTextual()) {
                throw OfaException.inFile(file, "field " + field, "a board profile file name", t);
            }
            profiles.add(inside(dir, t.asText(), field, file));
        }
        JsonNode sn = root.get("supernet");
        Path supernet = null;
        if (sn != null && !sn.isNull()) {
            if (!sn.isTextual()) {
                throw OfaException.inFile(file, "field supernet", "a supernet file name", sn);
            }
            supernet = inside(dir, sn.asText(), "supernet", file);
        }
        return new Project(id, name, space, predictor, tables, boards, notice, profiles, supernet,
                referenceNets(root, space, file));
    }

    /** Field {@code reference_nets}: "imagenet" or "none"; absent, what the space's shape implies. */
    private static Project.ReferenceNets referenceNets(JsonNode root, SearchSpace space, Path file)
            throws OfaException {
        JsonNode n = root.get("reference_nets");
        if (n == null || n.isNull()) {
            return Project.ReferenceNets.defaultFor(space);
        }
        Project.ReferenceNets r = n.isTextual() ? Project.ReferenceNets.byId(n.asText()) : null;
        if (r == null) {
            throw OfaException.inFile(file, "field reference_nets", "\"imagenet\" or \"none\"", n);
        }
        return r;
    }

    private static Iterable<JsonNode> array(JsonNode root, String field, Path file) throws OfaException {
        JsonNode a = root.get(field);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw OfaException.inFile(file, "field " + field, "a list", a);
        }
        return a;
    }

    /** {@code name} inside {@code dir}; a project never reaches outside its folder. */
    private static Path inside(Path dir, String name, String field, Path file) throws OfaException {
        Path p = dir.resolve(name).normalize();
        if (name.isBlank() || !p.startsWith(dir.normalize()) || p.equals(dir.normalize())) {
            throw OfaException.inFile(file, "field " + field, "a file name inside the project folder",
                    "\"" + name + "\"");
        }
        if (!Files.exists(p)) {
            throw OfaException.inFile(file, "field " + field, "an existing file or folder", "\"" + name
                    + "\", which is missing");
        }
        return p;
    }
}
