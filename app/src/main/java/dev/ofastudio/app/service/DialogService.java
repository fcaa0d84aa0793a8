package dev.ofastudio.app.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog the studio shows. View models receive it through their constructor; the real
 * implementation is {@link FxDialogService}, tests pass a fake that answers with fixture paths.
 */
public interface DialogService {
    /** Asks for an existing file; empty when the user cancels. */
    Optional<Path> showOpenDialog(FileDialogSpec spec);

    /** Asks for a file to write; empty when the user cancels. */
    Optional<Path> showSaveDialog(FileDialogSpec spec);

    /** Asks for a folder (an OFA YAML lookup-table folder, an export target); empty when cancelled. */
    Optional<Path> showDirectoryDialog(FileDialogSpec spec);

    /** Shows an error with one line per problem (file, field, expected); never a stack trace. */
    void showErrors(String title, String summary, List<String> problems);

    /** Shows one error message. */
    default void showError(String title, String message) {
        showErrors(title, message, List.of());
    }

    /** Shows a long read-only text (About and licences). */
    void showText(String title, String text);

    /** Asks a yes/no question; true for yes. */
    boolean confirm(String title, String question);

    /** Asks Save / Don't save / Cancel about unsaved changes; {@link SaveChoice#CANCEL} when dismissed. */
    SaveChoice askToSave(String title, String question);
}
