package dev.ofastudio.engine.supernet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.cli.OfaCli;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.testing.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ofa forward} and {@code ofa extract} on golden case A_case01 (r = 32) and on bad input. */
class ForwardExtractCliTest {
    static final JsonNode CASE = Golden.json("forward_cases.json").get("cases").get(1);
    static final String PTH = Golden.golden("ofa_mbv3_w1.0_c10.pth").toString();

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OfaCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    String configFile() throws Exception {
        Path p = tmp.resolve("config.json");
        Files.writeString(p, CASE.get("config").toString());
        return p.toString();
    }

    @Test
    void forwardPrintsTheReferenceLogitsAsJson() throws Exception {
        Run r = run("forward", "--checkpoint", PTH, "--config", configFile(), "--input",
                Golden.golden(CASE.get("input_file").asText()).toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode logits = Json.MAPPER.readTree(r.out()).get("logits");
        assertEquals(2, logits.size());
        float[] flat = new float[20];
        for (int i = 0; i < 20; i++) {
            flat[i] = (float) logits.get(i / 10).get(i % 10).asDouble();
        }
        assertTrue(SupernetGoldenTest.maxAbsDiff(flat, CASE.get("logits")) <= 1e-4);
    }

    @Test
    void extractWritesAStaticModelWithTheReferenceNetConfigAndLogits() throws Exception {
        Path dir = tmp.resolve("out");
        Run r = run("extract", "--checkpoint", PTH, "--config", configFile(), "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(CASE.get("extracted_net_config"), Json.read(dir.resolve("net.config")));
        assertEquals(CASE.get("config"), Json.read(dir.resolve("config.json")));
        try (NDManager m = NDManager.newBaseManager()) {
            StaticMobileNetV3 net = SubnetExport.read(dir, m);
            assertEquals(CASE.get("params_extracted_subnet").asLong(), net.trainableParameterCount());
            NDArray x = ImageBatchFile.read(Golden.golden(CASE.get("input_file").asText()), 32, m);
            float[] out = net.forward(new ParameterStore(m, false), x, false).toFloatArray();
            assertTrue(SupernetGoldenTest.maxAbsDiff(out, CASE.get("logits_extracted_subnet")) <= 1e-4);
        }
    }

    @Test
    void aTruncatedCheckpointExitsWithCode2AndOneLine() throws Exception {
        byte[] all = Files.readAllBytes(Path.of(PTH));
        Path cut = tmp.resolve("cut.pth");
        Files.write(cut, Arrays.copyOf(all, all.length - 1000));
        Run r = run("forward", "--checkpoint", cut.toString(), "--config", configFile(), "--input",
                Golden.golden(CASE.get("input_file").asText()).toString(), "--json");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("ofa: error: " + cut), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aConfigOutsideTheSpaceExitsWithCode2NamingTheField() throws Exception {
        String bad = CASE.get("config").toString().replaceFirst("\"e\":\\[3", "\"e\":[5");
        Path dir = tmp.resolve("never");
        Run r = run("extract", "--checkpoint", PTH, "--config", bad, "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("e[0]") && r.err().contains("found 5"), r.err());
        assertFalse(Files.exists(dir));
    }

    @Test
    void anInputOfTheWrongSizeExitsWithCode2() throws Exception {
        Path in = tmp.resolve("odd.bin");
        Files.write(in, new byte[4 * 3 * 32 * 31]);
        Run r = run("forward", "--checkpoint", PTH, "--config", configFile(), "--input", in.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(in.toString()) && r.err().contains("3x32x32"), r.err());
    }
}
