package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.latency.LutLatencyModel;
import dev.ofastudio.engine.latency.profile.FpgaProfiles;
import dev.ofastudio.engine.study.LatencySources;
import dev.ofastudio.engine.latency.profile.ProfileLatencyModel;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.predict.AccuracyPredictors;
import dev.ofastudio.engine.predict.ParallelAccuracyPredictor;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.project.Project;
import dev.ofastudio.engine.search.Budget;
import dev.ofastudio.engine.search.EvolutionConfig;
import dev.ofastudio.engine.search.EvolutionSearch;
import dev.ofastudio.engine.space.SearchSpace;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options of an evolutionary search, shared by {@code ofa search} and {@code ofa bench search}.
 * With the official predictor the space defaults to the project's width (else 1.2) and the
 * tutorial's resolutions 160..224 step 16, because it and the Note10 tables are for the w1.2
 * space; a predictor made by {@code ofa predictor train} brings its own space. A project
 * ({@code --project}) supplies the predictor and the latency table unless they are named.
 */
final class SearchOptions {
    static final String DEFAULT_RESOLUTIONS = "160,176,192,208,224";
    static final String PROJECT_LABEL = "imagenet|fashion-mnist|DIR";
    static final String PROJECT_HELP = "A built-in project (imagenet: the official OFA predictor with the "
            + "Note10 table; fashion-mnist once built) or a project folder with a project.json: gives the "
            + "predictor, the space width and the latency table unless --predictor, --width or "
            + "--lut/--board/--profile name them.";

    @Option(names = "--project", paramLabel = PROJECT_LABEL, description = PROJECT_HELP)
    String project;

    @Option(names = "--lut", description = "Latency lookup table: a folder of <r>_lookup_table.yaml or <r>.csv "
            + "files, or one such file, or a CSV with columns resolution,key,latency_ms.")
    Path lut;

    @Option(names = "--board", description = "Price on a shipped board (the DPU model, any space; a --project's own "
            + "profile of that board if it has one): zcu102, zcu104 or kv260.")
    String board;

