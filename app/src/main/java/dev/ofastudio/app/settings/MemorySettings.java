package dev.ofastudio.app.settings;

import java.nio.file.Path;
import java.util.Optional;

/** Settings kept in memory: for tests and for {@code --fresh} runs that must not touch the user's preferences. */
public final class MemorySettings implements StudioSettings {
    private String project;
    private Path lastDirectory;

    @Override
    public Optional<String> project() {
        return Optional.ofNullable(project);
    }

    @Override
    public void setProject(String idOrFolder) {
        this.project = idOrFolder;
    }

    @Override
    public Optional<Path> lastDirectory() {
        return Optional.ofNullable(lastDirectory);
    }

    @Override
    public void setLastDirectory(Path dir) {
        this.lastDirectory = dir;
    }
}
