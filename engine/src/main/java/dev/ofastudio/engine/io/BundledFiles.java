package dev.ofastudio.engine.io;

import dev.ofastudio.engine.OfaException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * Files packaged with the engine (built-in projects), as {@link Path}s: a plain file when the
 * engine runs from its build folder, a path in the jar's zip file system when it runs from the
 * jar. Either way the ordinary readers ({@code Files.list}, {@code Files.newInputStream}) work.
 */
public final class BundledFiles {
    private BundledFiles() {
    }

    /** True if the engine carries {@code resource} (an absolute resource name). */
    public static boolean exists(String resource) {
        return BundledFiles.class.getResource(resource) != null;
    }

    /** The packaged file or folder {@code resource} (an absolute resource name such as {@code /dev/...}). */
    public static Path path(String resource) throws OfaException {
        URL url = BundledFiles.class.getResource(resource);
        if (url == null) {
            throw new OfaException("the engine lacks its packaged file " + resource + " (a damaged installation?)");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                openJar(uri);
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException | RuntimeException e) {
            throw new OfaException("cannot open the packaged file " + resource + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A path saved as {@code path.toUri()}: a file inside a jar ({@code jar:} URI, as a workspace
     * stores a packaged file) or a plain file.
     */
    public static Path of(URI uri) throws OfaException {
        try {
            if ("jar".equals(uri.getScheme())) {
                openJar(uri);
            }
            return Path.of(uri);
        } catch (IOException | RuntimeException e) {
            throw new OfaException(uri + ": cannot open (" + e.getMessage() + ")", e);
        }
    }

    /** How to save {@code p} so that {@link #of(URI)} or {@link Path#of(String, String...)} finds it again. */
    public static String text(Path p) {
        return p.getFileSystem() == FileSystems.getDefault() ? p.toAbsolutePath().toString() : p.toUri().toString();
    }

    /** Reads back what {@link #text(Path)} wrote. */
    public static Path fromText(String s) throws OfaException {
        return s.startsWith("jar:") ? of(URI.create(s)) : Path.of(s);
    }

    /** Opens the jar's zip file system once; it stays open for the life of the process. */
    private static synchronized void openJar(URI uri) throws IOException {
        try {
            FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException notYet) {
            FileSystems.newFileSystem(uri, Map.of());
        }
    }
}
