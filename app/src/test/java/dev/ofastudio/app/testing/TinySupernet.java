package dev.ofastudio.app.testing;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import dev.ofastudio.engine.supernet.OfaSupernet;
import dev.ofastudio.engine.supernet.SupernetFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * A supernet file for {@link TinyFashionMnist} data without training it: a seeded, randomly
 * initialised supernet of a small grey 10-class space at 24 and 28 px, saved as our {@code .ofa}.
 * Evaluating its sub-networks takes a fraction of a second, enough for the accuracy dataset's
 * plumbing (its accuracies are those of an untrained net).
 */
public final class TinySupernet {
    /** Kernel 3, expand 3 or 4, depth 2 or 3: thousands of sub-networks, each small. */
    public static final Mbv3Space SPACE = Mbv3Space.mobileNetV3(1.0).withChoices(List.of(3), List.of(3, 4),
            List.of(2, 3)).withResolutions(List.of(24, 28)).withNumClasses(10).withInputChannels(1);

    private TinySupernet() {
    }

    /** Writes the supernet to {@code file}. */
    public static Path write(Path file) throws Exception {
        Engine.getInstance().setRandomSeed(11);
        try (NDManager manager = NDManager.newBaseManager()) {
            OfaSupernet net = new OfaSupernet(SPACE);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 24, 24));
            SupernetFiles.save(net, file);
        }
        return file;
    }
}
