package dev.ofastudio.app.heatmap;

/**
 * Maps a metric value to a viridis colour (perceptually ordered, readable in grey and by most
 * colour-blind viewers). Colours are packed ARGB ints so this stays free of JavaFX.
 *
 * @param min lowest value of the range (clamped below)
 * @param max highest value (clamped above)
 * @param log whether positions follow log10 of the value
 */
public record ColourScale(double min, double max, boolean log) {
    /** Viridis at 0, 0.1, ..., 1 (matplotlib's published hex values). */
    private static final int[] VIRIDIS = {
        0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725
    };

    public ColourScale {
        if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("colour range must satisfy min <= max, got " + min + ".." + max);
        }
        if (log && min <= 0) {
            throw new IllegalArgumentException("a log colour range needs min > 0, got " + min);
        }
    }

    /** The range of {@code values} (non-positive values are skipped on a log scale). */
    public static ColourScale spanning(double[] values, int count, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double v = values[i];
            if (Double.isNaN(v) || log && v <= 0) {
                continue;
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo > hi) {
            return log ? new ColourScale(1, 1, true) : new ColourScale(0, 0, false);
        }
        return new ColourScale(lo, hi, log);
    }

    /** Position of {@code value} in the range, 0..1; the middle for an empty range. */
    public double position(double value) {
        if (max == min) {
            return 0.5;
        }
        double t = log ? (Math.log(Math.max(value, min)) - Math.log(min)) / (Math.log(max) - Math.log(min))
                : (value - min) / (max - min);
        return Math.max(0, Math.min(1, t));
    }

    /** The value at position {@code t} (0..1), for legend ticks. */
    public double valueAt(double t) {
        return log ? Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min))) : min + t * (max - min);
    }

    public int argb(double value) {
        return viridis(position(value));
    }

    /** Viridis colour at {@code t} in 0..1, opaque ARGB. */
    public static int viridis(double t) {
        double x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) x, VIRIDIS.length - 2);
        double f = x - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        int r = mix(a >> 16 & 0xff, b >> 16 & 0xff, f);
        int g = mix(a >> 8 & 0xff, b >> 8 & 0xff, f);
        int bl = mix(a & 0xff, b & 0xff, f);
        return 0xff000000 | r << 16 | g << 8 | bl;
    }

    /** True where black text reads better than white on {@code argb} (relative luminance). */
    public static boolean prefersDarkText(int argb) {
        double r = (argb >> 16 & 0xff) / 255.0;
        double g = (argb >> 8 & 0xff) / 255.0;
        double b = (argb & 0xff) / 255.0;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
