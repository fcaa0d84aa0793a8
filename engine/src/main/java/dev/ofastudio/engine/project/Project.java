package dev.ofastudio.engine.project;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.latency.LutLatencyModel;
import dev.ofastudio.engine.latency.profile.FpgaProfiles;
import dev.ofastudio.engine.latency.profile.ProfileLatencyModel;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.predict.AccuracyPredictors;
import dev.ofastudio.engine.space.SearchSpace;
import java.nio.file.Path;
import java.util.List;

/**
 * A design project: the search space, the accuracy predictor file for that space, and the latency
 * sources a search starts with (lookup tables of the project, shipped board profiles).
 *
 * @param id a built-in id ({@code imagenet}) or the project folder
 * @param latencyTables OFA/CSV lookup tables (folders or files) of the project, in order
 * @param boards shipped board ids the project prices against (the studio checks them)
 * @param notice where the project's files come from and their licence; empty if none
 */
public record Project(String id, String name, SearchSpace space, Path predictor, List<Path> latencyTables,
        List<String> boards, String notice) {
    public Project {
        latencyTables = List.copyOf(latencyTables);
        boards = List.copyOf(boards);
    }

    /**
     * The latency table a search uses when none is named: the project's first lookup table, else
     * its first board's profile; null if the project has neither.
     */
    public LatencyModel loadDefaultLatency() throws OfaException {
        if (!latencyTables.isEmpty()) {
            return LutLatencyModel.load(latencyTables.get(0));
        }
        if (!boards.isEmpty()) {
            return new ProfileLatencyModel(FpgaProfiles.shipped(boards.get(0)), boards.get(0));
        }
        return null;
    }

    /** The project's predictor, read by {@link AccuracyPredictors} and checked to fit the project's space. */
    public AccuracyPredictor loadPredictor() throws OfaException {
        return AccuracyPredictors.load(predictor, space);
    }

    @Override
    public String toString() {
        return name;
    }
}
