package dev.ofastudio.app.heatmap;

import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.latency.dpu.NetworkAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the checked latency sources into heatmap columns. A shipped board uses the analyzer the
 * studio was given for that board id (the analytic DPU model); any other source whose latency
 * model can report per-layer DPU figures (a JSON board profile or board spec) gets a column of its
 * own, headed by its file name. Sources that only give latencies (an OFA YAML folder, a CSV
 * table) have no per-layer report to colour, so they are left out and named in {@link #note()}.
 *
 * @param analyzers one per column, in the order of the sources
 * @param leftOut   labels of the sources without a column
 */
public record SourceBoards(List<BoardAnalyzer> analyzers, List<String> leftOut) {
    public SourceBoards {
        analyzers = List.copyOf(analyzers);
        leftOut = List.copyOf(leftOut);
    }

    /** Columns for {@code sources} (the checked ones, in panel order); {@code shipped} by board id. */
    public static SourceBoards of(List<LatencySource> sources, List<BoardAnalyzer> shipped) {
        List<BoardAnalyzer> columns = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (LatencySource s : sources) {
            BoardAnalyzer a = s.kind() == LatencySource.Kind.SHIPPED ? byId(shipped, s.id()) : null;
            if (a == null && s.model() instanceof NetworkAnalyzer analyzer) {
                a = BoardAnalyzer.named(uniqueId(header(s), used), analyzer);
            }
            if (a == null || !used.add(a.boardId())) {
                if (a == null) {
                    leftOut.add(s.label());
                }
                continue;
            }
            columns.add(a);
        }
        return new SourceBoards(columns, leftOut);
    }

    /** One line for the heatmap: what has no column and why; empty when every source has one. */
    public String note() {
        if (analyzers.isEmpty() && leftOut.isEmpty()) {
            return "No latency source is checked in the inputs panel, so there is no board column.";
        }
        if (leftOut.isEmpty()) {
            return "";
        }
        return "No column for " + String.join(", ", leftOut)
                + ": lookup tables give latencies only, not per-layer DPU reports.";
    }

    private static BoardAnalyzer byId(List<BoardAnalyzer> shipped, String id) {
        return shipped.stream().filter(a -> a.boardId().equalsIgnoreCase(id)).findFirst().orElse(null);
    }

    /** The file name without its extension ({@code myboard.json} → {@code myboard}); else the label. */
    private static String header(LatencySource s) {
        if (s.file() == null || s.file().getFileName() == null) {
            return s.label();
        }
        String name = s.file().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String uniqueId(String base, Set<String> used) {
        String id = base;
        for (int n = 2; used.contains(id); n++) {
            id = base + " (" + n + ")";
        }
        return id;
    }
}
