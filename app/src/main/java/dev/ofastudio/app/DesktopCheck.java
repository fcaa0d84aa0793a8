package dev.ofastudio.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the studio needs from a Linux desktop before JavaFX starts: a display and GTK 3. Without
 * them JavaFX fails with a stack trace; this names the missing piece and how to get it, in one line.
 */
final class DesktopCheck {
    static final String GTK3 = "libgtk-3.so.0";
    private static final List<String> LIB_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib64", "/lib");

    private DesktopCheck() {
    }

    /** The problem as one line, or null when the studio can start. */
    static String problem(String os, Map<String, String> env, String glassPlatform) {
        return problem(os, env, glassPlatform, LIB_DIRS);
    }

    /** As {@link #problem(String, Map, String)}, looking for GTK in {@code systemDirs}. */
    static String problem(String os, Map<String, String> env, String glassPlatform, List<String> systemDirs) {
        if (!os.toLowerCase(Locale.ROOT).contains("linux") || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return null; // other desktops always have a display; Monocle (tests) needs none
        }
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return "ofa studio: no display (DISPLAY is not set): run it in a desktop session, with ssh -X, "
                    + "or headless under xvfb-run ./ofa studio";
        }
        if (findLibrary(GTK3, env, systemDirs) == null) {
            return "ofa studio: GTK 3 (" + GTK3 + ") is not installed; install it with "
                    + "'sudo apt-get install libgtk-3-0' (Debian/Ubuntu) or 'sudo dnf install gtk3' (Fedora)";
        }
        return null;
    }

    /** The library in LD_LIBRARY_PATH or the usual system folders, or null. */
    static Path findLibrary(String name, Map<String, String> env, List<String> systemDirs) {
        List<String> dirs = new ArrayList<>();
        String ld = env.get("LD_LIBRARY_PATH");
        if (!blank(ld)) {
            dirs.addAll(List.of(ld.split(":")));
        }
        dirs.addAll(systemDirs);
        for (String d : dirs) {
            if (!d.isBlank() && Files.exists(Path.of(d, name))) {
                return Path.of(d, name);
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
