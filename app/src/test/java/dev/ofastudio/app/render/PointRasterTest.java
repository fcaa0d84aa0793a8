package dev.ofastudio.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class PointRasterTest {
    @Test
    void blendingIsSourceOverWithinOneUnitPerChannel() {
        Random r = new Random(1);
        for (int k = 0; k < 100_000; k++) {
            int sa = r.nextInt(256);
            int da = r.nextInt(256);
            int[] s = {sa, r.nextInt(sa + 1), r.nextInt(sa + 1), r.nextInt(sa + 1)};
            int[] d = {da, r.nextInt(da + 1), r.nextInt(da + 1), r.nextInt(da + 1)};
            int out = PointRaster.over(pack(s), sa, pack(d));
            for (int c = 0; c < 4; c++) {
                int got = out >>> (24 - 8 * c) & 0xff;
                double exact = s[c] + d[c] * (255 - sa) / 255.0;
                assertTrue(Math.abs(got - exact) <= 1.5, "channel " + c + ": " + got + " vs " + exact);
                assertTrue(c == 0 || got <= (out >>> 24), "stays premultiplied");
            }
        }
    }

    @Test
    void premultipliesTheColour() {
        int argb = PointRaster.premultiplied(Color.rgb(255, 0, 100, 0.5));
        assertEquals(128, argb >>> 24);
        assertEquals(128, argb >>> 16 & 0xff);
        assertEquals(0, argb >>> 8 & 0xff);
        assertEquals(50, argb & 0xff);
    }

    private static int pack(int[] c) {
        return c[0] << 24 | c[1] << 16 | c[2] << 8 | c[3];
    }
}
