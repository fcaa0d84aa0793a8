package dev.ofastudio.engine.study;

import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.latency.dpu.NetworkAnalyzer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One latency source a study can search for: a shipped board or a file (JSON board profile or
 * board spec, OFA YAML folder, CSV table).
 *
 * @param id     stable id: the board id for shipped boards, the absolute path for files
 * @param label  what legends and tables show
 * @param kind   where it came from (a workspace reopens it the same way)
 * @param file   the file or folder it was loaded from, null for shipped boards
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

    /**
     * The per-layer DPU report this source can give (board profiles, board specs, shipped boards);
     * empty for lookup tables, which give latencies only.
     */
    public Optional<NetworkAnalyzer> analyzer() {
        return model instanceof NetworkAnalyzer a ? Optional.of(a) : Optional.empty();
    }
}
