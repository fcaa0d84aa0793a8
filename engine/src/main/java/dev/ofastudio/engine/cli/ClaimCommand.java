package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.claim.SeedClaim;
import dev.ofastudio.engine.latency.dpu.BoardSpec;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.predict.AccuracyPredictors;
import dev.ofastudio.engine.predict.ParallelAccuracyPredictor;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.search.EvolutionConfig;
import dev.ofastudio.engine.space.mbv3.SpaceVariant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ofa claim}: the seed's OFA-vs-MobileNetV2 claim against what the DPU model says. */
@Command(name = "claim", mixinStandardHelpOptions = true,
        description = "The seed's claim (vs MobileNetV2: +40 % ops/byte, +57 % GOPS/s, +7.9 % top-1 at the same latency, "
                + "1.5x speed-up at the same accuracy) next to what the DPU model says, with per-op reasons.")
final class ClaimCommand implements Callable<Integer> {
    @Mixin
    BoardOptions target = new BoardOptions();

    @Option(names = "--space", defaultValue = "both", paramLabel = "S",
            description = "ofa, dpu-friendly or both (default ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--predictor", paramLabel = "F", description = "Official OFA accuracy predictor (.pth); default: "
            + "the --project's, else the built-in ImageNet project's acc_predictor.pth.")
    Path predictor;

    @Option(names = "--project", paramLabel = SearchOptions.PROJECT_LABEL, description = SearchOptions.PROJECT_HELP)
    String project;

    @Option(names = "--population", defaultValue = "100", description = "Search population (default ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--generations", defaultValue = "100", description = "Search generations (default ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--seed", defaultValue = "1", description = "Search seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (target.profile != null) {
            throw new OfaException("option --profile: claim prices with the DPU model; give --board or --board-spec");
        }
        List<SpaceVariant> variants = new ArrayList<>();
        if (space.equals("both")) {
            variants.addAll(List.of(SpaceVariant.values()));
        } else if (SpaceVariant.byId(space) != null) {
            variants.add(SpaceVariant.byId(space));
        } else {
            throw new OfaException("option --space: expected ofa, dpu-friendly or both, found '" + space + "'");
        }
        if (population < 2 || generations < 1) {
            throw new OfaException("options --population/--generations: expected a population >= 2 and >= 1 generation");
        }
        BoardSpec board = target.boardSpec();
        // The claim is about ImageNet top-1: the official predictor unless named otherwise.
        Path file = SearchOptions.predictorFile(predictor, BuiltInProjects.resolve(project == null
                ? BuiltInProjects.IMAGENET : project));
        // The DPU-friendly variant borrows the ImageNet predictor's estimate (no supports check, by design).
        AccuracyPredictor acc = ParallelAccuracyPredictor.ofAvailableProcessors(AccuracyPredictors.load(file));
        EvolutionConfig cfg = EvolutionConfig.defaults().withPopulation(population, generations).withSeed(seed);
        List<Map<String, Object>> reports = new ArrayList<>();
        var out = spec.commandLine().getOut();
        for (SpaceVariant v : variants) {
            SeedClaim.Report r = SeedClaim.evaluate(board, v, acc, cfg, ProgressListener.NONE, Cancellation.NEVER);
            reports.add(SeedClaim.toMap(r));
            if (!json) {
                print(out, r);
            }
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("board", board.id());
            m.put("reports", reports);
            JsonOutput.print(out, m);
        }
        return 0;
    }

    private static void print(java.io.PrintWriter out, SeedClaim.Report r) {
        out.printf("%s, space %s: OFA %s r%d %.3f ms vs MobileNetV2 %.3f ms%n", r.board(), r.space(), r.ofa().network(),
                r.ofa().resolution(), r.ofa().latencyMs(), r.mobilenetv2().latencyMs());
        for (SeedClaim.Item i : r.items()) {
            out.printf("  %-48s claimed %+6.1f%%  model %s  %s%n", i.claim(), 100 * (i.id().equals("speedup_same_accuracy")
                    ? i.claimed() - 1 : i.claimed()), i.model() == null ? "   n/a" : String.format("%+6.1f%%", 100 * i.model()),
                    i.verdict());
        }
        for (String s : r.reasons()) {
            out.println("  - " + s);
        }
    }
}
