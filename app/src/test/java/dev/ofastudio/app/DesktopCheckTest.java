package dev.ofastudio.app;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-line reasons the studio gives instead of a JavaFX stack trace. */
class DesktopCheckTest {
    @TempDir
    Path libs;

    @Test
    void noDisplayOnLinuxNamesDisplayAndXvfb() {
        String p = DesktopCheck.problem("Linux", Map.of(), null);
        assertTrue(p.contains("DISPLAY") && p.contains("xvfb-run") && !p.contains("\n"), p);
    }

    @Test
    void waylandAloneIsADisplay() throws Exception {
        Files.createFile(libs.resolve(DesktopCheck.GTK3));
        assertNull(DesktopCheck.problem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0",
                "LD_LIBRARY_PATH", libs.toString()), null));
    }

    @Test
    void missingGtkNamesThePackage() {
        String p = DesktopCheck.problem("Linux", Map.of("DISPLAY", ":0", "LD_LIBRARY_PATH", libs.toString()), null,
                List.of(libs.resolve("none").toString()));
        assertTrue(p.contains("libgtk-3.so.0") && p.contains("apt-get install libgtk-3-0") && !p.contains("\n"), p);
    }

    @Test
    void gtkIsFoundThroughLdLibraryPath() throws Exception {
        Files.createFile(libs.resolve(DesktopCheck.GTK3));
        assertTrue(DesktopCheck.findLibrary(DesktopCheck.GTK3, Map.of("LD_LIBRARY_PATH", "/nowhere:" + libs), List.of())
                .startsWith(libs));
    }

    @Test
    void monocleAndOtherSystemsNeedNoCheck() {
        assertNull(DesktopCheck.problem("Linux", Map.of(), "Monocle"));
        assertNull(DesktopCheck.problem("Windows 11", Map.of(), null));
    }
}
