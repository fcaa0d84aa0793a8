package dev.ofastudio.app.bench;

import dev.ofastudio.app.inputs.EngineInputLoaders;
import dev.ofastudio.engine.study.EvolutionBudgetSearch;
import dev.ofastudio.engine.study.Sweep;
import dev.ofastudio.engine.study.SweepRequest;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.space.SearchSpace;
import java.nio.file.Path;

/** Harness (not a test): times a sweep with the official predictor and the shipped boards. Args: predictor path, boards, budgets, cloud. */
public final class SweepTiming {
    private SweepTiming() {
    }

    public static void main(String[] args) throws Exception {
        var loaders = new EngineInputLoaders();
        long t0 = System.nanoTime();
        var pred = loaders.loadPredictor(Path.of(args[0]));
        long t1 = System.nanoTime();
        var boards = loaders.shippedBoards().subList(0, Integer.parseInt(args[1]));
        var req = new SweepRequest(SearchSpace.mobileNetV3(1.2), pred, boards, Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), 1);
        var runner = new Sweep(EvolutionBudgetSearch.ofaDefaults());
        long[] last = {System.nanoTime()};
        var t = runner.run(req, (d, tot, m) -> {
            long now = System.nanoTime();
            System.out.printf("%6.0f ms  %d/%d %s%n", (now - last[0]) / 1e6, d, tot, m);
            last[0] = now;
        }, new Cancellation());
        long t2 = System.nanoTime();
        System.out.printf("predictor load %.0f ms, sweep %.0f ms, rows %d%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, t.size());
        for (int i = 0; i < 3; i++) {
            System.out.printf("row %d acc %.2f lat %.3f macs %d%n", i, t.accuracy(i), t.latency(0, i), t.macs(i));
        }
    }
}
