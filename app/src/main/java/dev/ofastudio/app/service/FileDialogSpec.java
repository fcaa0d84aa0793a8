package dev.ofastudio.app.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a file dialog shows, without any {@code javafx.stage} type, so view models can ask for a
 * file and tests can answer with a fixture path.
 *
 * @param title            window title
 * @param initialDirectory where the dialog opens, or null for the default
 * @param initialFileName  suggested name for save dialogs, or null
 * @param filters          extension filters in display order
 */
public record FileDialogSpec(String title, Path initialDirectory, String initialFileName, List<Filter> filters) {
    public FileDialogSpec {
        Objects.requireNonNull(title, "title");
        filters = List.copyOf(filters);
    }

    /** One extension filter, e.g. {@code ("JSON profile", List.of("*.json"))}. */
    public record Filter(String description, List<String> globs) {
        public Filter {
            Objects.requireNonNull(description, "description");
            globs = List.copyOf(globs);
        }
    }

    public static FileDialogSpec of(String title, Filter... filters) {
        return new FileDialogSpec(title, null, null, List.of(filters));
    }

    public FileDialogSpec withInitialFileName(String name) {
        return new FileDialogSpec(title, initialDirectory, name, filters);
    }

    public FileDialogSpec withInitialDirectory(Path dir) {
        return new FileDialogSpec(title, dir, initialFileName, filters);
    }
}
