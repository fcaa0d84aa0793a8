package dev.ofastudio.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Default locations of the reference files in {@code ../shared/golden} beside the checkout. The
 * checkout is the launcher's {@code ofa.home}, else the nearest directory upwards from the working
 * directory that has a {@code ../shared/golden}.
 */
final class GoldenDefaults {
    private GoldenDefaults() {
    }

    static Path golden(String name) {
        String home = System.getProperty("ofa.home");
        Path start = home != null ? Path.of(home).toAbsolutePath() : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("golden");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(name).normalize();
            }
        }
        return start.resolveSibling("shared").resolve("golden").resolve(name).normalize();
    }

    static Path officialPredictor() {
        return golden("acc_predictor.pth");
    }

    static Path note10Lut() {
        return golden("note10_lut");
    }
}
