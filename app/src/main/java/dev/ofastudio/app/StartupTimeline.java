package dev.ofastudio.app;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;

/**
 * Opt-in start-up timings on stderr ({@code -Dofa.timeline=true}): when the window was shown,
 * the project opened, the first sweep results reached the chart and the sweep finished, each in
 * milliseconds since the window was shown. This is how the "chart drawn within 3 s of the window"
 * figure in the README is measured; it changes nothing when off.
 */
final class StartupTimeline {
    private final long shownNanos = System.nanoTime();
    private boolean firstPoints;
    private boolean sweepDone;

    private StartupTimeline() {
    }

    static boolean enabled() {
        return Boolean.getBoolean("ofa.timeline");
    }

    /** Call right after the stage is shown and before {@link Studio#start()}. */
    static void attach(Studio studio) {
        StartupTimeline t = new StartupTimeline();
        long sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.println("ofa timeline: window shown " + sinceJvm + " ms after JVM start");
        studio.project().currentProperty().addListener((o, a, p) -> {
            if (p != null) {
                t.log("project opened: " + p.name());
            }
        });
        studio.pareto().tableProperty().addListener((o, a, table) -> {
            if (!t.firstPoints && table != null && table.size() > 0) {
                t.firstPoints = true;
                // The chart repaints on the next pulse; log after it, so the figure includes the paint.
                Platform.runLater(() -> t.log("first sweep results on the chart (" + table.size() + " nets)"));
            }
        });
        studio.pareto().runningProperty().addListener((o, was, now) -> {
            if (was && !now && !t.sweepDone) {
                t.sweepDone = true;
                Platform.runLater(() -> t.log("sweep finished (" + studio.pareto().tableProperty().get().size()
                        + " nets)"));
            }
        });
    }

    private void log(String what) {
        System.err.printf("ofa timeline: +%d ms %s%n", (System.nanoTime() - shownNanos) / 1_000_000, what);
    }
}
