package dev.ofastudio.engine.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParallelAccuracyPredictorTest {
    private static List<SubnetConfig> randomConfigs(int n, long seed) {
        Random rng = new Random(seed);
        int[] kernels = {3, 5, 7};
        int[] expands = {3, 4, 6};
        int[] res = {160, 176, 192, 208, 224};
        List<SubnetConfig> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] ks = new int[20];
            int[] e = new int[20];
            int[] d = new int[5];
            for (int b = 0; b < 20; b++) {
                ks[b] = kernels[rng.nextInt(3)];
                e[b] = expands[rng.nextInt(3)];
            }
            for (int s = 0; s < 5; s++) {
                d[s] = 2 + rng.nextInt(3);
            }
            out.add(new SubnetConfig(ks, e, d, res[rng.nextInt(5)]));
        }
        return out;
    }

    @Test
    void givesTheOfficialPredictorsOwnResultsForAnyBatchSize() throws Exception {
        OfficialAccuracyPredictor official = OfficialAccuracyPredictor.load(Golden.officialPredictor());
        try (ParallelAccuracyPredictor parallel = new ParallelAccuracyPredictor(official, 3)) {
            for (int n : List.of(1, 7, 17, 100)) {
                List<SubnetConfig> configs = randomConfigs(n, n);
                assertArrayEquals(official.predict(configs), parallel.predict(configs), 0.0, "batch of " + n);
            }
            assertEquals(official.resolutions(), parallel.resolutions());
        }
    }

    @Test
    void passesOnTheDelegatesErrors() {
        AccuracyPredictor failing = new AccuracyPredictor() {
            @Override
            public double predict(SubnetConfig config) {
                throw new IllegalArgumentException("config field r: expected 112..224, found 300");
            }

            @Override
            public List<Integer> resolutions() {
                return List.of();
            }

            @Override
            public String describe() {
                return "failing";
            }
        };
        try (ParallelAccuracyPredictor parallel = new ParallelAccuracyPredictor(failing, 2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> parallel.predict(randomConfigs(64, 1)));
            assertEquals("config field r: expected 112..224, found 300", e.getMessage());
        }
    }
}
