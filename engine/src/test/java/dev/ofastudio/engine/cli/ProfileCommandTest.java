package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.latency.profile.FpgaProfile;
import dev.ofastudio.engine.latency.profile.FpgaProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
    @Test
    void generatesAProfileThatLoadsBack(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("zcu104.json");
        CliRun r = CliRun.of("profile", "generate", "--board", "zcu104", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(FpgaProfiles.read(out).latencyMs().size(), r.json().get("layer_keys").asInt());
        assertEquals(Files.readString(Path.of("..", "fpga-profiles", "zcu104.json")), Files.readString(out));
    }

    static double dpuMs(String net) throws Exception {
        return new DpuLatencyModel(BoardSpecs.load("zcu102")).analyze(dev.ofastudio.engine.latency.measure.NetworkSpec
                .describe(net, null)).dpuMs();
    }

    @Test
    void calibratesToMeasurementsAndReportsTheErrorDrop(@TempDir Path dir) throws Exception {
        // Synthetic "board" that is 30 % slower than the model with a 0.3 ms frame overhead.
        Path csv = dir.resolve("measured.csv");
        Files.writeString(csv, "network,measured_ms,kind\n"
                + "mobilenetv2_1.0_224," + (1.3 * dpuMs("mobilenetv2") + 0.3) + ",e2e\n"
                + "resnet50," + (1.3 * dpuMs("resnet50") + 0.3) + ",e2e\n"
                + "mobilenetv1_0.25_128," + (1.3 * dpuMs("mobilenetv1_0.25_128") + 0.3) + ",e2e\n"
                + "vgg16," + (1.3 * dpuMs("vgg16")) + ",dpu\n");
        Path bench = dir.resolve("bench.log");
        Files.writeString(bench, "FPS=1\nE2E_MEAN=" + 1000 * (1.3 * dpuMs("mobilenetv1") + 0.3) + "\n");
        Path out = dir.resolve("calibrated.json");
        CliRun r = CliRun.of("profile", "calibrate", "--board", "zcu102", "--measurements", csv.toString(),
                "mobilenetv1_1.0_224=" + bench, "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(1.3, j.get("scale").asDouble(), 1e-4);
        assertEquals(0.3, j.get("frame_overhead_ms").asDouble(), 1e-3);
        assertEquals(5, j.get("points").size());
        assertTrue(j.get("loo_mean_abs_error").asDouble() < 1e-3, j.toString());
        assertTrue(j.get("uncalibrated_mean_abs_error").asDouble() > 0.15, j.toString());
        assertTrue(j.get("recommended").asBoolean(), j.toString());
        assertTrue(j.get("points").get(0).has("loo_error"), j.toString());
        assertTrue(j.get("mean_abs_error_before").asDouble() > 0.15, j.toString());
        assertTrue(j.get("mean_abs_error_after").asDouble() < 1e-4, j.toString());
        FpgaProfile p = FpgaProfiles.read(out);
        assertEquals("calibrated", p.source().kind());
        CliRun lat = CliRun.of("latency", "--net", "resnet50", "--profile", out.toString(), "--json");
        assertEquals(1.3 * dpuMs("resnet50") + 0.3, lat.json().get("latency_ms").asDouble(), 1e-3);
    }

    @Test
    void refusesMalformedMeasurementsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "network,measured_ms\nresnet50,NaN\n");
        Path out = dir.resolve("c.json");
        CliRun r = CliRun.of("profile", "calibrate", "--board", "zcu102", "--measurements", csv.toString(), "--out",
                out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("measured_ms"), r.err());
        assertFalse(Files.exists(out));
        Path unknown = dir.resolve("u.csv");
        Files.writeString(unknown, "network,measured_ms\nalexnet,3\n");
        CliRun u = CliRun.of("profile", "calibrate", "--board", "zcu102", "--measurements", unknown.toString(), "--out",
                out.toString());
        assertEquals(2, u.code());
        assertTrue(u.err().contains("alexnet"), u.err());
        assertFalse(Files.exists(out));
    }
}
