package dev.ofastudio.engine.latency.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.testing.TinyProjects;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A profile tabulated for one project's space covers every sub-network of it, at every resolution. */
class ProfileForSpaceTest {
    @Test
    void aFashionMnistProfileCoversItsSpaceAndMatchesTheModel() throws Exception {
        SearchSpace space = TinyProjects.fashionMnistSpace();
        FpgaProfile p = ProfileGenerator.generate(BoardSpecs.load("kv260"), "test", space);
        assertEquals(List.of(24, 28, 32, 36, 40), p.resolutions());
        assertEquals(List.of(1.0), p.widths());
        assertTrue(p.networks().isEmpty(), "no ImageNet reference networks for a 10-class, 1-channel space");
        assertEquals(space.id(), p.source().details().get("space_id").asText());
        // Round trip through the file form keeps the space's parameters.
        FpgaProfile back = FpgaProfiles.fromJson(FpgaProfiles.toJson(p), "round trip");
        ProfileLatencyModel table = new ProfileLatencyModel(back, "fmnist");
        DpuLatencyModel model = new DpuLatencyModel(BoardSpecs.load("kv260"));
        Random rng = new Random(11);
        for (int i = 0; i < 60; i++) {
            NetworkDescription net = space.describe(space.sample(rng));
            assertEquals(model.latencyMs(net), table.latencyMs(net), 1e-4, net.name());
        }
    }

    @Test
    void anImageNetShapedSpaceAlsoTabulatesTheReferenceNetworks() throws Exception {
        SearchSpace space = SearchSpace.mobileNetV3(1.0).withResolutions(List.of(160, 224));
        FpgaProfile p = ProfileGenerator.generate(BoardSpecs.load("zcu102"), "test", space);
        assertFalse(p.networks().isEmpty());
        ProfileLatencyModel table = new ProfileLatencyModel(p, "imagenet");
        NetworkDescription mbv2 = ReferenceNetworks.describe("mobilenetv2", 1.0, 224);
        assertEquals(new DpuLatencyModel(BoardSpecs.load("zcu102")).latencyMs(mbv2), table.latencyMs(mbv2), 1e-4);
    }
}
