package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.predict.AccuracyPredictors;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.project.Project;
import dev.ofastudio.engine.progress.ConsoleProgressBar;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.search.EvolutionConfig;
import dev.ofastudio.engine.study.EvolutionBudgetSearch;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.LatencySources;
import dev.ofastudio.engine.study.ReferenceMarkers;
import dev.ofastudio.engine.study.ReferenceNet;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.engine.study.StudyJson;
import dev.ofastudio.engine.study.Sweep;
import dev.ofastudio.engine.study.SweepRequest;
import dev.ofastudio.engine.space.SearchSpace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ofa sweep}: the studio's sweep without the studio: a random cloud plus one evolutionary
 * search per budget and board, with each board's Pareto front. Same engine code, same result.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Random cloud plus one search per budget and board; prints each search's winner and each board's Pareto front.")
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--predictor", description = "Accuracy predictor: acc_predictor.pth or a file "
            + "of 'ofa predictor train' (which brings its own space; --width then must match or be left out). "
            + "Default: the --project's.")
    Path predictor;

    @Option(names = "--project", paramLabel = SearchOptions.PROJECT_LABEL, description = "A built-in project or a "
            + "project folder: gives the predictor (unless --predictor), the space and the boards (unless "
            + "--board/--source), each priced for the project's space.")
    String project;

    @Option(names = "--board", split = ",", description = "Shipped board(s): zcu102, zcu104, kv260 (repeat or comma-separate).")
    List<String> boards = new ArrayList<>();

    @Option(names = "--source", paramLabel = "FILE", description = "A latency source file: board profile or spec (JSON), CSV table or OFA YAML folder (repeatable).")
    List<Path> sources = new ArrayList<>();

    @Option(names = "--budgets", defaultValue = "6", description = "Budgets per board, spread over its feasible latency range (default ${DEFAULT-VALUE}).")
    int budgets;

    @Option(names = "--random", defaultValue = "10000", description = "Random sub-networks in the cloud (default ${DEFAULT-VALUE}).")
    int random;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--width", description = "OFA space width: 1.0 or 1.2 (default: the predictor's space, else 1.2, "
            + "the official predictor's).")
    Double width;

    @Option(names = "--population", defaultValue = "100", description = "Search population (default ${DEFAULT-VALUE}, OFA's).")
    int population;

    @Option(names = "--generations", defaultValue = "500", description = "Search generations (default ${DEFAULT-VALUE}, OFA's).")
    int generations;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the result with every evaluated net to this JSON file.")
    Path out;

    @Option(names = "--json", description = "Print JSON: {\"boards\", \"references\", \"searches\", \"fronts\", ...}.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (budgets < 0 || budgets > 100) {
            throw new OfaException("option --budgets: expected 0..100, found " + budgets);
        }
        if (random < 0 || random > 1_000_000) {
            throw new OfaException("option --random: expected 0..1000000, found " + random);
        }
        if (population < 4 || population > 10_000 || generations < 0 || generations > 100_000) {
            throw new OfaException("options --population/--generations: expected 4..10000 and 0..100000, found "
                    + population + " and " + generations);
        }
        Project proj = project == null ? null : BuiltInProjects.resolve(project);
        Path predictorFile = SearchOptions.predictorFile(predictor, proj);
        AccuracyPredictor acc = AccuracyPredictors.load(predictorFile);
        SearchSpace space = proj != null && acc.trainedSpace().isPresent() ? proj.space()
                : acc.trainedSpace().orElse(null);
        if (space == null) {
            double w = width != null ? width : proj != null ? proj.space().widthMult() : 1.2;
            if (w != 1.0 && w != 1.2) {
                throw new OfaException("option --width: expected 1.0 or 1.2, found " + w);
            }
            space = SearchSpace.mobileNetV3(w);
        } else if (width != null && width != space.widthMult()) {
            throw new OfaException("option --width: expected the predictor's space width " + space.widthMult()
                    + ", found " + width);
        }
        AccuracyPredictors.requireSupports(acc, space, predictorFile.toString());
        List<LatencySource> srcs = new ArrayList<>();
        for (String b : boards) {
            srcs.add(proj != null ? proj.board(b) : LatencySources.shipped(b));
        }
        for (Path p : sources) {
            srcs.add(LatencySources.open(p));
        }
        if (srcs.isEmpty()) {
            srcs.addAll(proj != null && !proj.boards().isEmpty() ? proj.boardSources() : LatencySources.shipped());
        }
        SweepRequest req = new SweepRequest(space, acc,
                srcs, budgets, random, seed);
        ProgressListener bar = System.console() != null ? new ConsoleProgressBar(System.err) : ProgressListener.NONE;
        long t0 = System.nanoTime();
        long cpu0 = ProcessCpu.nanos();
        ResultTable table;
        try {
            table = new Sweep(new EvolutionBudgetSearch(EvolutionConfig.defaults().withPopulation(population,
                    generations))).run(req, bar, Cancellation.NEVER);
        } finally {
            if (bar instanceof ConsoleProgressBar c) {
                c.close();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (ProcessCpu.nanos() - cpu0) / 1e9;
        // ImageNet networks say nothing about another data set's accuracies.
        ReferenceMarkers refs = ReferenceMarkers.evaluate(proj == null || proj.comparesToImageNet()
                ? ReferenceNet.standard() : List.of(), srcs);
        if (out != null) {
            AtomicFiles.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(StudyJson.of(req, table, refs, true)));
        }
        var w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = StudyJson.of(req, table, refs, false);
            m.put("seconds", seconds);
            m.put("cpu_seconds", cpuSeconds);
            if (out != null) {
                m.put("out", out.toString());
            }
            JsonOutput.print(w, m);
            return 0;
        }
        w.printf("%,d sub-networks on %d board(s) in %.1f s%n", table.size(), srcs.size(), seconds);
        for (int[] s : StudyJson.searchWinners(table)) {
            int i = s[1];
            w.printf("%-10s budget %7.3f ms: top-1 %.2f%% at %.3f ms, %.0f MMACs, r=%d%n", table.boards().get(s[0]),
                    table.budget(i), table.accuracy(i), table.latency(s[0], i), table.macs(i) / 1e6, table.config(i).r());
        }
        for (int b = 0; b < table.boards().size(); b++) {
            w.printf("%s: Pareto front of %d nets%n", table.boards().get(b), table.front(b).length);
        }
        return 0;
    }
}
