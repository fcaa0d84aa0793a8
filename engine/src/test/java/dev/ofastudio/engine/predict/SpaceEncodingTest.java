package dev.ofastudio.engine.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.SyntheticAccuracy;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** OFA's library encoder (digest §3.1) built from a space's choices. */
class SpaceEncodingTest {
    static final SearchSpace FMNIST = SyntheticAccuracy.FMNIST;

    @Test
    void lengthIsResolutionsPlusKernelAndExpandOneHotsPerBlock() {
        assertEquals(5 + 60 + 60, SpaceEncoding.of(FMNIST).size());
        // The digest's figures for the reference space: |R| + 120 = 145 with 25 resolutions.
        assertEquals(145, SpaceEncoding.of(SearchSpace.mobileNetV3(1.0)).size());
    }

    @Test
    void skippedBlocksAreAllZeroAndTheLayoutIsResolutionKernelExpand() throws OfaException {
        // Depth 2 everywhere: blocks 0,1 of each stage run. Kernels 7 (slot 2), expands 4 (slot 1), r 32 (slot 2).
        SubnetConfig c = SubnetConfig.uniform(7, 4, 2, 32);
        float[] v = SpaceEncoding.of(FMNIST).encode(c);
        float[] expected = new float[125];
        expected[2] = 1;
        for (int b = 0; b < 20; b++) {
            if (b % 4 < 2) {
                expected[5 + 3 * b + 2] = 1;
                expected[65 + 3 * b + 1] = 1;
            }
        }
        assertArrayEquals(expected, v);
        assertEquals(21, IntStream.range(0, v.length).filter(i -> v[i] == 1f).count());
    }

    @Test
    void valuesOutsideTheSpaceFailNamingTheField() {
        SpaceEncoding e = SpaceEncoding.of(FMNIST);
        OfaException r = assertThrows(OfaException.class, () -> e.check(SubnetConfig.uniform(3, 3, 2, 224)));
        assertTrue(r.getMessage().startsWith("config field r: expected one of [24, 28, 32, 36, 40]"), r.getMessage());
        OfaException k = assertThrows(OfaException.class, () -> e.check(SubnetConfig.uniform(3, 3, 2, 32).withBlock(0, 9, 3)));
        assertTrue(k.getMessage().startsWith("config field ks[0]"), k.getMessage());
    }
}
