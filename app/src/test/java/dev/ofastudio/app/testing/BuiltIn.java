package dev.ofastudio.app.testing;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.project.Project;

/** The built-in ImageNet project, whose predictor is the official OFA one (shipped in the engine). */
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
}
