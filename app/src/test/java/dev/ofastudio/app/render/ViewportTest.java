package dev.ofastudio.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ViewportTest {
    private final Viewport vp = new Viewport(0, 10, 60, 80, 50, 20, 500, 400);

    @Test
    void mapsCornersOfTheDataRangeToThePlotRectangle() {
        assertEquals(50, vp.screenX(0), 1e-9);
        assertEquals(550, vp.screenX(10), 1e-9);
        assertEquals(20, vp.screenY(80), 1e-9);
        assertEquals(420, vp.screenY(60), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"0.5, 100, 100", "2, 300, 250", "0.8, 549, 21"})
    void zoomKeepsThePixelUnderTheCursorFixed(double f, double px, double py) {
        Viewport z = vp.zoom(f, f, px, py);
        assertEquals(vp.dataX(px), z.dataX(px), 1e-9);
        assertEquals(vp.dataY(py), z.dataY(py), 1e-9);
        assertEquals((vp.xMax() - vp.xMin()) * f, z.xMax() - z.xMin(), 1e-9);
    }

    @Test
    void panMovesContentWithTheMouse() {
        Viewport p = vp.pan(50, -40);
        // The point that was at (200, 200) is now at (250, 160).
        assertEquals(p.screenX(vp.dataX(200)), 250, 1e-9);
        assertEquals(p.screenY(vp.dataY(200)), 160, 1e-9);
    }

    @Test
    void niceTicksUseOneTwoFiveSteps() {
        assertEquals(2.0, NiceTicks.step(0, 17, 8), 1e-12);
        assertEquals(0.5, NiceTicks.step(60, 63, 6), 1e-12);
        assertEquals("1.5", NiceTicks.label(1.5, 0.5));
    }
}
