package dev.ofastudio.app.inputs;

import java.util.Arrays;
import java.util.List;

/** Splits an engine error message into the lines an error dialog lists, one problem each. */
public final class Problems {
    private Problems() {
    }

    public static List<String> of(Throwable error) {
        String m = error.getMessage();
        if (m == null || m.isBlank()) {
            m = error.getClass().getSimpleName();
        }
        return Arrays.stream(m.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
