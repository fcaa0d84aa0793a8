package dev.ofastudio.app.diagram;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * Exports a {@link DiagramLayout} as SVG (from the layout itself) or PNG (the canvas renderer's
 * picture at a chosen scale). Both writes are atomic: a failed export leaves no partial file.
 */
public final class DiagramExporter {
    private DiagramExporter() {
    }

    /** Writes the SVG document of {@code layout}; any thread. */
    public static void writeSvg(DiagramLayout layout, Path target) throws OfaException {
        AtomicFiles.writeString(target, DiagramSvg.toSvg(layout));
    }

    /**
     * Writes a PNG of {@code layout} at {@code scale} (2 for a sharp slide). Must run on the JavaFX
     * thread, because it snapshots a canvas. Callers that must not hold the JavaFX thread for the
     * encoding can call {@link #snapshot} there and {@link #writePng(BufferedImage, Path)} on a
     * background thread.
     *
     * @return the image size in pixels, {@code {width, height}}
     */
    public static int[] writePng(DiagramLayout layout, Path target, double scale) throws OfaException {
        BufferedImage image = snapshot(layout, scale);
        writePng(image, target);
        return new int[] {image.getWidth(), image.getHeight()};
    }

    /** Renders {@code layout} at {@code scale} into an image; JavaFX thread only. */
    public static BufferedImage snapshot(DiagramLayout layout, double scale) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("PNG export snapshots a canvas and must run on the JavaFX thread");
        }
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("PNG scale must lie in (0, 8], got " + scale);
        }
        int w = (int) Math.ceil(layout.width() * scale);
        int h = (int) Math.ceil(layout.height() * scale);
        // Scale the drawing, not the snapshot: a scaled snapshot would upsample the pixels.
        Canvas canvas = new Canvas(w, h);
        canvas.getGraphicsContext2D().scale(scale, scale);
        DiagramRenderer.draw(canvas.getGraphicsContext2D(), layout);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        WritableImage image = canvas.snapshot(params, new WritableImage(w, h));
        return SwingFXUtils.fromFXImage(image, null);
    }

    /** Encodes {@code image} as PNG into {@code target}, atomically; any thread. */
    public static void writePng(BufferedImage image, Path target) throws OfaException {
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
