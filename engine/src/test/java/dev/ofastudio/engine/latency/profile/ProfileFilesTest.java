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
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import dev.ofastudio.engine.space.mbv3.SpaceVariant;
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
        assertSameProfile(board, fresh, committed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zcu102", "zcu104", "kv260"})
    void committedDpuFriendlyProfileEqualsAFreshlyGeneratedOne(String board) throws Exception {
        SpaceVariant v = SpaceVariant.DPU_FRIENDLY;
        FpgaProfile committed = FpgaProfiles.read(COMMITTED.resolve(v.profileFile(board)));
        FpgaProfile fresh = FpgaProfiles.fromJson(FpgaProfiles.toJson(ProfileGenerator.generate(BoardSpecs.load(board),
                "ofa profile generate --board " + board + " --space dpu-friendly", v)), "fresh");
        assertSameProfile(board + " --space dpu-friendly", fresh, committed);
        assertEquals(committed.latencyMs(), FpgaProfiles.shipped(board, v).latencyMs());
    }

    @Test
    void dpuFriendlyProfileCoversItsSpaceLikeTheModel() throws Exception {
        FpgaProfile p = FpgaProfiles.shipped("zcu104", SpaceVariant.DPU_FRIENDLY);
        ProfileLatencyModel lut = new ProfileLatencyModel(p, "zcu104-dpu-friendly.json");
        DpuLatencyModel model = new DpuLatencyModel(p.board());
        Random rnd = new Random(11);
        for (double w : new double[] {1.0, 1.2}) {
            Mbv3Space space = SpaceVariant.DPU_FRIENDLY.space(w);
            for (int i = 0; i < 20; i++) {
                NetworkDescription net = space.describe(space.sample(rnd));
                assertEquals(model.latencyMs(net), lut.latencyMs(net), 1e-6 * net.layers().size(), net.name());
                assertTrue(net.layers().stream().noneMatch(l -> l.se()), "no SE in the DPU-friendly space");
            }
        }
    }

    private static void assertSameProfile(String board, FpgaProfile fresh, FpgaProfile committed) {
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
            NetworkDescription net = ReferenceNetworks.describe(name, 1.0, ReferenceNetworks.nativeResolution(name));
            assertEquals(model.latencyMs(net), lut.latencyMs(net), 1e-6 * net.layers().size(), name);
            assertEquals(model.analyze(net).ops(), lut.analyze(net).ops());
        }
        assertTrue(p.networks().contains("mobilenetv2_w0.35_r128"));
    }
}
