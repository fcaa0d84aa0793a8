package dev.ofastudio.engine.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.predict.SpaceEncoding;
import dev.ofastudio.engine.predict.StudioAccuracyPredictor;
import dev.ofastudio.engine.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Our predictors with seeded random weights, for file and loader tests (training is tested on its own). */
public final class TestPredictors {
    private TestPredictors() {
    }

    /** Three hidden layers of {@code hidden}, weights N(0, 0.1²), base_acc 0.87. */
    public static StudioAccuracyPredictor random(SearchSpace space, int hidden, long seed) {
        Random rng = new Random(seed);
        int in = SpaceEncoding.of(space).size();
        List<float[]> layers = new ArrayList<>();
        int[] sizes = {hidden * in, hidden, hidden * hidden, hidden, hidden * hidden, hidden, hidden};
        for (int n : sizes) {
            float[] w = new float[n];
            for (int i = 0; i < n; i++) {
                w[i] = (float) (rng.nextGaussian() * 0.1);
            }
            layers.add(w);
        }
        ObjectNode info = Json.MAPPER.createObjectNode();
        info.putObject("figures").putObject("test").put("rmse_pct", 0.42);
        info.putObject("provenance").put("command", "test");
        return new StudioAccuracyPredictor(space, hidden, layers, 0.87f, info, "test predictor");
    }
}
