package dev.ofastudio.engine.latency.dpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.latency.dpu.CalibrationPoints.Point;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figure users should trust: each calibration point predicted by the model refitted on all the
 * other points. Issue 13's goal is a mean of 8 % and a worst point of 15 %; the model reaches
 * 8.2 % and 24.9 % (EfficientNet-EdgeTPU-S, whose Vitis AI model name claims 1.3x the MACs of the
 * published architecture). The bounds below hold the model to what it reaches, with a small margin,
 * so a change that makes unseen networks worse fails here.
 */
class DpuLeaveOneOutTest {
    private static DpuModelFit.Report report;

    @BeforeAll
    static void fit() throws Exception {
        report = new DpuModelFit(CalibrationPoints.ALL).report();
    }

    @Test
    void leaveOneOutErrorStaysWhereTheReadmeSaysItIs() {
        assertEquals(CalibrationPoints.ALL.size(), report.points().size());
        assertTrue(report.looMeanAbsError() < 0.086, "LOO mean |error| " + report.looMeanAbsError());
        assertTrue(report.looWorstAbsError() < 0.26, "LOO worst |error| " + report.looWorstAbsError());
    }

    @Test
    void aFoldNeverSeesThePointItLeavesOut() throws Exception {
        // Change the left-out figure by half: an honest fold predicts it exactly as before. The SE
        // nets are where a fold that started from the all-points fit used to inherit the answer.
        for (String net : List.of("mobilenetv3-small", "efficientnet-b0")) {
            int i = indexOf(net);
            List<Point> changed = new ArrayList<>(CalibrationPoints.ALL);
            Point p = changed.get(i);
            changed.set(i, new Point(p.model(), p.network(), p.board(), p.kind(), 1.5 * p.measuredMs(), p.source()));
            assertEquals(report.points().get(i).leaveOneOutMs(), new DpuModelFit(changed).leaveOneOutMs(i), 1e-12, net);
        }
    }

    private static int indexOf(String network) {
        for (int i = 0; i < CalibrationPoints.ALL.size(); i++) {
            if (CalibrationPoints.ALL.get(i).network().equals(network)) {
                return i;
            }
        }
        throw new AssertionError(network);
    }

    @Test
    void leaveOneOutIsNeverBetterThanTheFitOnAverage() {
        // Predicting a point the fit did not see cannot be easier than fitting it.
        assertTrue(report.looMeanAbsError() >= report.fittedMeanAbsError() - 1e-9);
    }

    @Test
    void shippedConstantsAreTheFit() {
        // DpuModelConstants.FITTED was copied from this fit (rounded): refitting must not move it far.
        DpuModelConstants k = report.fit().constants();
        DpuModelConstants s = DpuModelConstants.FITTED;
        assertEquals(s.computeEfficiency(), k.computeEfficiency(), 0.03);
        assertEquals(s.aluEfficiency(), k.aluEfficiency(), 0.03);
        assertEquals(s.opOverheadUs(), k.opOverheadUs(), 1.0);
        assertEquals(BoardSpecs.SHIPPED.size(), BoardSpecs.SHIPPED.stream().filter(b -> {
            try {
                return Math.abs(BoardSpecs.load(b).cpu().frameOverheadMs() - report.fit().frameOverheadMs()) < 0.05;
            } catch (Exception e) {
                return false;
            }
        }).count());
    }
}
