package dev.ofastudio.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.latency.LutLatencyModel;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CostTableTest {
    static final SearchSpace W12 = SearchSpace.mobileNetV3(1.2).withResolutions(List.of(160, 176, 192, 208, 224));
    static LutLatencyModel note10;
    static CostTable table;

    @BeforeAll
    static void compile() throws OfaException {
        note10 = LutLatencyModel.load(Golden.note10Lut());
        table = CostTable.compile(W12, note10);
    }

    @Test
    void compiledLatencyAndMacsEqualTheFullModelOnRandomConfigs() throws OfaException {
        SplittableRandom rng = new SplittableRandom(42);
        GeneticOperators ops = new GeneticOperators(table.layout(), 0, 0);
        int[] g = new int[GenomeLayout.LENGTH];
        for (int i = 0; i < 300; i++) {
            ops.random(rng, g);
            SubnetConfig c = table.layout().toConfig(g);
            NetworkDescription net = W12.describe(c);
            assertEquals(note10.latencyMs(net), table.latencyMs(g), 1e-9, c.toString());
            assertEquals(net.macs(), table.macs(g), c.toString());
        }
    }

    @Test
    void genomeRoundTripsThroughConfig() {
        SplittableRandom rng = new SplittableRandom(7);
        GeneticOperators ops = new GeneticOperators(table.layout(), 0, 0);
        int[] g = new int[GenomeLayout.LENGTH];
        for (int i = 0; i < 50; i++) {
            ops.random(rng, g);
            assertEquals(java.util.Arrays.toString(g),
                    java.util.Arrays.toString(table.layout().fromConfig(table.layout().toConfig(g))));
        }
    }

    @Test
    void latencyRangeIsTheMinNetAtTheLowestAndTheMaxNetAtTheHighestResolution() {
        double[] range = table.latencyRange();
        // Golden sums of the uniform min net at 160 and max net at 224 (latency_cases.json).
        assertEquals(9.890346512078672, range[0], 1e-9);
        assertEquals(92.39803799478005, range[1], 1e-9);
    }

    @Test
    void macsRangeIsTheMinNetAtTheLowestAndTheMaxNetAtTheHighestResolution() {
        long[] range = table.macsRange();
        assertEquals(100_320_888L, range[0]);
        assertEquals(843_101_040L, range[1]);
    }

    @Test
    void refusesALatencyModelThatIsNotAPerLayerSum() {
        LatencyModel depthPenalty = new LatencyModel() {
            @Override
            public List<LayerLatency> layers(NetworkDescription net) {
                List<LayerLatency> out = new ArrayList<>();
                for (Layer l : net.layers()) {
                    out.add(new LayerLatency(l.name(), l.name(), 1.0));
                }
                return out;
            }

            @Override
            public double latencyMs(NetworkDescription net) {
                return Math.pow(net.layers().size(), 1.5); // not additive
            }

            @Override
            public List<Integer> resolutions() {
                return List.of();
            }

            @Override
            public String name() {
                return "nonlinear";
            }
        };
        OfaException e = assertThrows(OfaException.class, () -> CostTable.compile(W12, depthPenalty));
        assertTrue(e.getMessage().contains("not a sum of per-layer"), e.getMessage());
    }
}
