package dev.ofastudio.app.inputs;

import dev.ofastudio.engine.latency.LatencyModel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One latency source the studio can search for: a shipped board profile or a file loaded from
 * disk (JSON profile, OFA YAML folder, CSV).
 *
 * @param id     stable id: the board id for shipped profiles, the absolute path for files
 * @param label  what the legend shows
 * @param kind   where it came from (a workspace reopens it the same way)
 * @param file   the file or folder it was loaded from, null for shipped profiles
 * @param model  the latency model itself
 */
public record LatencySource(String id, String label, Kind kind, Path file, LatencyModel model) {
    /** How a source is (re)loaded. */
    public enum Kind { SHIPPED, FILE }

    public LatencySource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
    }
}
