package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.Golden;
import dev.ofastudio.engine.testing.PickleBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ofa predict} in-process: the JSON contract and one-line errors with exit code 2. */
class PredictCommandTest {
    private static final String PREDICTOR = Golden.officialPredictor().toString();

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OfaCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static String inline(SubnetConfig c) {
        return SubnetConfigJson.toJson(c).toString();
    }

    /** Exit 2 and exactly one stderr line {@code ofa: error: ...} containing every fragment. */
    private static void assertInputError(Result r, String... fragments) {
        new CliRun(r.code(), r.out(), r.err()).assertInputError(fragments);
        assertEquals("", r.out());
    }

    @Test
    void printsTheGoldenAccuracyOfTheMaxNetAsJson() throws Exception {
        JsonNode golden = Golden.json("acc_predictor_cases.json").get("cases").get(0);
        Result r = run("predict", "--predictor", PREDICTOR, "--config", golden.get("config").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode out = Json.parse(r.out(), "stdout");
        assertEquals(golden.get("predicted_acc").asDouble(), out.get("accuracy").asDouble(), 1e-5);
        assertEquals(224, out.get("resolution").asInt());
    }

    @Test
    void readsTheConfigFromAFile() throws Exception {
        JsonNode golden = Golden.json("acc_predictor_cases.json").get("cases").get(2);
        Path cfg = Files.writeString(dir.resolve("net.json"), golden.get("config").toString());
        Result r = run("predict", "--predictor", PREDICTOR, "--config", cfg.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(golden.get("predicted_acc").asDouble(), Json.parse(r.out(), "stdout").get("accuracy").asDouble(), 1e-5);
    }

    @Test
    void printsAHumanLineWithoutJson() {
        Result r = run("predict", "--predictor", PREDICTOR, "--config", inline(SubnetConfig.uniform(3, 3, 2, 160)));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Predicted top-1: 75.31% (0.7531"), r.out());
    }

    @Test
    void rejectsMalformedJsonConfig() {
        assertInputError(run("predict", "--predictor", PREDICTOR, "--config", "{\"ks\": [3, 5,", "--json"),
                "inline config", "malformed JSON");
    }

    @Test
    void rejectsKernelFour() {
        String cfg = inline(SubnetConfig.uniform(7, 6, 4, 224).withBlock(2, 4, 6));
        assertInputError(run("predict", "--predictor", PREDICTOR, "--config", cfg, "--json"),
                "ks[2]", "[3, 5, 7]", "found 4");
    }

    @Test
    void rejectsExpandFive() {
        String cfg = inline(SubnetConfig.uniform(7, 6, 4, 224).withBlock(7, 7, 5));
        assertInputError(run("predict", "--predictor", PREDICTOR, "--config", cfg, "--json"),
                "e[7]", "[3, 4, 6]", "found 5");
    }

    @Test
    void rejectsDepthOne() {
        String cfg = inline(SubnetConfig.uniform(7, 6, 4, 224).withDepth(3, 1));
        assertInputError(run("predict", "--predictor", PREDICTOR, "--config", cfg, "--json"),
                "d[3]", "[2, 3, 4]", "found 1");
    }

    @Test
    void rejectsResolution100NamingTheAllowedValues() {
        String cfg = inline(SubnetConfig.uniform(7, 6, 4, 100));
        assertInputError(run("predict", "--predictor", PREDICTOR, "--config", cfg, "--json"),
                "field r", "[112, 128, 144, 160, 176, 192, 208, 224]", "found 100");
    }

    @Test
    void rejectsATruncatedPredictorFile() throws Exception {
        byte[] whole = Files.readAllBytes(Path.of(PREDICTOR));
        Path cut = Files.write(dir.resolve("cut.pth"), Arrays.copyOf(whole, whole.length / 2));
        assertInputError(run("predict", "--predictor", cut.toString(), "--config",
                inline(SubnetConfig.uniform(7, 6, 4, 224)), "--json"), cut.toString(), "truncated");
    }

    @Test
    void rejectsAPthHoldingSomethingOtherThanAStateDict() throws Exception {
        byte[] pkl = new PickleBuilder().proto().op(']').mark().integer(1).integer(2).op('e').stop().bytes();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pkl);
        Path f = PickleBuilder.zip(dir.resolve("list.pth"), entries);
        assertInputError(run("predict", "--predictor", f.toString(), "--config",
                inline(SubnetConfig.uniform(7, 6, 4, 224)), "--json"), f.toString(), "expected a state dict");
    }

    @Test
    void rejectsAPredictorTensorOfTheWrongShape() throws Exception {
        long[][] shapes = {{400, 128}, {400}, {400, 400}, {400}, {400, 400}, {400}, {1, 400}, {1}};
        String[] keys = {"0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias", "6.weight", "6.bias"};
        shapes[4] = new long[] {400, 399};
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapeMap = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            long n = Arrays.stream(shapes[i]).reduce(1, (a, b) -> a * b);
            values.put(keys[i], new float[(int) n]);
            shapeMap.put(keys[i], shapes[i]);
        }
        Path f = PickleBuilder.writeFloatStateDict(dir.resolve("wrong.pth"), values, shapeMap);
        assertInputError(run("predict", "--predictor", f.toString(), "--config",
                inline(SubnetConfig.uniform(7, 6, 4, 224)), "--json"),
                f.toString(), "'4.weight'", "expected shape [400, 400], found [400, 399]");
    }

    @Test
    void rejectsAMissingPredictorFile() {
        Path missing = dir.resolve("nope.pth");
        assertInputError(run("predict", "--predictor", missing.toString(), "--config",
                inline(SubnetConfig.uniform(7, 6, 4, 224)), "--json"), missing.toString(), "not found");
    }
}
