package dev.ofastudio.engine.project;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.latency.LutLatencyModel;
import dev.ofastudio.engine.latency.profile.FpgaProfile;
import dev.ofastudio.engine.latency.profile.ProfileLatencyModel;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.predict.AccuracyPredictors;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.LatencySources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A design project: the search space, the accuracy predictor file for that space, and the latency
 * sources a search starts with (lookup tables of the project, shipped board profiles).
 *
 * @param id a built-in id ({@code imagenet}) or the project folder
 * @param latencyTables OFA/CSV lookup tables (folders or files) of the project, in order
 * @param boards shipped board ids the project prices against (the studio checks them)
 * @param notice where the project's files come from and their licence; empty if none
 * @param profiles board profiles generated (or calibrated) for the project's space; each prices
 *                 its board in place of the DPU model of the shipped board
 * @param supernet the project's supernet weights (a checkpoint or an fp16 file), or null
 * @param referenceNets which published networks the studio compares against
 */
public record Project(String id, String name, SearchSpace space, Path predictor, List<Path> latencyTables,
        List<String> boards, String notice, List<Path> profiles, Path supernet, ReferenceNets referenceNets) {
    /** The published reference networks a project compares against. */
    public enum ReferenceNets {
        /** The ImageNet networks (MobileNetV2 72.0 % and the rest): only meaningful on ImageNet. */
        IMAGENET("imagenet"),
        /** None: the project's accuracies are not comparable to any published figure. */
        NONE("none");

        private final String id;

        ReferenceNets(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The value for {@code id}, or null if none matches. */
        public static ReferenceNets byId(String id) {
            for (ReferenceNets r : values()) {
                if (r.id.equals(id)) {
                    return r;
                }
            }
            return null;
        }

        /** ImageNet for an ImageNet-shaped space (3 channels, 1000 classes), none otherwise. */
        public static ReferenceNets defaultFor(SearchSpace space) {
            return space.inputChannels() == 3 && space.numClasses() == 1000 ? IMAGENET : NONE;
        }
    }

    public Project {
        latencyTables = List.copyOf(latencyTables);
        boards = List.copyOf(boards);
        profiles = List.copyOf(profiles);
    }

    /** The project's supernet weights, if it ships them. */
    public Optional<Path> supernetFile() {
        return Optional.ofNullable(supernet);
    }

    /** Whether the ImageNet reference networks mean anything next to this project's accuracies. */
    public boolean comparesToImageNet() {
        return referenceNets == ReferenceNets.IMAGENET;
    }

    /**
     * The latency table a search uses when none is named: the project's first lookup table, else
     * its first board; null if the project has neither.
     */
    public LatencyModel loadDefaultLatency() throws OfaException {
        if (!latencyTables.isEmpty()) {
            return LutLatencyModel.load(latencyTables.get(0));
        }
        if (!boards.isEmpty()) {
            return board(boards.get(0)).model();
        }
        return null;
    }

    /** Each of the project's boards, in order, priced as {@link #board(String)} does. */
    public List<LatencySource> boardSources() throws OfaException {
        List<LatencySource> out = new ArrayList<>();
        for (String b : boards) {
            out.add(board(b));
        }
        return out;
    }

    /**
     * Board {@code boardId} for this project's space: the project's own profile of that board if it
     * ships one, else the shipped board (the DPU model, which prices any MobileNetV3 space).
     */
    public LatencySource board(String boardId) throws OfaException {
        String id = boardId.toLowerCase(Locale.ROOT);
        for (int i = 0; i < profiles.size(); i++) {
            LatencySource s = LatencySources.open(profiles.get(i));
            if (!(s.model() instanceof ProfileLatencyModel m)) {
                throw new OfaException(this.id + ": " + ProjectFile.NAME + ": field profiles[" + i + "]: expected a "
                        + "board profile (" + FpgaProfile.FORMAT + "), found " + profiles.get(i).getFileName());
            }
            if (m.board().id().equalsIgnoreCase(id)) {
                return s;
            }
        }
        return LatencySources.shipped(id);
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
