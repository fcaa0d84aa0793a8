package dev.ofastudio.engine.cli;

import java.nio.file.Path;

/**
 * Default locations of the reference files beside the checkout ({@code ../shared/golden}), found
 * from the launcher's {@code ofa.home} or the working directory.
 */
final class GoldenDefaults {
    private GoldenDefaults() {
    }

    static Path golden(String name) {
        String home = System.getProperty("ofa.home");
        Path root = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        return root.resolve("..").resolve("shared").resolve("golden").resolve(name).normalize();
    }

    static Path officialPredictor() {
        return golden("acc_predictor.pth");
    }

    static Path note10Lut() {
        return golden("note10_lut");
    }
}
