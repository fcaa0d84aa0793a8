package dev.ofastudio.engine.predict.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.accuracy.AccuracyRow;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.SyntheticAccuracy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OFA's predictor learns an accuracy that is a known function of the encoding. */
class PredictorTrainerTest {
    static final SearchSpace SPACE = SyntheticAccuracy.FMNIST;
    static List<AccuracyRow> rows;
    static DatasetSplit split;
    static PredictorTrainer.Result result;

    @BeforeAll
    static void train() throws Exception {
        rows = SyntheticAccuracy.rows(SPACE, 1000, 3);
        split = DatasetSplit.of(rows, 0);
        result = new PredictorTrainer(SPACE, PredictorTraining.ofa(0, 150)).train(split, ProgressListener.NONE,
                Cancellation.NEVER);
    }

    @Test
    void splitKeepsEachArchitectureInOnePart() {
        assertEquals(rows.size(), split.train().size() + split.validation().size() + split.test().size());
        Set<SubnetConfig> train = new HashSet<>();
        split.train().forEach(r -> train.add(r.config().withResolution(0)));
        for (AccuracyRow r : split.test()) {
            assertTrue(!train.contains(r.config().withResolution(0)), "test architecture also in train");
        }
        // 200 architectures of 5 resolutions: 30 test, 30 validation, 140 train.
        assertEquals(150, split.test().size());
        assertEquals(150, split.validation().size());
    }

    @Test
    void reachesLowRmseAndATauCloseToOneOnTheTestSplit() {
        PredictorFigures f = PredictorFigures.of(result.predictor(), split, rows);
        assertTrue(f.test().rmsePct() < 0.5, "RMSE " + f.test().rmsePct() + " %");
        assertTrue(f.test().kendallTau() > 0.93, "tau " + f.test().kendallTau());
        assertEquals(3, f.regret().size());
        for (PredictorFigures.BudgetRegret b : f.regret()) {
            assertTrue(b.regret().candidates() > 0 && b.regretPct() >= 0, b.toString());
        }
        // base_acc is the mean training accuracy
        double mean = split.train().stream().mapToDouble(AccuracyRow::top1).average().orElseThrow();
        assertEquals(mean, result.predictor().baseAcc(), 1e-6);
    }

    @Test
    void theSameSeedGivesTheSameWeights() throws Exception {
        DatasetSplit small = DatasetSplit.of(rows.subList(0, 200), 1);
        PredictorTrainer t = new PredictorTrainer(SPACE, PredictorTraining.ofa(5, 3));
        var a = t.train(small, ProgressListener.NONE, Cancellation.NEVER).predictor();
        var b = t.train(small, ProgressListener.NONE, Cancellation.NEVER).predictor();
        for (int i = 0; i < a.layers().size(); i++) {
            assertArrayEquals(a.layers().get(i), b.layers().get(i), "layer " + i);
        }
    }
}
