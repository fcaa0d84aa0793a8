package dev.ofastudio.app.render;

/**
 * Maps data (latency ms on x, accuracy % on y) to canvas pixels inside a plot rectangle, and
 * back. Immutable; zoom and pan return a new viewport. Pure math, tested without JavaFX.
 *
 * @param xMin   data x at the left edge of the plot
 * @param xMax   data x at the right edge
 * @param yMin   data y at the bottom edge
 * @param yMax   data y at the top edge
 * @param left   plot rectangle in canvas pixels
 * @param top    plot rectangle top
 * @param width  plot rectangle width (> 0)
 * @param height plot rectangle height (> 0)
 */
public record Viewport(double xMin, double xMax, double yMin, double yMax, double left, double top, double width,
        double height) {
    public Viewport {
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("empty data range: x " + xMin + ".." + xMax + ", y " + yMin + ".." + yMax);
        }
        width = Math.max(1, width);
        height = Math.max(1, height);
    }

    public double screenX(double x) {
        return left + (x - xMin) / (xMax - xMin) * width;
    }

    public double screenY(double y) {
        return top + (yMax - y) / (yMax - yMin) * height;
    }

    public double dataX(double px) {
        return xMin + (px - left) / width * (xMax - xMin);
    }

    public double dataY(double py) {
        return yMax - (py - top) / height * (yMax - yMin);
    }

    public boolean insidePlot(double px, double py) {
        return px >= left && px <= left + width && py >= top && py <= top + height;
    }

    /** Zooms by {@code factor} (&lt; 1 zooms in) about the pixel (px, py), which stays fixed. */
    public Viewport zoom(double factorX, double factorY, double px, double py) {
        double cx = dataX(px);
        double cy = dataY(py);
        return new Viewport(cx - (cx - xMin) * factorX, cx + (xMax - cx) * factorX,
                cy - (cy - yMin) * factorY, cy + (yMax - cy) * factorY, left, top, width, height);
    }

    /** Moves the content by (dxPx, dyPx) pixels: dragging right shows smaller latencies. */
    public Viewport pan(double dxPx, double dyPx) {
        double dx = -dxPx / width * (xMax - xMin);
        double dy = dyPx / height * (yMax - yMin);
        return new Viewport(xMin + dx, xMax + dx, yMin + dy, yMax + dy, left, top, width, height);
    }

    public Viewport withPlot(double l, double t, double w, double h) {
        return new Viewport(xMin, xMax, yMin, yMax, l, t, w, h);
    }

    public Viewport withData(double x0, double x1, double y0, double y1) {
        return new Viewport(x0, x1, y0, y1, left, top, width, height);
    }
}
