package dev.ofastudio.engine.latency.dpu;

import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Not a test: measures how many sub-networks per second {@link DpuLatencyModel#analyze} reports. */
public final class DpuAnalyzeBench {
    private DpuAnalyzeBench() {
    }

    public static void main(String[] args) throws Exception {
        SearchSpace space = SearchSpace.mobileNetV3(1.2);
        Random rnd = new Random(1);
        List<NetworkDescription> nets = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int[] ks = new int[20];
            int[] e = new int[20];
            int[] d = new int[5];
            for (int b = 0; b < 20; b++) {
                ks[b] = space.kernelSizes().get(rnd.nextInt(3));
                e[b] = space.expandRatios().get(rnd.nextInt(3));
            }
            for (int s = 0; s < 5; s++) {
                d[s] = space.depths().get(rnd.nextInt(3));
            }
            nets.add(space.describe(new SubnetConfig(ks, e, d, 128 + 4 * rnd.nextInt(25))));
        }
        DpuLatencyModel model = new DpuLatencyModel(BoardSpecs.load("zcu102"));
        double sink = 0;
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            for (NetworkDescription n : nets) {
                sink += model.analyze(n).latencyMs();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("run %d: %d nets in %.3f s = %.0f nets/s (%.1f us/net)%n", rep, nets.size(), s,
                    nets.size() / s, 1e6 * s / nets.size());
        }
        System.out.println("checksum " + sink);
    }
}
