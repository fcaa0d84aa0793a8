package dev.ofastudio.app.diagram;

import dev.ofastudio.app.diagram.DiagramShape.Line;
import dev.ofastudio.app.diagram.DiagramShape.Rect;
import dev.ofastudio.app.diagram.DiagramShape.Text;
import java.util.Locale;

/**
 * Writes a {@link DiagramLayout} as a standalone SVG document. Each shape's role becomes its
 * {@code class} and each box its {@code data-id}, so the file can be restyled or scripted.
 */
public final class DiagramSvg {
    private DiagramSvg() {
    }

    public static String toSvg(DiagramLayout layout) {
        StringBuilder s = new StringBuilder(16_384);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(layout.width()))
                .append("\" height=\"").append(num(layout.height())).append("\" viewBox=\"0 0 ")
                .append(num(layout.width())).append(' ').append(num(layout.height()))
                .append("\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n");
        s.append("<title>").append(escape(layout.title())).append("</title>\n");
        s.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (DiagramShape shape : layout.shapes()) {
            if (shape instanceof Rect r) {
                rect(s, r);
            } else if (shape instanceof Text t) {
                text(s, t);
            } else if (shape instanceof Line l) {
                line(s, l);
            }
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static void rect(StringBuilder s, Rect r) {
        s.append("<rect class=\"").append(r.role()).append('"');
        if (!r.id().isEmpty()) {
            s.append(" data-id=\"").append(escape(r.id())).append('"');
        }
        s.append(" x=\"").append(num(r.x())).append("\" y=\"").append(num(r.y())).append("\" width=\"")
                .append(num(r.w())).append("\" height=\"").append(num(r.h())).append('"');
        if (r.arc() > 0) {
            s.append(" rx=\"").append(num(r.arc())).append('"');
        }
        s.append(" fill=\"").append(r.fill() < 0 ? "none" : colour(r.fill())).append('"');
        if (r.opacity() < 1) {
            s.append(" fill-opacity=\"").append(num(r.opacity())).append('"');
        }
        if (r.stroke() >= 0) {
            s.append(" stroke=\"").append(colour(r.stroke())).append("\" stroke-width=\"").append(num(r.strokeWidth()))
                    .append('"');
            if (r.dashed()) {
                s.append(" stroke-dasharray=\"4 3\"");
            }
        }
        s.append("/>\n");
    }

    private static void text(StringBuilder s, Text t) {
        String anchor = switch (t.anchor()) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        s.append("<text class=\"").append(t.role()).append("\" x=\"").append(num(t.x())).append("\" y=\"")
                .append(num(t.y())).append("\" font-size=\"").append(num(t.size())).append('"');
        if (t.bold()) {
            s.append(" font-weight=\"bold\"");
        }
        s.append(" fill=\"").append(colour(t.colour())).append('"');
        if (t.opacity() < 1) {
            s.append(" fill-opacity=\"").append(num(t.opacity())).append('"');
        }
        s.append(" text-anchor=\"").append(anchor).append("\" dominant-baseline=\"central\">")
                .append(escape(t.text())).append("</text>\n");
    }

    private static void line(StringBuilder s, Line l) {
        s.append("<line class=\"").append(l.role()).append("\" x1=\"").append(num(l.x1())).append("\" y1=\"")
                .append(num(l.y1())).append("\" x2=\"").append(num(l.x2())).append("\" y2=\"").append(num(l.y2()))
                .append("\" stroke=\"").append(colour(l.colour())).append("\" stroke-width=\"").append(num(l.width()))
                .append('"');
        if (l.dashed()) {
            s.append(" stroke-dasharray=\"4 3\"");
        }
        s.append("/>\n");
    }

    static String colour(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }

    private static String num(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
