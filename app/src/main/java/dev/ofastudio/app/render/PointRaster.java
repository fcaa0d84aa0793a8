package dev.ofastudio.app.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Draws tens of thousands of chart points as one image: each point is blended into an int ARGB
 * buffer (premultiplied, source-over) and the buffer goes to the canvas in a single
 * {@code drawImage}. The software pipeline then blits one image per frame instead of rasterising
 * one {@code fillRect} per point (~35 ms for 50k on two cores), which is what kept panning slow.
 * Two images alternate, so the one the render thread may still be reading is never rewritten.
 */
final class PointRaster {
    private int[] pixels = new int[0];
    private int width = -1;
    private int height = -1;
    private final WritableImage[] images = new WritableImage[2];
    @SuppressWarnings("unchecked")
    private final PixelBuffer<IntBuffer>[] buffers = new PixelBuffer[2];
    private int next;

    /** Clears the buffer for a plot area of {@code w × h} pixels. */
    void begin(int w, int h) {
        if (w != width || h != height) {
            width = Math.max(1, w);
            height = Math.max(1, h);
            pixels = new int[width * height];
            for (int k = 0; k < 2; k++) {
                // Shared with the image, so no per-frame pixel conversion (IntArgbPre is Prism's format).
                IntBuffer ib = ByteBuffer.allocateDirect(4 * width * height).order(ByteOrder.nativeOrder()).asIntBuffer();
                buffers[k] = new PixelBuffer<>(width, height, ib, PixelFormat.getIntArgbPreInstance());
                images[k] = new WritableImage(buffers[k]);
            }
        } else {
            Arrays.fill(pixels, 0);
        }
    }

    /**
     * Blends a square of {@code size} pixels centred on each selected row. Rows are those with
     * {@code origin[i] < 0} when {@code want < 0}, else {@code origin[i] == want}; NaN latencies are skipped.
     */
    void points(Viewport vp, double[] lat, double[] acc, int[] origin, int want, double size, Color colour) {
        int argb = premultiplied(colour);
        int a = argb >>> 24;
        if (a == 0) {
            return;
        }
        double sx = vp.width() / (vp.xMax() - vp.xMin());
        double sy = vp.height() / (vp.yMax() - vp.yMin());
        // Plot-area pixel coordinates: (0, 0) is the plot's top-left corner.
        double x0 = -vp.xMin() * sx;
        double y0 = vp.yMax() * sy;
        double half = size / 2;
        int side = Math.max(1, (int) Math.round(size));
        for (int i = 0; i < acc.length; i++) {
            if ((want < 0) ? origin[i] >= 0 : origin[i] != want) {
                continue;
            }
            double px = x0 + lat[i] * sx - half;
            double py = y0 - acc[i] * sy - half;
            // NaN fails both tests, so rows a board does not cover are skipped here.
            if (!(px > -side && px < width && py > -side && py < height)) {
                continue;
            }
            int left = (int) Math.round(px);
            int top = (int) Math.round(py);
            int xa = Math.max(0, left);
            int xb = Math.min(width, left + side);
            int ya = Math.max(0, top);
            int yb = Math.min(height, top + side);
            for (int y = ya; y < yb; y++) {
                int row = y * width;
                for (int x = xa; x < xb; x++) {
                    pixels[row + x] = over(argb, a, pixels[row + x]);
                }
            }
        }
    }

    /** Puts the buffer on the canvas at the plot's top-left corner. */
    void draw(GraphicsContext gc, double left, double top) {
        PixelBuffer<IntBuffer> pb = buffers[next];
        pb.updateBuffer(b -> {
            IntBuffer ib = b.getBuffer();
            ib.clear();
            ib.put(pixels);
            return null;
        });
        gc.drawImage(images[next], left, top);
        next = 1 - next;
    }

    /**
     * Source-over of premultiplied {@code src} (alpha {@code a}) onto premultiplied {@code dst}:
     * {@code dst·(255−a)/255} by multiply and shift (within one unit), two channels at a time.
     */
    static int over(int src, int a, int dst) {
        int inv = 256 - a - (a >>> 7);
        int rb = ((dst & 0x00ff00ff) * inv >>> 8) & 0x00ff00ff;
        int ag = ((dst >>> 8 & 0x00ff00ff) * inv) & 0xff00ff00;
        return src + (rb | ag);
    }

    static int premultiplied(Color c) {
        int a = (int) Math.round(c.getOpacity() * 255);
        int r = (int) Math.round(c.getRed() * c.getOpacity() * 255);
        int g = (int) Math.round(c.getGreen() * c.getOpacity() * 255);
        int b = (int) Math.round(c.getBlue() * c.getOpacity() * 255);
        return a << 24 | r << 16 | g << 8 | b;
    }
}
