package dev.ofastudio.engine.predict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Micro-benchmark of {@link OfficialAccuracyPredictor} (not a test; no timing assertions anywhere).
 * Run: {@code java -cp engine/target/classes:engine/target/test-classes:<deps> dev.ofastudio.engine.predict.PredictorBench [pth] [seconds]}.
 * Reports predictions/second for batches of 100 (one search generation), batches of 1, and the
 * largest deviation from the PyTorch golden outputs.
 */
public final class PredictorBench {
    private PredictorBench() {
    }

    public static void main(String[] args) throws Exception {
        Path pth = args.length > 0 ? Path.of(args[0]) : Golden.officialPredictor();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        OfficialAccuracyPredictor p = OfficialAccuracyPredictor.load(pth);

        JsonNode cases = Golden.json("acc_predictor_cases.json").get("cases");
        List<SubnetConfig> golden = new ArrayList<>();
        cases.forEach(c -> golden.add(Golden.config(c.get("config"))));
        double[] got = p.predict(golden);
        double maxDiff = 0;
        for (int i = 0; i < got.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(got[i] - cases.get(i).get("predicted_acc").asDouble()));
        }
        System.out.printf("max |java - pytorch| over %d golden cases: %.3g%n", got.length, maxDiff);

        Random rnd = new Random(42);
        List<List<SubnetConfig>> batches = new ArrayList<>();
        for (int b = 0; b < 64; b++) {
            List<SubnetConfig> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                batch.add(OfficialAccuracyPredictorTest.randomConfig(rnd));
            }
            batches.add(batch);
        }
        System.out.println("(wall = elapsed time; cpu = this thread's CPU time, which excludes time other"
                + " processes took on a shared machine)");
        for (int round = 0; round < 3; round++) {
            System.out.printf("round %d: batch of 100: %s; batch of 1: %s%n", round,
                    rate(p, batches, seconds, false), rate(p, batches, seconds / 2, true));
        }
        // The tutorial's search: 500 generations x 100 children.
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        double sink = 0;
        for (int g = 0; g < 500; g++) {
            sink += p.predict(batches.get(g % batches.size()))[0];
        }
        System.out.printf("500 x 100 predictions: %.3f s wall, %.3f s cpu (sink %.3f)%n", (System.nanoTime() - t0) / 1e9,
                (CPU.getCurrentThreadCpuTime() - c0) / 1e9, sink);
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static String rate(OfficialAccuracyPredictor p, List<List<SubnetConfig>> batches, double seconds,
            boolean single) {
        long n = 0;
        double sink = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long cpu0 = CPU.getCurrentThreadCpuTime();
        int b = 0;
        while (System.nanoTime() < end) {
            List<SubnetConfig> batch = batches.get(b++ % batches.size());
            if (single) {
                for (SubnetConfig c : batch) {
                    sink += p.predict(c);
                }
            } else {
                sink += p.predict(batch)[0];
            }
            n += batch.size();
        }
        if (sink == 42) {
            System.out.print("");
        }
        return String.format("%,.0f/s wall, %,.0f/s cpu", n / ((System.nanoTime() - start) / 1e9),
                n / ((CPU.getCurrentThreadCpuTime() - cpu0) / 1e9));
    }
}
