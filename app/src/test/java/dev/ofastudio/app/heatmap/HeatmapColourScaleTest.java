package dev.ofastudio.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeatmapColourScaleTest {
    @Test
    void endsAreViridisPurpleAndYellow() {
        ColourScale s = new ColourScale(0.01, 1, true);
        assertEquals(0xff440154, s.argb(0.01));
        assertEquals(0xfffde725, s.argb(1));
        assertEquals(0xff440154, s.argb(0.001), "clamped below");
    }

    @Test
    void logScalePutsTheGeometricMeanInTheMiddle() {
        ColourScale s = new ColourScale(0.01, 1, true);
        assertEquals(0.5, s.position(0.1), 1e-12);
        assertEquals(0.1, s.valueAt(0.5), 1e-12);
    }

    @Test
    void linearScalePutsTheMeanInTheMiddle() {
        ColourScale s = new ColourScale(0, 1, false);
        assertEquals(0.25, s.position(0.25), 1e-12);
        assertEquals(0xff21918c, s.argb(0.5));
    }

    @Test
    void lightCellsGetDarkText() {
        assertTrue(ColourScale.prefersDarkText(0xfffde725));
        assertFalse(ColourScale.prefersDarkText(0xff440154));
    }

    @Test
    void rejectsLogRangeThroughZero() {
        assertThrows(IllegalArgumentException.class, () -> new ColourScale(0, 1, true));
    }
}
