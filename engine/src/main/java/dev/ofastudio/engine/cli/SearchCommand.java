package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ConsoleProgressBar;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.search.Budget;
import dev.ofastudio.engine.search.Candidate;
import dev.ofastudio.engine.search.EvolutionSearch;
import dev.ofastudio.engine.search.SearchHistoryFiles;
import dev.ofastudio.engine.search.SearchResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ofa search}: OFA's evolutionary search (digest §5) for the most accurate sub-network
 * within a latency and/or MACs budget.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Evolutionary search for the most accurate sub-network within a latency and/or MACs budget.")
final class SearchCommand implements Callable<Integer> {
    @Option(names = "--predictor", description = "Accuracy predictor checkpoint (acc_predictor.pth); "
            + "default: the --project's predictor.")
    Path predictor;

    @Option(names = "--max-latency-ms", description = "Latency budget in ms (needs --lut, --board, --profile or --project).")
    Double maxLatencyMs;

    @Option(names = "--max-macs", description = "MACs budget (multiply-accumulates at batch 1).")
    Long maxMacs;

    @Option(names = "--history", description = "Write every evaluated candidate to this file "
            + "(.json: JSON list; otherwise CSV generation,accuracy,latency_ms,macs,r,d,ks,e).")
    Path history;

    @Option(names = "--json", description = "Print JSON: {\"accuracy\", \"latency_ms\", \"macs\", \"config\", \"seconds\", ...}.")
    boolean json;

    @Mixin
    SearchOptions options = new SearchOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Budget budget = SearchOptions.budget(maxLatencyMs, maxMacs);
        EvolutionSearch search = options.build(predictor, budget);
        SearchResult result;
        // The bar draws only on a terminal, so piped stderr stays clean.
        ProgressListener bar = System.console() != null ? new ConsoleProgressBar(System.err) : ProgressListener.NONE;
        try {
            result = search.run(bar, Cancellation.NEVER);
        } finally {
            if (bar instanceof ConsoleProgressBar c) {
                c.close();
            }
        }
        if (history != null) {
            SearchHistoryFiles.write(history, result.history());
        }
        Candidate best = result.best();
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accuracy", best.accuracy());
            m.put("latency_ms", Double.isNaN(best.latencyMs()) ? null : best.latencyMs());
            m.put("macs", best.macs());
            m.put("config", SubnetConfigJson.toJson(best.config()));
            m.put("seconds", result.seconds());
            m.put("history_size", result.history().size());
            m.put("generations", options.generations);
            m.put("population", options.population);
            m.put("seed", options.seed);
            m.put("width", options.space().widthMult());
            m.put("project", options.project() == null ? null : options.project().id());
            m.put("resolutions", options.space().resolutions());
            m.put("max_latency_ms", budget.limitsLatency() ? budget.maxLatencyMs() : null);
            m.put("max_macs", budget.limitsMacs() ? budget.maxMacs() : null);
            m.put("predictor_calls", result.predictorCalls());
            if (history != null) {
                m.put("history_file", history.toString());
            }
            JsonOutput.print(out, m);
        } else {
            out.printf("Best sub-network (%s):%n", budget.describe());
            out.printf("  predicted accuracy %.4f%n", best.accuracy());
            if (!Double.isNaN(best.latencyMs())) {
                out.printf("  latency            %.3f ms%n", best.latencyMs());
            }
            out.printf("  MACs               %,d (%.1fM)%n", best.macs(), best.macs() / 1e6);
            out.printf("  config             %s%n", best.config());
            out.printf("%d candidates in %d generations, %.3f s%n", result.history().size(),
                    options.generations, result.seconds());
        }
        return 0;
    }
}
