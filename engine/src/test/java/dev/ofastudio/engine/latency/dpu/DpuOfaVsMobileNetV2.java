package dev.ofastudio.engine.latency.dpu;

import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.predict.OfficialAccuracyPredictor;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.search.Budget;
import dev.ofastudio.engine.search.EvolutionConfig;
import dev.ofastudio.engine.search.EvolutionSearch;
import dev.ofastudio.engine.search.SearchResult;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.testing.Golden;
import java.util.List;

/**
 * Not a test: prints the OFA-vs-MobileNetV2 figures of fpga-profiles/README.md for a board
 * (default zcu102). OFA w1.2 space at 160..224 step 16 with the official accuracy predictor, the
 * DPU model as latency; budgets as fractions of MobileNetV2 1.0@224's latency.
 */
public final class DpuOfaVsMobileNetV2 {
    private DpuOfaVsMobileNetV2() {
    }

    public static void main(String[] args) throws Exception {
        String boardId = args.length > 0 ? args[0] : "zcu102";
        DpuLatencyModel model = new DpuLatencyModel(BoardSpecs.load(boardId));
        NetworkReport mbv2 = model.analyze(ReferenceNetworks.describe("mobilenetv2", 1.0, 224));
        System.out.printf("mobilenetv2 1.0@224 on %s: %.3f ms, %.1f ops/B, %.1f GOPS/s, %.1f%% peak, %.0f MMACs%n",
                boardId, mbv2.latencyMs(), mbv2.opsPerByte(), mbv2.gopsPerS(), 100 * mbv2.peakFraction(),
                mbv2.ops() / 2e6);
        SearchSpace space = SearchSpace.mobileNetV3(1.2).withResolutions(List.of(160, 176, 192, 208, 224));
        OfficialAccuracyPredictor acc = OfficialAccuracyPredictor.load(Golden.officialPredictor());
        for (double f : new double[] {0.8, 0.9, 1.0, 1.2}) {
            Budget budget = new Budget(f * mbv2.latencyMs(), Long.MAX_VALUE);
            EvolutionSearch s = new EvolutionSearch(space, acc, model, budget,
                    EvolutionConfig.defaults().withPopulation(100, 200).withSeed(1));
            SearchResult r;
            try {
                r = s.run(ProgressListener.NONE, Cancellation.NEVER);
            } catch (dev.ofastudio.engine.OfaException e) {
                System.out.printf("budget %.2fx: %s%n", f, e.getMessage());
                continue;
            }
            NetworkDescription net = space.describe(r.best().config());
            NetworkReport rep = model.analyze(net);
            System.out.printf("budget %.2fx (%.3f ms): OFA w1.2 r%d acc %.4f, %.3f ms, %.0f MMACs, %.1f ops/B, "
                    + "%.1f GOPS/s, %.1f%% peak; config %s%n", f, budget.maxLatencyMs(), net.resolution(),
                    r.best().accuracy(), rep.latencyMs(), net.macs() / 1e6, rep.opsPerByte(), rep.gopsPerS(),
                    100 * rep.peakFraction(), dev.ofastudio.engine.io.SubnetConfigJson.toJson(r.best().config()));
        }
    }
}
