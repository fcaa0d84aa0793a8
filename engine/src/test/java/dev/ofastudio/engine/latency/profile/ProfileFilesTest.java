package dev.ofastudio.engine.latency.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileFilesTest {
    static final Path COMMITTED = Path.of("..", "fpga-profiles");

    @ParameterizedTest
    @ValueSource(strings = {"zcu102", "zcu104", "kv260"})
    void committedProfileEqualsAFreshlyGeneratedOne(String board) throws Exception {
        FpgaProfile committed = FpgaProfiles.read(COMMITTED.resolve(board + ".json"));
        FpgaProfile fresh = FpgaProfiles.fromJson(FpgaProfiles.toJson(
                ProfileGenerator.generate(BoardSpecs.load(board), "ofa profile generate --board " + board)), "fresh");
        assertEquals(fresh.latencyMs(), committed.latencyMs(),
                board + ": regenerate with ./ofa profile generate --board " + board + " --out fpga-profiles/" + board + ".json");
        assertEquals(fresh.board(), committed.board());
        assertEquals(fresh.frameOverheadMs(), committed.frameOverheadMs());
        assertEquals(fresh.source().modelVersion(), committed.source().modelVersion());
        assertEquals(fresh.networks(), committed.networks());
        assertEquals(FpgaProfiles.toJson(fresh), FpgaProfiles.toJson(committed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zcu102", "zcu104", "kv260"})
    void shippedProfileIsPackagedAndLoadsByBoardId(String board) throws Exception {
        FpgaProfile p = FpgaProfiles.shipped(board);
        assertEquals(board, p.board().id());
        assertEquals("analytic", p.source().kind());
    }

    @Test
    void coversEveryOfaSubnetAtBothWidthsAndEveryResolutionLikeTheModel() throws Exception {
        FpgaProfile p = FpgaProfiles.read(COMMITTED.resolve("zcu102.json"));
        ProfileLatencyModel lut = new ProfileLatencyModel(p, "zcu102.json");
        DpuLatencyModel model = new DpuLatencyModel(p.board());
        Random rnd = new Random(7);
        for (double w : new double[] {1.0, 1.2}) {
            SearchSpace space = SearchSpace.mobileNetV3(w);
            for (int r : space.resolutions()) {
                for (int i = 0; i < 8; i++) {
                    int[] ks = new int[20];
                    int[] e = new int[20];
                    int[] d = new int[5];
                    for (int b = 0; b < 20; b++) {
                        ks[b] = space.kernelSizes().get(rnd.nextInt(3));
                        e[b] = space.expandRatios().get(rnd.nextInt(3));
                    }
                    for (int s = 0; s < 5; s++) {
                        d[s] = space.depths().get(rnd.nextInt(3));
                    }
                    NetworkDescription net = space.describe(new SubnetConfig(ks, e, d, r));
                    assertEquals(model.latencyMs(net), lut.latencyMs(net), 1e-6 * net.layers().size(), net.name());
                }
            }
        }
    }

    @Test
    void coversTheReferenceNetworks() throws Exception {
        FpgaProfile p = FpgaProfiles.read(COMMITTED.resolve("kv260.json"));
        ProfileLatencyModel lut = new ProfileLatencyModel(p, "kv260.json");
        DpuLatencyModel model = new DpuLatencyModel(p.board());
        for (String name : ReferenceNetworks.NAMES) {
            NetworkDescription net = ReferenceNetworks.describe(name, 1.0, 224);
            assertEquals(model.latencyMs(net), lut.latencyMs(net), 1e-5, name);
            assertEquals(model.analyze(net).ops(), lut.analyze(net).ops());
        }
        assertTrue(p.networks().contains("mobilenetv2_w0.35_r128"));
    }
}
