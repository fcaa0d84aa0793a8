package dev.ofastudio.app.testing;

import dev.ofastudio.app.inputs.EngineInputLoaders;
import dev.ofastudio.app.inputs.InputLoaders;
import dev.ofastudio.engine.project.Project;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.BudgetSearch;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.study.ReferenceNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small, transparent stand-ins for the engine in view-model tests. */
public final class Fakes {
    private Fakes() {
    }

    /** Accuracy grows with MACs (saturating): a rough but monotone stand-in for the real predictor. */
    public static AccuracyPredictor predictor() {
        return new AccuracyPredictor() {
            @Override
            public double predict(SubnetConfig c) {
                long macs = dev.ofastudio.engine.space.SearchSpace.mobileNetV3(1.2).describe(c).macs();
                return 0.80 - 0.2 * Math.exp(-macs / 2e8);
            }

            @Override
            public List<Integer> resolutions() {
                return List.of(160, 176, 192, 208, 224);
            }

            @Override
            public String describe() {
                return "fake predictor";
            }
        };
    }

    /** Latency = MACs / (gmacs × 1e6) ms per layer. */
    public static LatencyModel latency(String name, double gmacsPerMs) {
        return new LatencyModel() {
            @Override
            public List<LayerLatency> layers(NetworkDescription net) {
                List<LayerLatency> out = new ArrayList<>();
                for (Layer l : net.layers()) {
                    out.add(new LayerLatency(l.name(), l.name(), l.macs() / (gmacsPerMs * 1e6)));
                }
                return out;
            }

            @Override
            public List<Integer> resolutions() {
                return List.of();
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /** Random search: the most accurate of {@code n} random feasible samples. */
    public static BudgetSearch randomSearch(int n) {
        return (space, predictor, latency, budget, seed, progress, cancel) -> {
            Random rnd = new Random(seed);
            List<BudgetSearch.Candidate> out = new ArrayList<>();
            BudgetSearch.Candidate best = null;
            for (int i = 0; i < n; i++) {
                cancel.throwIfCancelled();
                int[] ks = new int[20];
                int[] e = new int[20];
                int[] d = new int[5];
                for (int b = 0; b < 20; b++) {
                    ks[b] = space.kernelSizes().get(rnd.nextInt(space.kernelSizes().size()));
                    e[b] = space.expandRatios().get(rnd.nextInt(space.expandRatios().size()));
                }
                for (int s = 0; s < 5; s++) {
                    d[s] = space.depths().get(rnd.nextInt(space.depths().size()));
                }
                SubnetConfig c = new SubnetConfig(ks, e, d, space.resolutions().get(rnd.nextInt(space.resolutions().size())));
                double lat = latency.latencyMs(space.describe(c));
                if (lat > budget) {
                    continue;
                }
                var cand = new BudgetSearch.Candidate(c, predictor.predict(c), lat, false);
                out.add(cand);
                if (best == null || cand.accuracy() > best.accuracy()) {
                    best = cand;
                }
            }
            if (best != null) {
                out.add(new BudgetSearch.Candidate(best.config(), best.accuracy(), best.latencyMs(), true));
            }
            return out;
        };
    }

    /** Loaders with two fake boards; a path whose name contains "broken" fails with two problems. */
    public static InputLoaders loaders() {
        return loaders(List.of());
    }

    /** As {@link #loaders()}, with {@code referenceNets} for the chart's markers. */
    public static InputLoaders loaders(List<ReferenceNet> referenceNets) {
        return new InputLoaders() {
            @Override
            public AccuracyPredictor loadPredictor(Path file) {
                return predictor();
            }

            @Override
            public LatencySource loadLatency(Path p) throws OfaException {
                if (p.getFileName().toString().contains("broken")) {
                    throw new OfaException(p + ": field layers[3].latency_ms: expected a positive number, found -1\n"
                            + p + ": field board: expected a string, found nothing");
                }
                return new LatencySource(p.toString(), "file " + p.getFileName(), LatencySource.Kind.FILE, p,
                        latency("file", 50));
            }

            @Override
            public List<LatencySource> shippedBoards() {
                return List.of(new LatencySource("fast", "FAST", LatencySource.Kind.SHIPPED, null, latency("fast", 100)),
                        new LatencySource("slow", "SLOW", LatencySource.Kind.SHIPPED, null, latency("slow", 25)));
            }

            @Override
            public List<ReferenceNet> referenceNets() {
                return referenceNets;
            }

            /** The real projects (their files are never read: the fake loaders above stand in). */
            private final InputLoaders engine = new EngineInputLoaders();

            @Override
            public List<Project> builtInProjects() throws OfaException {
                return engine.builtInProjects();
            }

            @Override
            public Project openProject(String idOrFolder) throws OfaException {
                return engine.openProject(idOrFolder);
            }
        };
    }
}
