package dev.ofastudio.engine.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.pth.PthReader;
import dev.ofastudio.engine.io.pth.StateDict;
import dev.ofastudio.engine.io.pth.Tensor;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.Golden;
import dev.ofastudio.engine.testing.PickleBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Java predictor against the outputs of the OFA tutorial's PyTorch predictor. */
class OfficialAccuracyPredictorTest {
    private static OfficialAccuracyPredictor predictor;
    private static JsonNode cases;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        predictor = OfficialAccuracyPredictor.load(Golden.officialPredictor());
        cases = Golden.json("acc_predictor_cases.json").get("cases");
    }

    private static List<SubnetConfig> goldenConfigs() {
        List<SubnetConfig> out = new ArrayList<>();
        cases.forEach(c -> out.add(Golden.config(c.get("config"))));
        return out;
    }

    @Test
    void batchMatchesEveryPyTorchCaseTo1e5() {
        assertEquals(20, cases.size());
        double[] got = predictor.predict(goldenConfigs());
        for (int i = 0; i < got.length; i++) {
            double expected = cases.get(i).get("predicted_acc").asDouble();
            assertEquals(expected, got[i], 1e-5, "case " + i);
        }
    }

    @Test
    void singlePredictionsMatchPyTorchCasesTo1e5() {
        for (JsonNode c : cases) {
            assertEquals(c.get("predicted_acc").asDouble(), predictor.predict(Golden.config(c.get("config"))), 1e-5);
        }
    }

    @Test
    void encodingEqualsTheTutorialVectorsExactly() throws OfaException {
        int withEncoding = 0;
        for (JsonNode c : cases) {
            if (!c.has("encoding_128")) {
                continue;
            }
            withEncoding++;
            JsonNode e = c.get("encoding_128");
            float[] expected = new float[e.size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (float) e.get(i).asDouble();
            }
            assertArrayEquals(expected, Mbv3Encoding.encode(Golden.config(c.get("config"))));
        }
        assertEquals(3, withEncoding);
    }

    @Test
    void ignoresPlaceholdersOfSkippedBlocks() {
        SubnetConfig c = SubnetConfig.uniform(5, 4, 2, 192);
        SubnetConfig changedPlaceholders = c.withBlock(3, 7, 6).withBlock(18, 3, 3);
        assertEquals(predictor.predict(c), predictor.predict(changedPlaceholders), 0.0);
    }

    @Test
    void batchEqualsOneByOneAcrossTileBoundaries() {
        Random rnd = new Random(3);
        List<SubnetConfig> configs = new ArrayList<>();
        for (int i = 0; i < 2 * OneHotMlp.TILE + 5; i++) {
            configs.add(randomConfig(rnd));
        }
        double[] batch = predictor.predict(configs);
        for (int i = 0; i < batch.length; i++) {
            assertEquals(predictor.predict(configs.get(i)), batch[i], 0.0, "config " + i);
        }
    }

    @Test
    void isOnTheZeroToOneScale() {
        assertEquals(List.of(112, 128, 144, 160, 176, 192, 208, 224), predictor.resolutions());
        double max = predictor.predict(SubnetConfig.uniform(7, 6, 4, 224));
        double min = predictor.predict(SubnetConfig.uniform(3, 3, 2, 160));
        assertTrue(max > min && max < 1 && min > 0.5, max + " " + min);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 164, 240, 0})
    void rejectsResolutionsWithoutASlot(int r) {
        OfaException e = assertThrows(OfaException.class, () -> predictor.check(SubnetConfig.uniform(7, 6, 4, r)));
        assertTrue(e.getMessage().startsWith("config field r: expected one of [112, 128"), e.getMessage());
        assertTrue(e.getMessage().endsWith("found " + r), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> predictor.predict(SubnetConfig.uniform(7, 6, 4, r)));
    }

    @Test
    void rejectsKernelFourInAnActiveBlock() {
        OfaException e = assertThrows(OfaException.class,
                () -> predictor.check(SubnetConfig.uniform(7, 6, 4, 224).withBlock(5, 4, 6)));
        assertEquals("config field ks[5]: expected one of [3, 5, 7], found 4", e.getMessage());
    }

    @Test
    void rejectsExpandFiveInAnActiveBlock() {
        OfaException e = assertThrows(OfaException.class,
                () -> predictor.check(SubnetConfig.uniform(7, 6, 4, 224).withBlock(0, 7, 5)));
        assertEquals("config field e[0]: expected one of [3, 4, 6], found 5", e.getMessage());
    }

    @Test
    void loadsTheSameWeightsFromAZipCheckpoint() throws Exception {
        StateDict legacy = PthReader.read(Golden.officialPredictor());
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Tensor t : legacy.tensors()) {
            values.put(t.key(), t.toFloatArray());
            shapes.put(t.key(), t.shape());
        }
        Path zip = PickleBuilder.writeFloatStateDict(dir.resolve("pred.pth"), values, shapes);
        OfficialAccuracyPredictor again = OfficialAccuracyPredictor.load(zip);
        assertArrayEquals(predictor.predict(goldenConfigs()), again.predict(goldenConfigs()), 0.0);
    }

    @Test
    void rejectsATensorOfTheWrongShapeNamingIt() throws Exception {
        Path f = writePredictor("bad_shape.pth", "2.weight", new long[] {400, 300});
        OfaException e = assertThrows(OfaException.class, () -> OfficialAccuracyPredictor.load(f));
        assertEquals(f + ": tensor '2.weight': expected shape [400, 400], found [400, 300]", e.getMessage());
    }

    @Test
    void listsMissingTensors() throws Exception {
        Path f = writePredictor("missing.pth", null, null);
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        values.put("0.weight", new float[400 * 128]);
        shapes.put("0.weight", new long[] {400, 128});
        Path g = PickleBuilder.writeFloatStateDict(dir.resolve("partial.pth"), values, shapes);
        OfaException e = assertThrows(OfaException.class, () -> OfficialAccuracyPredictor.load(g));
        assertTrue(e.getMessage().startsWith(g + ": missing tensors [0.bias, 2.weight, 2.bias, 4.weight, 4.bias, "
                + "6.weight, 6.bias]"), e.getMessage());
        OfficialAccuracyPredictor.load(f); // the complete file loads
    }

    /** A predictor file with random weights; {@code badKey} gets {@code badShape} instead. */
    Path writePredictor(String name, String badKey, long[] badShape) throws Exception {
        long[][] shapes = {{400, 128}, {400}, {400, 400}, {400}, {400, 400}, {400}, {1, 400}, {1}};
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapeMap = new LinkedHashMap<>();
        Random rnd = new Random(1);
        for (int i = 0; i < shapes.length; i++) {
            String key = OfficialAccuracyPredictor.KEYS.get(i);
            long[] shape = key.equals(badKey) ? badShape : shapes[i];
            float[] v = new float[(int) Tensor.numel(shape)];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) rnd.nextGaussian() * 0.05f;
            }
            values.put(key, v);
            shapeMap.put(key, shape);
        }
        return PickleBuilder.writeFloatStateDict(dir.resolve(name), values, shapeMap);
    }

    static SubnetConfig randomConfig(Random rnd) {
        int[] ks = new int[20];
        int[] e = new int[20];
        int[] d = new int[5];
        for (int i = 0; i < 20; i++) {
            ks[i] = new int[] {3, 5, 7}[rnd.nextInt(3)];
            e[i] = new int[] {3, 4, 6}[rnd.nextInt(3)];
        }
        for (int i = 0; i < 5; i++) {
            d[i] = 2 + rnd.nextInt(3);
        }
        return new SubnetConfig(ks, e, d, 112 + 16 * rnd.nextInt(8));
    }
}
