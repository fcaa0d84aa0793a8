package dev.ofastudio.engine.predict;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import java.util.List;
import java.util.Optional;

/**
 * Predicts the accuracy (0–1 scale) of a sub-network without running it. The official OFA
 * predictor is an MLP over a one-hot architecture encoding; the studio's own predictors
 * ({@link StudioAccuracyPredictor}) are the same MLP over their space's encoding.
 * {@link AccuracyPredictors#load} reads either file. Implementations must be thread-safe for
 * concurrent reads.
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

    /**
     * True if this predictor was trained on {@code space}: same family, block style and class
     * count are not required, but every elastic choice must be one the encoding represents. The
     * official predictor supports the reference MobileNetV3 spaces (K{3,5,7}, E{3,4,6}, D{2,3,4}
     * or subsets, SE and h-swish, RGB input).
     */
    default boolean supports(SearchSpace space) {
        return space instanceof Mbv3Space m && m.isReferenceStyle()
                && Mbv3Encoding.KERNELS.containsAll(m.kernelSizes()) && Mbv3Encoding.EXPANDS.containsAll(m.expandRatios())
                && List.of(2, 3, 4).containsAll(m.depths());
    }

    /**
     * Fails with a one-line message naming the field if the predictor cannot encode {@code config}
     * (call before {@link #predict} on user input). The default checks the resolution only.
     */
    default void check(SubnetConfig config) throws OfaException {
        if (!resolutions().isEmpty() && !resolutions().contains(config.r())) {
            throw new OfaException("config field r: expected one of " + resolutions()
                    + " (the accuracy predictor's resolutions), found " + config.r());
        }
    }

    /**
     * The space the predictor was trained for, when its file records one (the studio's own
     * predictors); empty for the official predictor, which callers pair with the reference space.
     */
    default Optional<SearchSpace> trainedSpace() {
        return Optional.empty();
    }

    /** A short human-readable description (file name, kind) for the UI and provenance. */
    String describe();
}
