package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.dpu.BoardSpec;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.latency.dpu.NetworkAnalyzer;
import dev.ofastudio.engine.latency.profile.FpgaProfiles;
import dev.ofastudio.engine.latency.profile.ProfileLatencyModel;
import dev.ofastudio.engine.study.LatencySources;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Picks the DPU target: a shipped board, a user's board spec, or a profile file. */
final class BoardOptions {
    @Option(names = "--board", description = "Shipped board: zcu102, zcu104 or kv260.")
    String board;

    @Option(names = "--board-spec", paramLabel = "FILE", description = "Your own board spec (JSON, see fpga-profiles/README.md).")
    Path boardSpec;

    @Option(names = "--profile", paramLabel = "FILE", description = "A board latency profile (JSON) used as the lookup table.")
    Path profile;

    @Option(names = "--isa", description = "Override the DPU instruction-set generation: 0 (Vitis AI <= 2.0) or 1.")
    Integer isa;

    boolean given() {
        return board != null || boardSpec != null || profile != null;
    }

    /** The analytic board (from --board or --board-spec; zcu102 when neither is given). */
    BoardSpec boardSpec() throws OfaException {
        if (board != null && boardSpec != null) {
            throw new OfaException("options --board and --board-spec: give one, not both");
        }
        BoardSpec b = boardSpec != null ? BoardSpecs.read(boardSpec) : BoardSpecs.load(board == null ? "zcu102" : board);
        if (isa != null) {
            if (isa != 0 && isa != 1) {
                throw new OfaException("option --isa: expected 0 or 1, found " + isa);
            }
            b = b.withIsa(isa);
        }
        return b;
    }

    /** The analyzer: the profile if --profile is given, otherwise the analytic model of the board. */
    NetworkAnalyzer analyzer() throws OfaException {
        if (profile != null) {
            if (board != null || boardSpec != null || isa != null) {
                throw new OfaException("option --profile: the profile carries its board; drop --board/--board-spec/--isa");
            }
            return new ProfileLatencyModel(FpgaProfiles.read(profile), profile.toString());
        }
        if (boardSpec == null && isa == null) {
            // A shipped board is the same source the studio uses, so both print the same figures.
            String id = board == null ? "zcu102" : board;
            return LatencySources.shipped(id).analyzer().orElseThrow(
                    () -> new OfaException("board " + id + ": its latency source gives no per-layer report"));
        }
        return new DpuLatencyModel(boardSpec());
    }

    /** Where the figures come from, for JSON output. */
    String sourceName() {
        if (profile != null) {
            return "profile " + profile;
        }
        return boardSpec != null ? "analytic model, board spec " + boardSpec : "analytic model";
    }
}
