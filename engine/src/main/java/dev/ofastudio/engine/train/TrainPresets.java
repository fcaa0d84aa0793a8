package dev.ofastudio.engine.train;

import dev.ofastudio.engine.data.Dataset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Named recipes. {@code fashion-mnist} is OFA's progressive shrinking (digest §2) scaled to a
 * 2-core CPU: the same phases, sampling, KD, optimizer, label smoothing and per-GPU learning rates
 * (batch 64 as one of OFA's GPUs), with epochs cut so that the whole run fits in two hours while
 * other work shares the machine. Measured step times (bench train-step, idle, r32: 0.44 s static,
 * 0.63 s with 1 sub-network, 0.99 s with 2; 1.5-2x that under shared load) give
 * 4 + 1 + 0.25 + 0.5 + 0.25 + 0.25 epochs (5,370 steps); the teacher gets the most, since every
 * later phase distils from it. Small images call for resolutions 24..40 and 1-channel input.
 */
public final class TrainPresets {
    private static final List<Integer> K = List.of(3, 5, 7);
    private static final List<Integer> E = List.of(3, 4, 6);
    private static final List<Integer> D = List.of(2, 3, 4);

    /** The OFA phase sequence with the given epochs per phase (teacher, kernel, depth 1/2, expand 1/2). */
    static List<PhaseSpec> ofaPhases(double teacher, double kernel, double depth1, double depth2, double expand1,
            double expand2) {
        return List.of(
                new PhaseSpec("teacher", List.of(7), List.of(6), List.of(4), 1, teacher, teacher * 0.05, 0.08, -1,
                        true),
                new PhaseSpec("kernel", K, List.of(6), List.of(4), 1, kernel, kernel * 0.04, 0.03, -1, false),
                new PhaseSpec("depth-1", K, List.of(6), List.of(3, 4), 2, depth1, 0, 0.0025, -1, false),
                new PhaseSpec("depth-2", K, List.of(6), D, 2, depth2, depth2 * 0.04, 0.0075, -1, false),
                new PhaseSpec("expand-1", K, List.of(4, 6), D, 4, expand1, 0, 0.0025, 0, false),
                new PhaseSpec("expand-2", K, E, D, 4, expand2, expand2 * 0.04, 0.0075, 1, false));
    }

    private static final Map<String, TrainPreset> PRESETS = Map.of(
            "fashion-mnist", new TrainPreset("fashion-mnist", Dataset.DEBIAN_FASHION_MNIST, 1.0,
                    IntStream.iterate(24, r -> r <= 40, r -> r + 4).boxed().toList(), 32, 64,
                    ofaPhases(4, 1, 0.25, 0.5, 0.25, 0.25), 5000, 2000, 100, 0.9, 3e-5, 0.1, 1.0, 0.1f, 0L));

    private TrainPresets() {
    }

    public static List<String> names() {
        return PRESETS.keySet().stream().sorted().toList();
    }

    /** The preset, or null. */
    public static TrainPreset byName(String name) {
        return PRESETS.get(name);
    }
}
