package dev.ofastudio.app;

import java.io.InputStream;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app icon (icons/ofa-studio.svg rendered at the sizes desktops pick from) for every window. */
final class AppIcons {
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    private AppIcons() {
    }

    /** Sets the icon sizes on {@code stage}; a missing size is skipped, never fatal. */
    static void apply(Stage stage) {
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream(resource(size))) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException ignored) {
                // an icon is cosmetic: the window opens without it
            }
        }
    }

    static String resource(int size) {
        return "icons/ofa-studio-" + size + ".png";
    }
}
