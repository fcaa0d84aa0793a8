package dev.ofastudio.engine.predict;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way to open an accuracy-predictor file: the studio's own format ({@link PredictorFile},
 * recognised by its checkpoint magic) or the official OFA {@code acc_predictor.pth} (anything
 * else). Every caller (search, predict, sweep, claim, projects, the studio) goes through here.
 */
public final class AccuracyPredictors {
    private AccuracyPredictors() {
    }

    /** Reads {@code file}, dispatching on its content. */
    public static AccuracyPredictor load(Path file) throws OfaException {
        if (!Files.exists(file)) {
            throw new OfaException(file + ": file not found (expected an accuracy predictor: "
                    + PredictorFile.FORMAT + " or OFA acc_predictor.pth)");
        }
        if (!Files.isRegularFile(file)) {
            throw new OfaException(file + ": accuracy predictor: expected a file (" + PredictorFile.FORMAT
                    + " or OFA acc_predictor.pth), found a folder");
        }
        if (dev.ofastudio.engine.supernet.CheckpointFile.isCheckpoint(file)) {
            return PredictorFile.read(file);
        }
        return OfficialAccuracyPredictor.load(file);
    }

    /** Reads {@code file} and checks that it predicts for {@code space}. */
    public static AccuracyPredictor load(Path file, SearchSpace space) throws OfaException {
        AccuracyPredictor p = load(file);
        requireSupports(p, space, file.toString());
        return p;
    }

    /** Fails with one line if {@code p} was not trained for {@code space}. */
    public static void requireSupports(AccuracyPredictor p, SearchSpace space, String source) throws OfaException {
        if (!p.supports(space)) {
            String trained = p.trainedSpace().map(s -> s.id() + " " + s.parameters())
                    .orElse("the reference OFA MobileNetV3 spaces (K{3,5,7}, E{3,4,6}, D{2,3,4}, RGB, SE)");
            throw new OfaException(source + ": accuracy predictor: expected one trained for " + space.id() + " "
                    + space.parameters() + ", found one for " + trained);
        }
    }
}
