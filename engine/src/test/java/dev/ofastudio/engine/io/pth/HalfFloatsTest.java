package dev.ofastudio.engine.io.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** binary16 conversion against IEEE-754 facts (values and ties to even). */
class HalfFloatsTest {
    @Test
    void everyFiniteHalfSurvivesTheRoundTrip() {
        for (int h = 0; h < 0x10000; h++) {
            short half = (short) h;
            float f = HalfFloats.halfToFloat(half);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(HalfFloats.halfToFloat(HalfFloats.floatToHalf(f))));
                continue;
            }
            assertEquals(half, HalfFloats.floatToHalf(f), "half 0x" + Integer.toHexString(h));
        }
    }

    @Test
    void roundsToNearestWithTiesToEven() {
        assertEquals(0x3c00, HalfFloats.floatToHalf(1f));
        assertEquals(0x7bff, HalfFloats.floatToHalf(65504f));
        assertEquals(0x7c00, HalfFloats.floatToHalf(65520f)); // tie between 65504 and 2^16: even is infinity
        assertEquals(0x3c00, HalfFloats.floatToHalf(1f + 0x1p-11f)); // tie: stays on the even 1.0
        assertEquals(0x3c02, HalfFloats.floatToHalf(1f + 3 * 0x1p-11f)); // tie: up to the even neighbour
        assertEquals(0x3c01, HalfFloats.floatToHalf(1f + 0x1p-11f + 0x1p-20f)); // above the tie
        assertEquals(0x0001, HalfFloats.floatToHalf(0x1p-24f)); // smallest subnormal
        assertEquals(0x0000, HalfFloats.floatToHalf(0x1p-25f)); // tie: even is zero
        assertEquals(0x0001, HalfFloats.floatToHalf(3 * 0x1p-26f));
        assertEquals((short) 0x8000, HalfFloats.floatToHalf(-0f));
        assertEquals((short) 0xfc00, HalfFloats.floatToHalf(Float.NEGATIVE_INFINITY));
        assertEquals(0x0400, HalfFloats.floatToHalf(0x1p-14f)); // smallest normal
        assertEquals(0x0400, HalfFloats.floatToHalf(0x1p-14f - 0x1p-26f)); // rounds up out of the subnormals
    }
}
