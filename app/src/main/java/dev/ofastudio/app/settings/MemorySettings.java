package dev.ofastudio.app.settings;

import java.nio.file.Path;
import java.util.Optional;

/** Settings kept in memory: for tests and for {@code --fresh} runs that must not touch the user's preferences. */
public final class MemorySettings implements StudioSettings {
    private Path predictorPath;
    private String predictorUrl = DEFAULT_PREDICTOR_URL;
    private FirstRunChoice choice = FirstRunChoice.NONE;
    private Path lastDirectory;

    @Override
    public Optional<Path> predictorPath() {
        return Optional.ofNullable(predictorPath);
    }

    @Override
    public void setPredictorPath(Path path) {
        this.predictorPath = path;
    }

    @Override
    public String predictorUrl() {
        return predictorUrl;
    }

    @Override
    public void setPredictorUrl(String url) {
        this.predictorUrl = url;
    }

    @Override
    public FirstRunChoice firstRunChoice() {
        return choice;
    }

    @Override
    public void setFirstRunChoice(FirstRunChoice c) {
        this.choice = c;
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
