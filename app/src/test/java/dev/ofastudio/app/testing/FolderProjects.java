package dev.ofastudio.app.testing;

import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SearchSpaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Project folders for studio tests, in the form {@code project.json} takes; the fake loaders never read their files. */
public final class FolderProjects {
    /**
     * A space on other data than ImageNet (one grey channel, ten classes), at resolutions the fake
     * predictor covers.
     */
    public static final SearchSpace GREY = SearchSpace.mobileNetV3(1.0).withInputChannels(1).withNumClasses(10)
            .withResolutions(List.of(160, 176, 192));

    private FolderProjects() {
    }

    /**
     * Writes project {@code name} on {@code space} into {@code dir}: a predictor and a lookup-table
     * folder {@code lut}; no {@code reference_nets}, so the space decides whether ImageNet's apply.
     */
    public static Path write(Path dir, String name, SearchSpace space) throws IOException {
        Files.createDirectories(dir.resolve("lut"));
        Files.writeString(dir.resolve("acc.pth"), "fake loaders do not read it");
        Files.writeString(dir.resolve("project.json"), "{\"format\": \"ofa-studio-project\", \"version\": 1, "
                + "\"name\": \"" + name + "\", \"space\": " + SearchSpaces.toJson(space)
                + ", \"predictor\": \"acc.pth\", \"latency_tables\": [\"lut\"]}");
        return dir;
    }

    /** The project's id, as the studio names it: its absolute folder. */
    public static String id(Path dir) {
        return dir.toAbsolutePath().normalize().toString();
    }
}