    @Option(names = "--profile", paramLabel = "FILE", description = "Use a board latency profile (JSON) as the table.")
    Path profile;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--population", defaultValue = "100", description = "Population size (default ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--generations", defaultValue = "500", description = "Generations (default ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--resolution-mutate-prob", defaultValue = "0.1",
            description = "Probability of resampling the resolution in a mutation (default ${DEFAULT-VALUE}, "
                    + "as in the OFA tutorial; the OFA library uses 0.5).")
    double resolutionMutateProb;

    @Option(names = "--width",
            description = "Width multiplier of the space: 1.0 or 1.2 (default: the project's width, else 1.2: "
                    + "the official predictor and the Note10 tables are for w1.2).")
    Double width;

    @Option(names = "--classes", description = "Number of classes (default: the predictor's space, else 1000).")
    Integer classes;

    @Option(names = "--resolutions", split = ",",
            description = "Resolutions to search, e.g. 160,176 or 160-224:16 (default: all of the space of a "
                    + "predictor made by 'ofa predictor train', else " + DEFAULT_RESOLUTIONS + ").")
    List<String> resolutions;

    private Project loaded;
    private SearchSpace built;

    /** The space searched: the one {@link #build} used, else the official predictor's default. */
    SearchSpace space() throws OfaException {
        return built != null ? built : referenceSpace();
    }

    /** The official predictor's space: the project's width (else 1.2), 1000 classes, 160..224 step 16. */
    private SearchSpace referenceSpace() throws OfaException {
        Project p = project();
        double w = width != null ? width : p != null ? p.space().widthMult() : 1.2;
        return SpaceOptions.space(w, classes == null ? 1000 : classes,
                resolutions == null ? List.of(DEFAULT_RESOLUTIONS.split(",")) : resolutions);
    }

    /**
     * The space for {@code predictor}: a predictor that records its space (ours) searches the
     * project's space (else that one), narrowed by --resolutions; the official one the reference space.
     */
    SearchSpace space(AccuracyPredictor predictor) throws OfaException {
        if (predictor.trainedSpace().isEmpty()) {
            return referenceSpace();
        }
        Project p = project();
        SearchSpace s = p != null ? p.space() : predictor.trainedSpace().get();
        if (width != null && width != s.widthMult()) {
            throw new OfaException("option --width: expected the predictor's space width " + s.widthMult()
                    + ", found " + width);
        }
        if (classes != null) {
            s = s.withNumClasses(classes);
        }
        if (resolutions != null && !resolutions.isEmpty()) {
            s = s.withResolutions(SpaceOptions.parseResolutions(resolutions));
        }
        return s;
    }

    /** The project named by --project, loaded once; null without the option. */
    Project project() throws OfaException {
        if (loaded == null && project != null) {
            loaded = BuiltInProjects.resolve(project);
        }
        return loaded;
    }

    /** The predictor file: {@code explicit} (--predictor) if given, else the project's. */
    static Path predictorFile(Path explicit, Project p) throws OfaException {
        if (explicit != null) {
            return explicit;
        }
        if (p == null) {
            throw new OfaException("expected an accuracy predictor: --predictor FILE or --project " + PROJECT_LABEL);
        }
        return p.predictor();
    }

    EvolutionConfig evolution() throws OfaException {
        if (population < 2 || population > 1_000_000) {
            throw new OfaException("option --population: expected 2..1000000, found " + population);
        }
        if (generations < 0 || generations > 1_000_000) {
            throw new OfaException("option --generations: expected 0..1000000, found " + generations);
        }
        if (!(resolutionMutateProb >= 0 && resolutionMutateProb <= 1)) {
            throw new OfaException("option --resolution-mutate-prob: expected a probability in [0, 1], found "
                    + resolutionMutateProb);
        }
        return EvolutionConfig.defaults().withPopulation(population, generations).withSeed(seed)
                .withResolutionMutateProb(resolutionMutateProb);
    }

    static Budget budget(Double maxLatencyMs, Long maxMacs) throws OfaException {
        if (maxLatencyMs == null && maxMacs == null) {
            throw new OfaException("expected a budget: --max-latency-ms and/or --max-macs");
        }
        if (maxLatencyMs != null && !(maxLatencyMs > 0 && maxLatencyMs < Double.POSITIVE_INFINITY)) {
            throw new OfaException("option --max-latency-ms: expected a positive number of ms, found " + maxLatencyMs);
        }
        if (maxMacs != null && maxMacs <= 0) {
            throw new OfaException("option --max-macs: expected a positive MAC count, found " + maxMacs);
        }
        return new Budget(maxLatencyMs == null ? Double.POSITIVE_INFINITY : maxLatencyMs,
                maxMacs == null ? Long.MAX_VALUE : maxMacs);
    }

    /** The latency table: an OFA/CSV lookup table, a shipped board profile or a profile file; null if none. */
    LatencyModel latencyModel() throws OfaException {
        int given = (lut != null ? 1 : 0) + (board != null ? 1 : 0) + (profile != null ? 1 : 0);
        if (given > 1) {
            throw new OfaException("options --lut, --board and --profile: give one latency table, not several");
        }
        if (lut != null) {
            return LutLatencyModel.load(lut);
        }
        if (board != null) {
            // The studio's and the sweep's figures: the DPU model prices any space (or the project's own profile).
            Project p = project();
            return p != null ? p.board(board).model() : LatencySources.shipped(board).model();
        }
        if (profile != null) {
            return new ProfileLatencyModel(FpgaProfiles.read(profile), profile.toString());
        }
        return null;
    }

    /**
     * Loads the inputs and builds the search (compiling the latency table). The predictor is
     * {@code explicitPredictor} (--predictor) or the project's; the table the one named, else the project's.
     */
    EvolutionSearch build(Path explicitPredictor, Budget budget) throws OfaException {
        EvolutionConfig config = evolution();
        Project p = project();
        Path predictorFile = predictorFile(explicitPredictor, p);
        AccuracyPredictor loadedPredictor = AccuracyPredictors.load(predictorFile);
        SearchSpace space = space(loadedPredictor);
        AccuracyPredictors.requireSupports(loadedPredictor, space, predictorFile.toString());
        built = space;
        LatencyModel model = latencyModel();
        if (model == null && p != null) {
            model = p.loadDefaultLatency();
        }
        if (budget.limitsLatency() && model == null) {
            throw new OfaException("option --max-latency-ms needs a latency table: --lut, --board, --profile "
                    + "or a --project that has one");
        }
        // One batch per generation, spread over the cores.
        AccuracyPredictor predictor = ParallelAccuracyPredictor.ofAvailableProcessors(loadedPredictor);
        return new EvolutionSearch(space, predictor, model, budget, config);
    }
}
