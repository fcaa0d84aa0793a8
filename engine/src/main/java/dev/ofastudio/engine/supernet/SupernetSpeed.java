package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Benchmark (not a test): eval forward time of the max and min sub-networks, supernet versus the
 * extracted static model, at batch 1 and 64. Run with
 * {@code -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1} to pin 2 threads.
 * Arguments: [resolution (224)] [repeats at batch 1 (20)] [repeats at batch 64 (3)].
 */
@dev.ofastudio.engine.AllowedToUseStandardStreams("speed harness main: prints its timings")
public final class SupernetSpeed {
    private SupernetSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int r = args.length > 0 ? Integer.parseInt(args[0]) : 224;
        int reps1 = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int reps64 = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        var space = SearchSpace.mobileNetV3(1.0);
        try (NDManager manager = NDManager.newBaseManager()) {
            OfaSupernet net = new OfaSupernet(space);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, r, r));
            System.out.printf("threads: %s, resolution %d, w1.0, 1000 classes%n",
                    System.getProperty("ai.djl.pytorch.num_threads", "default"), r);
            System.out.println("net     batch  supernet_ms  static_ms   (median)");
            for (SubnetConfig c : new SubnetConfig[] {space.maxConfig(r), space.minConfig(r)}) {
                net.setActiveSubnet(c);
                StaticMobileNetV3 sub = SubnetExtractor.extract(net, c, manager);
                String name = c.ks(0) == 7 ? "max" : "min";
                for (int batch : new int[] {1, 64}) {
                    int reps = batch == 1 ? reps1 : reps64;
                    double[] ms = time(manager, batch, r, reps, (x) -> net.forward(ps(x), x, false),
                            (x) -> sub.forward(ps(x), x, false));
                    System.out.printf("%-7s %5d  %11.1f  %9.1f%n", name, batch, ms[0], ms[1]);
                }
            }
        }
    }

    private static ParameterStore ps(NDArray x) {
        return new ParameterStore(x.getManager(), false);
    }

    /** Median milliseconds of each model, the two interleaved run by run so load drifts hit both alike. */
    @SafeVarargs
    private static double[] time(NDManager manager, int batch, int r, int reps, Function<NDArray, NDArray>... fs) {
        double[][] ms = new double[fs.length][reps];
        for (int i = -2; i < reps; i++) { // two warm-up rounds
            for (int m = 0; m < fs.length; m++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = scope.randomNormal(new Shape(batch, 3, r, r));
                    long t0 = System.nanoTime();
                    fs[m].apply(x).toFloatArray();
                    if (i >= 0) {
                        ms[m][i] = (System.nanoTime() - t0) / 1e6;
                    }
                }
            }
        }
        double[] median = new double[fs.length];
        for (int m = 0; m < fs.length; m++) {
            Arrays.sort(ms[m]);
            median[m] = ms[m][reps / 2];
        }
        return median;
    }
}
