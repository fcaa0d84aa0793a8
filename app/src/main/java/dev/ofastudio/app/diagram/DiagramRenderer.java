package dev.ofastudio.app.diagram;

import dev.ofastudio.app.diagram.DiagramShape.Line;
import dev.ofastudio.app.diagram.DiagramShape.Rect;
import dev.ofastudio.app.diagram.DiagramShape.Text;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Paints a {@link DiagramLayout} on a canvas, shape by shape, in the layout's units. */
public final class DiagramRenderer {
    private static final double[] DASH = {4, 3};

    private DiagramRenderer() {
    }

    /** Draws the white background and every shape; the caller sets any scale first. */
    public static void draw(GraphicsContext gc, DiagramLayout layout) {
        gc.save();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, layout.width(), layout.height());
        gc.setTextBaseline(VPos.CENTER);
        for (DiagramShape shape : layout.shapes()) {
            if (shape instanceof Rect r) {
                rect(gc, r);
            } else if (shape instanceof Text t) {
                text(gc, t);
            } else if (shape instanceof Line l) {
                line(gc, l);
            }
        }
        gc.restore();
    }

    /** Outlines {@code box} as selected (thick) or hovered (thin). */
    public static void highlight(GraphicsContext gc, DiagramBox box, boolean selected) {
        gc.save();
        gc.setStroke(selected ? Color.web("#2563eb") : Color.web("#1f2430", 0.6));
        gc.setLineWidth(selected ? 3 : 1.5);
        double pad = selected ? 3 : 2;
        gc.strokeRoundRect(box.x() - pad, box.y() - pad, box.w() + 2 * pad, box.h() + 2 * pad, 8, 8);
        gc.restore();
    }

    static Color colour(int rgb, double opacity) {
        return Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff, opacity);
    }

    private static void rect(GraphicsContext gc, Rect r) {
        if (r.fill() >= 0) {
            gc.setFill(colour(r.fill(), r.opacity()));
            gc.fillRoundRect(r.x(), r.y(), r.w(), r.h(), 2 * r.arc(), 2 * r.arc());
        }
        if (r.stroke() >= 0) {
            gc.setStroke(colour(r.stroke(), 1));
            gc.setLineWidth(r.strokeWidth());
            gc.setLineDashes(r.dashed() ? DASH : null);
            gc.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), 2 * r.arc(), 2 * r.arc());
            gc.setLineDashes((double[]) null);
        }
    }

    private static void text(GraphicsContext gc, Text t) {
        gc.setFont(Font.font("DejaVu Sans", t.bold() ? FontWeight.BOLD : FontWeight.NORMAL, t.size()));
        gc.setFill(colour(t.colour(), t.opacity()));
        gc.setTextAlign(switch (t.anchor()) {
            case START -> TextAlignment.LEFT;
            case MIDDLE -> TextAlignment.CENTER;
            case END -> TextAlignment.RIGHT;
        });
        gc.fillText(t.text(), t.x(), t.y());
    }

    private static void line(GraphicsContext gc, Line l) {
        gc.setStroke(colour(l.colour(), 1));
        gc.setLineWidth(l.width());
        gc.setLineDashes(l.dashed() ? DASH : null);
        gc.strokeLine(l.x1(), l.y1(), l.x2(), l.y2());
        gc.setLineDashes((double[]) null);
    }
}
