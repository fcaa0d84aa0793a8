package dev.ofastudio.engine.supernet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** BN recalibration against golden/bn_recal_case.json. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BnRecalibrationGoldenTest {
    static final double TOL = 1e-4;
    NDManager manager;
    OfaSupernet net;
    JsonNode golden;
    SubnetConfig config;
    List<BnRecalibration.LayerStats> stats;
    NDArray evalInput;

    @BeforeAll
    void recalibrate() throws Exception {
        manager = NDManager.newBaseManager();
        net = SupernetFiles.load(Golden.golden("ofa_mbv3_w1.0_c10.pth"), manager);
        golden = Golden.json("bn_recal_case.json");
        config = Golden.config(golden.get("config"));
        NDArray calib = ImageBatchFile.read(Golden.golden(golden.get("calib_file").asText()), 64, manager)
                .reshape(4, 8, 3, 64, 64);
        evalInput = ImageBatchFile.read(Golden.golden(golden.get("eval_input_file").asText()), 64, manager);
        net.setActiveSubnet(config);
        assertTrue(maxAbsDiff(logits(net), golden.get("logits_before_recalibration")) <= TOL, "before");
        List<NDArray> batches = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            batches.add(calib.get(new NDIndex("{}", b)));
        }
        stats = BnRecalibration.recalibrate(net, config, batches, ProgressListener.NONE);
    }

    @AfterAll
    void close() {
        manager.close();
    }

    float[] logits(OfaSupernet n) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = evalInput.duplicate();
            x.attach(sub);
            return n.forward(new ParameterStore(sub, false), x, false).toFloatArray();
        }
    }

    static double maxAbsDiff(float[] actual, JsonNode expected) {
        double max = 0;
        int i = 0;
        for (JsonNode v : expected) {
            if (v.isArray()) {
                for (JsonNode w : v) {
                    max = Math.max(max, Math.abs(actual[i++] - (float) w.asDouble()));
                }
            } else {
                max = Math.max(max, Math.abs(actual[i++] - (float) v.asDouble()));
            }
        }
        assertEquals(i, actual.length, "value count");
        return max;
    }

    @Test
    void updatesExactlyTheLayersThatRunWithTheReferenceStatistics() {
        JsonNode expected = golden.get("recalibrated_bn_stats");
        assertEquals(expected.size(), stats.size());
        for (int i = 0; i < stats.size(); i++) {
            JsonNode e = expected.get(i);
            BnRecalibration.LayerStats s = stats.get(i);
            assertEquals(e.get("module").asText(), s.module());
            assertEquals(e.get("C").asInt(), s.channels());
            double dm = maxAbsDiff(s.runningMean(), e.get("running_mean"));
            double dv = maxAbsDiff(s.runningVar(), e.get("running_var"));
            assertTrue(dm <= TOL && dv <= TOL, s.module() + ": mean diff " + dm + ", var diff " + dv);
        }
    }

    @Test
    void recalibratedLogitsMatchTheReference() {
        double diff = maxAbsDiff(logits(net), golden.get("logits_after_recalibration"));
        assertTrue(diff <= TOL, "max abs diff " + diff);
    }

    @Test
    void recalibratedExtractedSubnetMatchesTheReference() throws Exception {
        try (NDManager sub = manager.newSubManager()) {
            StaticMobileNetV3 extracted = SubnetExtractor.extract(net, config, sub);
            NDArray x = evalInput.duplicate();
            x.attach(sub);
            float[] out = extracted.forward(new ParameterStore(sub, false), x, false).toFloatArray();
            double diff = maxAbsDiff(out, golden.get("logits_extracted_subnet_after_recalibration"));
            assertTrue(diff <= TOL, "max abs diff " + diff);
        }
    }
}
