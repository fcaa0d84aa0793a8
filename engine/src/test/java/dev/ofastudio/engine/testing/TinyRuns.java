package dev.ofastudio.engine.testing;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.data.Dataset;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.space.SearchSpaces;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import dev.ofastudio.engine.supernet.OfaSupernet;
import dev.ofastudio.engine.supernet.SupernetFiles;
import dev.ofastudio.engine.train.RunFolder;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished-looking training run without the training: a run folder with {@code run.json} and a
 * seeded, randomly initialised {@code supernet.ofa} of a small grey 10-class space, over a
 * {@link TinyDatasets} Fashion-MNIST folder. Enough for the accuracy dataset's plumbing.
 */
public final class TinyRuns {
    /** K{3}, E{3,4}, D{2,3} at 24 and 28 px: a small supernet that still has thousands of sub-networks. */
    public static final Mbv3Space SPACE = Mbv3Space.mobileNetV3(1.0).withChoices(List.of(3), List.of(3, 4), List.of(2, 3))
            .withResolutions(List.of(24, 28)).withNumClasses(10).withInputChannels(1);

    private TinyRuns() {
    }

    /** A run folder in {@code dir} over the data in {@code data}, with {@code holdout} holdout images. */
    public static Path run(Path dir, Path data, int holdout) throws Exception {
        RunFolder run = RunFolder.open(dir, false);
        run.close(); // only its files are written here, no training
        Dataset ds = Dataset.open(data, 28);
        Engine.getInstance().setRandomSeed(7);
        try (NDManager m = NDManager.newBaseManager()) {
            OfaSupernet net = new OfaSupernet(SPACE);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 24, 24));
            SupernetFiles.save(net, run.supernet());
        }
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("format", "ofa-studio-training-run");
        n.put("version", 1);
        n.put("preset", "fashion-mnist");
        n.put("data", data.toAbsolutePath().toString());
        n.put("data_kind", ds.kind());
        n.put("train_images", ds.train().size() - holdout);
        n.put("holdout_images", holdout);
        n.set("space", SearchSpaces.toJson(SPACE));
        run.writeJson(run.runInfo(), n);
        return dir;
    }
}
