package dev.ofastudio.app.settings;

import java.nio.file.Path;
import java.util.Optional;

/** What the studio remembers between runs. Backed by {@link PreferencesSettings}; tests use {@link MemorySettings}. */
public interface StudioSettings {
    /** The project open when the studio last closed: a built-in id or a project folder. */
    Optional<String> project();

    void setProject(String idOrFolder);

    /** Last folder used in a file dialog. */
    Optional<Path> lastDirectory();

    void setLastDirectory(Path dir);
}
