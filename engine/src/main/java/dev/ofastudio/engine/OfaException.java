package dev.ofastudio.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A recoverable problem with user input: a file, a field or a value that the engine cannot use.
 *
 * <p>The message is one line a user can act on: which file, which field, what was expected and
 * what was found. The CLI prints it and exits with code 2; the studio shows it in an error
 * dialog. Programmer errors stay {@link IllegalArgumentException} / {@link IllegalStateException}.
 */
public class OfaException extends Exception {
    private static final long serialVersionUID = 1L;

    public OfaException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }

    public OfaException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
    }

    /** A message of the form {@code file: field: expected ..., found ...}. */
    public static OfaException inFile(Path file, String field, String expected, Object found) {
        String where = file == null ? "" : file + ": ";
        String what = field == null || field.isEmpty() ? "" : field + ": ";
        return new OfaException(where + what + "expected " + expected + ", found " + found);
    }
}
