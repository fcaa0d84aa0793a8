package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.io.pth.PthReader;
import dev.ofastudio.engine.io.pth.StateDict;
import dev.ofastudio.engine.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ofa export --format onnx|pth} on the golden supernet, and its bad input. */
class ExportCommandTest {
    static final String PTH = Golden.golden("ofa_mbv3_w1.0_c10.pth").toString();
    static final JsonNode CASE = Golden.json("forward_cases.json").get("cases").get(1);

    @TempDir
    Path tmp;

    private CliRun export(String format, Path out) {
        return CliRun.of("export", "--checkpoint", PTH, "--config", CASE.get("config").toString(), "--format",
                format, "--out", out.toString(), "--json");
    }

    @Test
    void writesAnOnnxModelAndReportsIt() throws Exception {
        Path out = tmp.resolve("net.onnx");
        CliRun r = export("onnx", out);
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("onnx", j.get("format").asText());
        assertEquals(Files.size(out), j.get("bytes").asLong());
        assertEquals(CASE.get("params_extracted_subnet").asLong(), j.get("params").asLong());
    }

    @Test
    void writesAnOfaPthWhoseStateDictHasTheStaticKeys() throws Exception {
        Path out = tmp.resolve("net.pth");
        assertEquals(0, export("pth", out).code());
        StateDict sd = PthReader.read(out);
        assertArrayEquals(new long[] {10, 1280}, sd.require("classifier.linear.weight").shape());
        assertTrue(sd.contains("first_conv.bn.num_batches_tracked"));
        assertTrue(sd.keys().stream().anyMatch(k -> k.startsWith("blocks.1.conv.inverted_bottleneck.")));
    }

    @Test
    void anUnknownFormatIsOneLineAndWritesNothing() {
        Path out = tmp.resolve("net.tflite");
        CliRun r = export("tflite", out);
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("expected onnx or pth, found 'tflite'"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aDirectoryAsOutIsRefused() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        CliRun r = export("onnx", dir);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is a directory"), r.err());
    }
}
