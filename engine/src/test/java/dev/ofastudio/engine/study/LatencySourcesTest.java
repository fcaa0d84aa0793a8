package dev.ofastudio.engine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.latency.profile.FpgaProfile;
import dev.ofastudio.engine.latency.profile.FpgaProfiles;
import dev.ofastudio.engine.space.mbv3.SpaceVariant;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loaded profile that only repeats a shipped one is recognised as its twin; anything else is not. */
class LatencySourcesTest {
    @TempDir
    Path tmp;

    @Test
    void aCopyOfAShippedProfileIsItsBoardsTwin() throws Exception {
        Path ofa = tmp.resolve("zcu102-copy.json");
        FpgaProfiles.write(ofa, FpgaProfiles.shipped("zcu102"));
        assertEquals(Optional.of("zcu102"), LatencySources.shippedTwin(LatencySources.open(ofa)));
        Path friendly = tmp.resolve("kv260-friendly-copy.json");
        FpgaProfiles.write(friendly, FpgaProfiles.shipped("kv260", SpaceVariant.DPU_FRIENDLY));
        assertEquals(Optional.of("kv260"), LatencySources.shippedTwin(LatencySources.open(friendly)));
    }

    @Test
    void aCalibratedProfileOrAShippedBoardIsNoTwin() throws Exception {
        FpgaProfile p = FpgaProfiles.shipped("zcu102");
        FpgaProfile calibrated = new FpgaProfile(p.board(), p.source(), p.frameOverheadMs() + 0.1, p.resolutions(),
                p.widths(), p.networks(), p.latencyMs());
        Path file = tmp.resolve("zcu102-calibrated.json");
        FpgaProfiles.write(file, calibrated);
        assertTrue(LatencySources.shippedTwin(LatencySources.open(file)).isEmpty());
        assertTrue(LatencySources.shippedTwin(LatencySources.shipped("zcu102")).isEmpty(), "the shipped board itself");
    }
}
