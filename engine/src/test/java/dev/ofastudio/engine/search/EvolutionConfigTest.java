package dev.ofastudio.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvolutionConfigTest {
    @Test
    void defaultsAreTheTutorialSettings() {
        EvolutionConfig c = EvolutionConfig.defaults();
        assertEquals(100, c.populationSize());
        assertEquals(500, c.generations());
        assertEquals(25, c.parentCount());
        assertEquals(50, c.mutationCount());
        assertEquals(0.1, c.mutateProb());
        assertEquals(0.1, c.resolutionMutateProb());
    }

    @ParameterizedTest
    @CsvSource({
        "1,    500, 0.25, 0.5, 0.1, 0.1, populationSize, 2..1000000",
        "100,  -1,  0.25, 0.5, 0.1, 0.1, generations, 0..1000000",
        "100,  500, 0,    0.5, 0.1, 0.1, parentRatio, '(0, 1]'",
        "100,  500, 1.5,  0.5, 0.1, 0.1, parentRatio, '(0, 1]'",
        "100,  500, 0.25, NaN, 0.1, 0.1, mutationRatio, '[0, 1]'",
        "100,  500, 0.25, 0.5, -0.1, 0.1, mutateProb, '[0, 1]'",
        "100,  500, 0.25, 0.5, 0.1, 2,   resolutionMutateProb, '[0, 1]'",
        "4,    500, 0.1,  0.5, 0.1, 0.1, parentRatio, at least one parent",
    })
    void rejectsValuesOutOfRangeNamingTheField(int p, int g, double pr, double mr, double mp, double rp,
            String field, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EvolutionConfig(p, g, pr, mr, mp, rp, 1000, 0));
        assertTrue(e.getMessage().contains("EvolutionConfig." + field), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
