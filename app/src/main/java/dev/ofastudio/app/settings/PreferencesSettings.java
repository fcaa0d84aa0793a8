package dev.ofastudio.app.settings;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * Settings in {@link Preferences} (user node {@code dev/ofastudio/app}). The download URL can be
 * overridden with the system property {@code ofa.predictorUrl} so tests and offline demos can
 * point it at a local file.
 */
public final class PreferencesSettings implements StudioSettings {
    private final Preferences prefs;

    public PreferencesSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static PreferencesSettings userDefault() {
        return new PreferencesSettings(Preferences.userRoot().node("dev/ofastudio/app"));
    }

    @Override
    public Optional<Path> predictorPath() {
        return Optional.ofNullable(prefs.get("predictorPath", null)).map(Path::of);
    }

    @Override
    public void setPredictorPath(Path path) {
        prefs.put("predictorPath", path.toAbsolutePath().toString());
    }

    @Override
    public String predictorUrl() {
        String override = System.getProperty("ofa.predictorUrl");
        return override != null ? override : prefs.get("predictorUrl", DEFAULT_PREDICTOR_URL);
    }

    @Override
    public void setPredictorUrl(String url) {
        prefs.put("predictorUrl", url);
    }

    @Override
    public FirstRunChoice firstRunChoice() {
        try {
            return FirstRunChoice.valueOf(prefs.get("firstRunChoice", "NONE"));
        } catch (IllegalArgumentException e) {
            return FirstRunChoice.NONE;
        }
    }

    @Override
    public void setFirstRunChoice(FirstRunChoice choice) {
        prefs.put("firstRunChoice", choice.name());
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
