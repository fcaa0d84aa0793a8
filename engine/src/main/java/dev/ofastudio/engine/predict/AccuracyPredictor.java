package dev.ofastudio.engine.predict;

import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;

/**
 * Predicts the accuracy (0–1 scale) of a sub-network without running it. The official OFA
 * predictor is an MLP over a one-hot architecture encoding; the studio's own trained predictors
 * come later and implement this too. Implementations must be thread-safe for concurrent reads.
 */
public interface AccuracyPredictor {
    /** Predicted accuracy on the predictor's own scale (0–1). */
    double predict(SubnetConfig config);

    /** Predicts a batch; implementations override this to batch the MLP. */
    default double[] predict(List<SubnetConfig> configs) {
        double[] out = new double[configs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = predict(configs.get(i));
        }
        return out;
    }

    /** Resolutions the predictor's encoding can represent (e.g. 112..224 step 16). */
    List<Integer> resolutions();

    /** A short human-readable description (file name, kind) for the UI and provenance. */
    String describe();
}
