package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.train.TrainStepBench;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** {@code ofa bench train-step}: runs {@link TrainStepBench} and prints its figures. */
final class TrainStepBenchOutput {
    /** Warm-up steps before the timed ones (the protocol: median of 10 after 2). */
    static final int WARMUPS = 2;

    private TrainStepBenchOutput() {
    }

    static int run(CommandLine cl, int resolution, int subnets, int batch, int runs, boolean json) throws OfaException {
        if (resolution < 16 || resolution > 512) {
            throw new OfaException("option --resolution: expected 16..512, found " + resolution);
        }
        if (subnets < 1 || subnets > 8) {
            throw new OfaException("option --subnets: expected 1..8, found " + subnets);
        }
        if (batch < 1 || batch > 1024) {
            throw new OfaException("option --batch: expected 1..1024, found " + batch);
        }
        if (runs < 1 || runs > 1000) {
            throw new OfaException("option --runs: expected 1..1000, found " + runs);
        }
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        TrainStepBench.Result r = TrainStepBench.run(resolution, subnets, batch, WARMUPS, runs);
        double load = Math.max(load0, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        var out = cl.getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("benchmark", "train-step");
            m.put("seconds_per_step", r.secondsPerStep());
            m.put("static_seconds_per_step", r.staticSecondsPerStep());
            m.put("elastic_over_static", r.secondsPerStep() / r.staticSecondsPerStep());
            m.put("resolution", resolution);
            m.put("subnets", subnets);
            m.put("batch", batch);
            m.put("runs", runs);
            m.put("warmups", WARMUPS);
            m.put("runs_seconds", r.runs());
            m.put("static_runs_seconds", r.staticRuns());
            m.put("parts_seconds", r.partsSeconds());
            m.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
            m.put("processors", Runtime.getRuntime().availableProcessors());
            m.put("load_average", load);
            JsonOutput.print(out, m);
        } else {
            out.printf("train step (w1.0, 10 classes, r%d, %d sub-network(s), batch %d): median %.3f s elastic, "
                    + "%.3f s static (%.2fx) over %d runs; parts %s; load average %.1f%n", resolution, subnets, batch,
                    r.secondsPerStep(), r.staticSecondsPerStep(), r.secondsPerStep() / r.staticSecondsPerStep(), runs,
                    r.partsSeconds(), load);
        }
        return 0;
    }
}
