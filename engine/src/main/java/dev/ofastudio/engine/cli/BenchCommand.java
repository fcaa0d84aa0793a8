package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.search.Budget;
import dev.ofastudio.engine.search.EvolutionSearch;
import dev.ofastudio.engine.search.SearchResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ofa bench search}: the median wall time of the evolutionary search (by default the built-in
 * ImageNet project: official predictor, Note10 table; 25 ms, 100 × 500) over several runs after a warm-up run, and the speed-up over the
 * OFA tutorial's 22.17 s (digest §5.3). Building the search (loading files, compiling the table)
 * is not timed; each run is the whole search including every predictor call.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: 'ofa bench search' times the evolutionary search (median of --runs after a warm-up).")
final class BenchCommand implements Callable<Integer> {
    /** The OFA tutorial's note10 @ 25 ms search time on the authors' machine (digest §5.3). */
    static final double TUTORIAL_SECONDS = 22.17;

    /** The benchmarks, as typed on the command line. */
    static final class Targets extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Targets() {
            super(java.util.List.of("search", "train-step"));
        }
    }

    @Parameters(index = "0", completionCandidates = Targets.class,
            description = "What to benchmark: ${COMPLETION-CANDIDATES}.")
    String target;

    @Option(names = "--resolution", defaultValue = "32", description = "train-step: input resolution (default 32).")
    int resolution;

    @Option(names = "--subnets", defaultValue = "1", description = "train-step: sub-networks per step (default 1).")
    int subnets;

    @Option(names = "--batch", defaultValue = "64", description = "train-step: batch size (default 64).")
    int batch;

    @Option(names = "--predictor", description = "Accuracy predictor (default: the project's; the built-in "
            + "ImageNet project ships the official acc_predictor.pth).")
    Path predictor;

    @Option(names = "--max-latency-ms", defaultValue = "25", description = "Latency budget (default ${DEFAULT-VALUE}).")
    double maxLatencyMs;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs after one warm-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", description = "Print JSON: {\"median_seconds\", \"runs_seconds\", \"speedup_vs_tutorial\", ...}.")
    boolean json;

    @Mixin
    SearchOptions options = new SearchOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ("train-step".equals(target)) {
            return TrainStepBenchOutput.run(spec.commandLine(), resolution, subnets, batch,
                    spec.commandLine().getParseResult().hasMatchedOption("--runs") ? runs : 10, json);
        }
        if (!"search".equals(target)) {
            throw new dev.ofastudio.engine.OfaException("bench: expected search or train-step, found " + target);
        }
        if (runs < 1) {
            throw new dev.ofastudio.engine.OfaException("option --runs: expected at least 1, found " + runs);
        }
        if (options.project == null) {
            // The tutorial's setting: the official predictor and the Note10 table, both shipped.
            options.project = BuiltInProjects.IMAGENET;
        }
        EvolutionSearch search = options.build(predictor, SearchOptions.budget(maxLatencyMs, null));
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        SearchResult warm = search.run(ProgressListener.NONE, Cancellation.NEVER);
        if (!json) {
            err.printf("warm-up: %.3f s%n", warm.seconds());
            err.flush();
        }
        double[] seconds = new double[runs];
        double[] cpuSeconds = new double[runs];
        double load = ProcessCpu.loadAverage();
        SearchResult last = warm;
        for (int i = 0; i < runs; i++) {
            long c0 = ProcessCpu.nanos();
            long t0 = System.nanoTime();
            last = search.run(ProgressListener.NONE, Cancellation.NEVER);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            cpuSeconds[i] = (ProcessCpu.nanos() - c0) / 1e9;
            if (!json) {
                err.printf("run %d: %.3f s (process CPU %.3f s)%n", i + 1, seconds[i], cpuSeconds[i]);
                err.flush();
            }
        }
        load = Math.max(load, ProcessCpu.loadAverage());
        double median = median(seconds);
        double medianCpu = median(cpuSeconds);
        double speedup = TUTORIAL_SECONDS / median;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("benchmark", "search");
            m.put("median_seconds", median);
            m.put("runs_seconds", seconds);
            m.put("warmup_seconds", warm.seconds());
            m.put("median_process_cpu_seconds", medianCpu);
            m.put("speedup_vs_tutorial", speedup);
            m.put("tutorial_seconds", TUTORIAL_SECONDS);
            m.put("population", options.population);
            m.put("generations", options.generations);
            m.put("max_latency_ms", maxLatencyMs);
            m.put("best_accuracy", last.best().accuracy());
            m.put("best_latency_ms", last.best().latencyMs());
            m.put("processors", Runtime.getRuntime().availableProcessors());
            m.put("load_average", load);
            JsonOutput.print(out, m);
        } else {
            int cpus = Runtime.getRuntime().availableProcessors();
            out.printf("search (population %d, %d generations, %.1f ms budget, %d CPUs): median %.3f s over %d runs"
                    + " (process CPU %.3f s)%nspeed-up vs the OFA tutorial's %.2f s: %.1fx%n"
                    + "best: accuracy %.4f at %.3f ms%n",
                    options.population, options.generations, maxLatencyMs, cpus, median, runs, medianCpu,
                    TUTORIAL_SECONDS, speedup, last.best().accuracy(), last.best().latencyMs());
            if (load > cpus) {
                out.printf("note: load average %.1f on %d CPUs during the runs; wall times are inflated%n", load, cpus);
            }
        }
        return 0;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
