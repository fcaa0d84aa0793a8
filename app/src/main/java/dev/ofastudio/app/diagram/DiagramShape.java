package dev.ofastudio.app.diagram;

/**
 * The drawing primitives of a {@link DiagramLayout}. Colours are opaque RGB ints ({@code 0xRRGGBB});
 * opacity is separate so the SVG can write it as {@code fill-opacity}. {@code role} names what a
 * primitive is ({@code block}, {@code ghost}, {@code group}, ...) and becomes the SVG class.
 */
public sealed interface DiagramShape {
    /** Text alignment relative to the anchor point. */
    enum Anchor { START, MIDDLE, END }

    /** A (rounded) rectangle; {@code stroke < 0} means no outline, {@code fill < 0} no fill. */
    record Rect(String role, String id, double x, double y, double w, double h, double arc, int fill,
            int stroke, double strokeWidth, boolean dashed, double opacity) implements DiagramShape {
    }

    /** One line of text, vertically centred on {@code y}. */
    record Text(String role, double x, double y, String text, double size, boolean bold, int colour,
            Anchor anchor, double opacity) implements DiagramShape {
    }

    /** A straight line. */
    record Line(String role, double x1, double y1, double x2, double y2, int colour, double width,
            boolean dashed) implements DiagramShape {
    }
}
