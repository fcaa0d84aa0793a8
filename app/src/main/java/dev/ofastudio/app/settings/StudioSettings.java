package dev.ofastudio.app.settings;

import java.nio.file.Path;
import java.util.Optional;

/** What the studio remembers between runs. Backed by {@link PreferencesSettings}; tests use {@link MemorySettings}. */
public interface StudioSettings {
    /** The public OFA asset of the official ImageNet accuracy predictor (MIT). */
    String DEFAULT_PREDICTOR_URL =
            "https://raw.githubusercontent.com/han-cai/files/master/ofa/acc_predictor.pth";

    /** What the user chose on the welcome pane. */
    enum FirstRunChoice { NONE, OPENED_PREDICTOR, DOWNLOADED_PREDICTOR, SKIPPED }

    Optional<Path> predictorPath();

    void setPredictorPath(Path path);

    String predictorUrl();

    void setPredictorUrl(String url);

    FirstRunChoice firstRunChoice();

    void setFirstRunChoice(FirstRunChoice choice);

    /** Last folder used in a file dialog. */
    Optional<Path> lastDirectory();

    void setLastDirectory(Path dir);
}
