package dev.ofastudio.engine.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.predict.PredictorFile;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SearchSpaces;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Project folders for tests: the Fashion-MNIST space with a seeded random predictor of ours (a
 * stand-in for the real one, never shipped), and a project.json the caller can extend.
 */
public final class TinyProjects {
    private TinyProjects() {
    }

    /** The space the Fashion-MNIST project ships: w1.0, 10 classes, 1 channel, 24..40 step 4. */
    public static SearchSpace fashionMnistSpace() {
        return Mbv3Space.mobileNetV3(1.0).withResolutions(List.of(24, 28, 32, 36, 40)).withNumClasses(10)
                .withInputChannels(1);
    }

    /**
     * A project folder {@code dir} for {@code space}: predictor {@code acc.predictor}, boards
     * zcu102 and kv260, plus whatever {@code extra} adds to project.json.
     */
    public static Path write(Path dir, SearchSpace space, Consumer<ObjectNode> extra) throws Exception {
        Files.createDirectories(dir);
        PredictorFile.write(TestPredictors.random(space, 8, 3), dir.resolve("acc.predictor"));
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("format", "ofa-studio-project");
        p.put("version", 1);
        p.put("name", "Tiny " + space.displayName());
        p.set("space", SearchSpaces.toJson(space));
        p.put("predictor", "acc.predictor");
        p.putArray("boards").add("zcu102").add("kv260");
        extra.accept(p);
        Files.writeString(dir.resolve("project.json"), Json.MAPPER.writeValueAsString(p));
        return dir;
    }

    /** The Fashion-MNIST-shaped project folder with nothing extra. */
    public static Path fashionMnist(Path dir) throws Exception {
        return write(dir, fashionMnistSpace(), p -> { });
    }
}
