package dev.ofastudio.engine.project;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.BundledFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The projects that ship inside the engine, each a folder {@code dev/ofastudio/engine/project/<id>/}
 * of resources with a {@code project.json}. The order of {@link #IDS} is the order the studio
 * offers them, and the first one present is the default: Fashion-MNIST once its predictor is
 * trained and committed, ImageNet (the official OFA predictor) until then.
 */
public final class BuiltInProjects {
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String IMAGENET = "imagenet";
    /** Every built-in id, default first. */
    public static final List<String> IDS = List.of(FASHION_MNIST, IMAGENET);
    private static final String ROOT = "/dev/ofastudio/engine/project/";

    private BuiltInProjects() {
    }

    /** True if this build carries project {@code id}. */
    public static boolean isBuilt(String id) {
        return IDS.contains(id) && BundledFiles.exists(ROOT + id + "/" + ProjectFile.NAME);
    }

    /** The built-in project {@code id}; an unknown id or one this build lacks fails with one line. */
    public static Project load(String id) throws OfaException {
        if (!IDS.contains(id)) {
            throw new OfaException("project '" + id + "': expected one of " + String.join(", ", IDS)
                    + " or a project folder");
        }
        if (!isBuilt(id)) {
            throw new OfaException("project '" + id + "' is not built yet: its predictor has not been trained "
                    + "and committed; use --project " + IMAGENET + " or a project folder");
        }
        return ProjectFile.read(BundledFiles.path(ROOT + id), id);
    }

    /** The built-in projects of this build, in {@link #IDS} order. */
    public static List<Project> available() throws OfaException {
        List<Project> out = new ArrayList<>();
        for (String id : IDS) {
            if (isBuilt(id)) {
                out.add(load(id));
            }
        }
        return out;
    }

    /** The project the studio opens first: the first built-in one present. */
    public static Project defaultProject() throws OfaException {
        for (String id : IDS) {
            if (isBuilt(id)) {
                return load(id);
            }
        }
        throw new OfaException("this build carries no built-in project (a damaged installation?)");
    }

    /** A {@code --project} argument: a built-in id, else a project folder. */
    public static Project resolve(String idOrFolder) throws OfaException {
        if (IDS.contains(idOrFolder)) {
            return load(idOrFolder);
        }
        Path dir;
        try {
            dir = Path.of(idOrFolder).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            dir = null;
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OfaException("project '" + idOrFolder + "': expected " + String.join(", ", IDS)
                    + " or a project folder (with " + ProjectFile.NAME + "), found no such folder");
        }
        return ProjectFile.read(dir, dir.toString());
    }
}
