package dev.ofastudio.engine.progress;

import java.util.Locale;

/** Remaining time as people read it in a progress line: {@code 4m07s}, {@code 2h13m}. */
public final class Eta {
    private Eta() {
    }

    public static String format(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
