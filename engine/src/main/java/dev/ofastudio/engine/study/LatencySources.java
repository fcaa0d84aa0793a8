package dev.ofastudio.engine.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.latency.LutLatencyModel;
import dev.ofastudio.engine.latency.dpu.BoardSpec;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.latency.profile.FpgaProfile;
import dev.ofastudio.engine.latency.profile.FpgaProfiles;
import dev.ofastudio.engine.latency.profile.ProfileLatencyModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one place that turns a board id or a file into a {@link LatencySource}: the CLI's
 * {@code --board}, the studio's inputs panel and its heatmap all go through here, so a board gives
 * the same figures everywhere. A shipped board is the analytic DPU model of its board spec (the
 * committed profiles are that model tabulated; load one as a file to use the table itself).
 */
public final class LatencySources {
    private LatencySources() {
    }

    /** A shipped board by id ({@code zcu102}, {@code zcu104}, {@code kv260}). */
    public static LatencySource shipped(String boardId) throws OfaException {
        String id = boardId.toLowerCase(Locale.ROOT);
        return new LatencySource(id, id.toUpperCase(Locale.ROOT), LatencySource.Kind.SHIPPED, null,
                new DpuLatencyModel(BoardSpecs.load(id)));
    }

    /** Every shipped board, in {@link BoardSpecs#SHIPPED} order. */
    public static List<LatencySource> shipped() throws OfaException {
        List<LatencySource> out = new ArrayList<>();
        for (String id : BoardSpecs.SHIPPED) {
            out.add(shipped(id));
        }
        return out;
    }

    /**
     * A file: a JSON board profile ({@code ofa-studio-fpga-profile}) or board spec
     * ({@code ofa-studio-board}, priced by the DPU model), a folder of OFA
     * {@code <r>_lookup_table.yaml} files, or a CSV table.
     */
    public static LatencySource open(Path fileOrFolder) throws OfaException {
        Path p = fileOrFolder.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new OfaException(p + ": not found (expected a JSON board profile, a CSV table or a folder of "
                    + "OFA <r>_lookup_table.yaml files)");
        }
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isDirectory(p) && name.endsWith(".json")) {
            JsonNode json = Json.read(p);
            String format = json.path("format").asText("");
            if (FpgaProfile.FORMAT.equals(format)) {
                FpgaProfile profile = FpgaProfiles.fromJson(json, p.toString());
                return new LatencySource(p.toString(), profile.board().id().toUpperCase(Locale.ROOT) + " ("
                        + p.getFileName() + ")", LatencySource.Kind.FILE, p,
                        new ProfileLatencyModel(profile, p.getFileName().toString()));
            }
            if (BoardSpecs.FORMAT.equals(format)) {
                BoardSpec spec = BoardSpecs.fromJson(json, p.toString());
                return new LatencySource(p.toString(), spec.id().toUpperCase(Locale.ROOT) + " model ("
                        + p.getFileName() + ")", LatencySource.Kind.FILE, p, new DpuLatencyModel(spec));
            }
            throw OfaException.inFile(p, "format", "\"" + FpgaProfile.FORMAT + "\" (a board profile) or \""
                    + BoardSpecs.FORMAT + "\" (a board spec for the DPU model)", format.isEmpty() ? "nothing"
                    : "\"" + format + "\"");
        }
        LutLatencyModel lut = LutLatencyModel.load(p);
        return new LatencySource(p.toString(), "LUT " + p.getFileName(), LatencySource.Kind.FILE, p, lut);
    }
    /**
     * The shipped board a loaded source merely repeats: a board profile file equal, entry for
     * entry, to the shipped profile of its board (either OFA space), such as
     * {@code fpga-profiles/zcu102.json} opened by hand. The shipped board already prices every net
     * that table holds, with the same figures, so a study should not list it twice. Empty for
     * anything else.
     */
    public static java.util.Optional<String> shippedTwin(LatencySource s) {
        if (s.kind() != LatencySource.Kind.FILE || !(s.model() instanceof ProfileLatencyModel m)) {
            return java.util.Optional.empty();
        }
        String board = m.profile().board().id().toLowerCase(Locale.ROOT);
        if (!BoardSpecs.SHIPPED.contains(board)) {
            return java.util.Optional.empty();
        }
        for (dev.ofastudio.engine.space.mbv3.SpaceVariant v : dev.ofastudio.engine.space.mbv3.SpaceVariant.values()) {
            try {
                if (FpgaProfiles.shipped(board, v).equals(m.profile())) {
                    return java.util.Optional.of(board);
                }
            } catch (OfaException e) {
                // no shipped profile of this variant: not a twin of it
            }
        }
        return java.util.Optional.empty();
    }
}
