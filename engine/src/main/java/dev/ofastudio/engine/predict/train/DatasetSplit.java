package dev.ofastudio.engine.predict.train;

import dev.ofastudio.engine.accuracy.AccuracyRow;
import dev.ofastudio.engine.data.Splits;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded train / validation / test split of an accuracy dataset by architecture: every
 * resolution of one architecture lands in the same part, so the test figures measure
 * architectures the predictor never saw (a split by row would leak them across resolutions).
 */
public record DatasetSplit(List<AccuracyRow> train, List<AccuracyRow> validation, List<AccuracyRow> test) {
    /** Shares of the architectures: 70 % train, 15 % validation, 15 % test. */
    public static final double VALIDATION_SHARE = 0.15;
    public static final double TEST_SHARE = 0.15;

    public DatasetSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    public static DatasetSplit of(List<AccuracyRow> rows, long seed) {
        Map<SubnetConfig, List<AccuracyRow>> byArch = new LinkedHashMap<>();
        List<AccuracyRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Integer.compare(a.index(), b.index()));
        for (AccuracyRow r : sorted) {
            byArch.computeIfAbsent(r.config().withResolution(0), k -> new ArrayList<>()).add(r);
        }
        List<List<AccuracyRow>> groups = new ArrayList<>(byArch.values());
        int[] order = Splits.permutation(groups.size(), new Random(seed));
        int nTest = (int) Math.round(groups.size() * TEST_SHARE);
        int nVal = (int) Math.round(groups.size() * VALIDATION_SHARE);
        List<AccuracyRow> test = new ArrayList<>();
        List<AccuracyRow> val = new ArrayList<>();
        List<AccuracyRow> train = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            List<AccuracyRow> g = groups.get(order[i]);
            (i < nTest ? test : i < nTest + nVal ? val : train).addAll(g);
        }
        return new DatasetSplit(train, val, test);
    }
}
