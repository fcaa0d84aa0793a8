package dev.ofastudio.app.settings;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/** Settings in {@link Preferences} (user node {@code dev/ofastudio/app}). */
public final class PreferencesSettings implements StudioSettings {
    private final Preferences prefs;

    public PreferencesSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static PreferencesSettings userDefault() {
        return new PreferencesSettings(Preferences.userRoot().node("dev/ofastudio/app"));
    }

    @Override
    public Optional<String> project() {
        return Optional.ofNullable(prefs.get("project", null));
    }

    @Override
    public void setProject(String idOrFolder) {
        prefs.put("project", idOrFolder);
    }

    @Override
    public Optional<Path> lastDirectory() {
        return Optional.ofNullable(prefs.get("lastDirectory", null)).map(Path::of);
    }

    @Override
    public void setLastDirectory(Path dir) {
        prefs.put("lastDirectory", dir.toAbsolutePath().toString());
    }
}
