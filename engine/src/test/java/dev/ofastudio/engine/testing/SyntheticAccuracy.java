package dev.ofastudio.engine.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.accuracy.AccuracyDatasetFile;
import dev.ofastudio.engine.accuracy.AccuracyRow;
import dev.ofastudio.engine.accuracy.SamplePlan;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SearchSpaces;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy datasets whose top-1 is a known function of the encoding, so a predictor's figures can
 * be judged without a supernet: 0.60 + 0.01 per resolution step, plus per running block 0.0015
 * per kernel step and 0.002 per expand step (a linear function of OFA's one-hot encoding).
 */
public final class SyntheticAccuracy {
    /** The Fashion-MNIST space of the trainer's preset: w1.0, K{3,5,7}, E{3,4,6}, D{2,3,4}, r 24..40 step 4, grey, 10 classes. */
    public static final SearchSpace FMNIST = dev.ofastudio.engine.space.mbv3.Mbv3Space.mobileNetV3(1.0)
            .withResolutions(List.of(24, 28, 32, 36, 40)).withNumClasses(10).withInputChannels(1);

    private SyntheticAccuracy() {
    }

    public static double top1(SearchSpace space, SubnetConfig c) {
        double a = 0.60 + 0.01 * space.resolutions().indexOf(c.r());
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (c.isActive(b)) {
                a += 0.0015 * space.kernelSizes().indexOf(c.ks(b)) + 0.002 * space.expandRatios().indexOf(c.e(b));
            }
        }
        return a;
    }

    public static List<AccuracyRow> rows(SearchSpace space, int n, long seed) throws Exception {
        List<SubnetConfig> plan = SamplePlan.of(space, space.resolutions(), n, seed);
        List<AccuracyRow> rows = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            SubnetConfig c = plan.get(i);
            rows.add(new AccuracyRow(i, c, top1(space, c), space.describe(c).macs(), space.describe(c).params(), 0.5,
                    5000, 1.0));
        }
        return rows;
    }

    /** The rows written as an accuracy dataset file of 'ofa dataset build'. */
    public static Path write(Path file, SearchSpace space, int n, long seed) throws Exception {
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("format", AccuracyDatasetFile.FORMAT);
        h.put("version", AccuracyDatasetFile.VERSION);
        h.put("supernet_sha256", "synthetic");
        h.set("space", SearchSpaces.toJson(space));
        space.resolutions().forEach(h.putArray("resolutions")::add);
        h.put("n", n);
        h.put("seed", seed);
        h.put("holdout_images", 5000);
        try (AccuracyDatasetFile.Appender a = AccuracyDatasetFile.Appender.create(file, h)) {
            for (AccuracyRow r : rows(space, n, seed)) {
                a.append(r);
            }
        }
        return file;
    }
}
