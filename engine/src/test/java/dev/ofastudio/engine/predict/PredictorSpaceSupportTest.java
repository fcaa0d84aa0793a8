package dev.ofastudio.engine.predict;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.space.mbv3.ActivationTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictorSpaceSupportTest {
    private final AccuracyPredictor official = new AccuracyPredictor() {
        @Override
        public double predict(SubnetConfig config) {
            return 0;
        }

        @Override
        public List<Integer> resolutions() {
            return List.of(224);
        }

        @Override
        public String describe() {
            return "stand-in with the default space rule";
        }
    };

    @Test
    void theOneHotMbv3PredictorsSupportOnlyReferenceStyleSpaces() {
        assertTrue(official.supports(SearchSpace.mobileNetV3(1.2)));
        assertTrue(official.supports(SearchSpace.mobileNetV3(1.0).withChoices(List.of(3, 5), List.of(4, 6), List.of(3))));
        assertFalse(official.supports(SearchSpace.mobileNetV3(1.0).withBlockStyle(false, ActivationTable.RELU, 16)));
        assertFalse(official.supports(SearchSpace.mobileNetV3(1.0).withInputChannels(1)));
    }
}
