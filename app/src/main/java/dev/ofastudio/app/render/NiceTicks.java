package dev.ofastudio.app.render;

/** Round tick values (1, 2, 5 × 10^k) for an axis range. */
public final class NiceTicks {
    private NiceTicks() {
    }

    /** About {@code target} ticks inside [min, max], at a 1/2/5 step. */
    public static double[] of(double min, double max, int target) {
        double step = step(min, max, target);
        double first = Math.ceil(min / step) * step;
        int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
        n = Math.max(0, Math.min(n, 1000));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = first + i * step;
        }
        return out;
    }

    public static double step(double min, double max, int target) {
        double raw = (max - min) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double nice = norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10;
        return nice * mag;
    }

    /** A label with as many decimals as the step needs. */
    public static String label(double v, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) + 1e-9));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }
}
