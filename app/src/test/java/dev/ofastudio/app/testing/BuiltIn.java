package dev.ofastudio.app.testing;

import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.project.Project;

/**
 * The built-in ImageNet project, whose predictor is the official OFA one (shipped in the engine).
 * Fashion-MNIST is the studio's default; tests written against ImageNet's w1.2 space (and the
 * fakes, whose predictor knows only that space) open ImageNet as the remembered project.
 */
public final class BuiltIn {
    private BuiltIn() {
    }

    public static Project imagenet() {
        try {
            return BuiltInProjects.load(BuiltInProjects.IMAGENET);
        } catch (OfaException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fresh settings that remember ImageNet, so start-up opens it instead of the default. */
    public static MemorySettings openingImageNet() {
        MemorySettings s = new MemorySettings();
        s.setProject(BuiltInProjects.IMAGENET);
        return s;
    }
}
