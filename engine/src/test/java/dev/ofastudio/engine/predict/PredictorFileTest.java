package dev.ofastudio.engine.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.supernet.CheckpointFile;
import dev.ofastudio.engine.testing.Golden;
import dev.ofastudio.engine.testing.SyntheticAccuracy;
import dev.ofastudio.engine.testing.TestPredictors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our predictor file: round trip, the factory's dispatch, the space rule and one-line errors. */
class PredictorFileTest {
    static final SearchSpace SPACE = SyntheticAccuracy.FMNIST;

    @TempDir
    Path dir;

    static StudioAccuracyPredictor randomPredictor(SearchSpace space, int hidden, long seed) {
        return TestPredictors.random(space, hidden, seed);
    }

    static List<SubnetConfig> configs(SearchSpace space, int n) {
        Random rng = new Random(1);
        List<SubnetConfig> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(space.sample(rng));
        }
        return out;
    }

    @Test
    void saveThenLoadPredictsIdentically() throws Exception {
        StudioAccuracyPredictor p = randomPredictor(SPACE, 400, 2);
        Path f = dir.resolve("fmnist.predictor");
        PredictorFile.write(p, f);
        AccuracyPredictor back = AccuracyPredictors.load(f);
        assertInstanceOf(StudioAccuracyPredictor.class, back);
        List<SubnetConfig> cs = configs(SPACE, 50);
        assertArrayEquals(p.predict(cs), back.predict(cs));
        assertEquals(SPACE, back.trainedSpace().orElseThrow());
        assertEquals(0.42, ((StudioAccuracyPredictor) back).info().at("/figures/test/rmse_pct").asDouble());
        var h = CheckpointFile.read(f).header();
        assertEquals(PredictorFile.FORMAT, h.get("format").asText());
        assertEquals(1, h.get("version").asInt());
        assertEquals(125, h.at("/encoding/size").asInt());
        assertEquals(SPACE.id(), h.at("/space/id").asText());
    }

    @Test
    void predictionIsTheMlpOverTheOneHotVectorPlusBaseAcc() throws Exception {
        StudioAccuracyPredictor p = randomPredictor(SPACE, 8, 3);
        SubnetConfig c = configs(SPACE, 1).get(0);
        float[] x = SpaceEncoding.of(SPACE).encode(c);
        List<float[]> w = p.layers();
        double[] h = x.length == 0 ? null : toDouble(x);
        for (int l = 0; l < 3; l++) {
            h = reluAffine(w.get(2 * l), w.get(2 * l + 1), h);
        }
        double out = 0.87f;
        for (int i = 0; i < 8; i++) {
            out += w.get(6)[i] * h[i];
        }
        assertEquals(out, p.predict(c), 1e-5);
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    private static double[] reluAffine(float[] w, float[] b, double[] x) {
        double[] y = new double[b.length];
        for (int o = 0; o < b.length; o++) {
            double s = b[o];
            for (int i = 0; i < x.length; i++) {
                s += w[o * x.length + i] * x[i];
            }
            y[o] = Math.max(0, s);
        }
        return y;
    }

    @Test
    void theFactoryDispatchesBothFormats() throws Exception {
        assertInstanceOf(OfficialAccuracyPredictor.class, AccuracyPredictors.load(Golden.officialPredictor()));
        Path ours = dir.resolve("p.ofa");
        PredictorFile.write(randomPredictor(SPACE, 16, 4), ours);
        assertInstanceOf(StudioAccuracyPredictor.class, AccuracyPredictors.load(ours, SPACE));
        assertTrue(PredictorFile.isPredictorFile(ours));
        assertFalse(PredictorFile.isPredictorFile(Golden.officialPredictor()));
    }

    @Test
    void supportsOnlyItsOwnSpaceOrFewerChoicesOfIt() throws Exception {
        StudioAccuracyPredictor p = randomPredictor(SPACE, 16, 5);
        assertTrue(p.supports(SPACE));
        assertTrue(p.supports(SPACE.withResolutions(List.of(32, 40))));
        assertFalse(p.supports(SPACE.withResolutions(List.of(32, 48))));
        assertFalse(p.supports(SPACE.withNumClasses(1000)));
        assertFalse(p.supports(SearchSpace.mobileNetV3(1.0)));
        assertFalse(p.supports(SearchSpace.mobileNetV3(1.2)));
        Path f = dir.resolve("p.ofa");
        PredictorFile.write(p, f);
        OfaException e = assertThrows(OfaException.class, () -> AccuracyPredictors.load(f, SearchSpace.mobileNetV3(1.2)));
        assertTrue(e.getMessage().startsWith(f + ": accuracy predictor: expected one trained for ofa_mbv3_w1.2"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(AccuracyPredictors.load(Golden.officialPredictor()).supports(SPACE), "the official one is RGB only");
    }

    @Test
    void badFilesFailWithOneLineNamingFileAndField() throws Exception {
        Path f = dir.resolve("p.ofa");
        PredictorFile.write(randomPredictor(SPACE, 16, 6), f);
        var c = CheckpointFile.read(f);
        var tensors = new java.util.LinkedHashMap<String, dev.ofastudio.engine.io.pth.Tensor>();
        c.tensors().tensors().forEach(t -> tensors.put(t.key(), t));

        ObjectNode wrongKind = (ObjectNode) c.header().deepCopy();
        wrongKind.put("kind", "supernet");
        assertError(write(wrongKind, tensors, "kind.ofa"), "field kind: expected \"accuracy-predictor\"");

        ObjectNode wrongVersion = (ObjectNode) c.header().deepCopy();
        wrongVersion.put("version", 2);
        assertError(write(wrongVersion, tensors, "version.ofa"), "field version: expected an integer in 1..1");

        ObjectNode wrongEncoding = (ObjectNode) c.header().deepCopy();
        ((ObjectNode) wrongEncoding.get("encoding")).put("size", 128);
        assertError(write(wrongEncoding, tensors, "enc.ofa"), "field encoding: expected the space's encoding");

        var missing = new java.util.LinkedHashMap<>(tensors);
        missing.remove("hidden.1.bias");
        assertError(write(c.header(), missing, "missing.ofa"), "tensor 'hidden.1.bias' is missing");

        byte[] all = Files.readAllBytes(f);
        Path cut = Files.write(dir.resolve("cut.ofa"), java.util.Arrays.copyOf(all, all.length / 2));
        assertError(cut, "truncated or corrupted");

        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertError(folder, "accuracy predictor: expected a file");
    }

    private Path write(com.fasterxml.jackson.databind.JsonNode header,
            java.util.Map<String, dev.ofastudio.engine.io.pth.Tensor> tensors, String name) throws Exception {
        Path p = dir.resolve(name);
        CheckpointFile.write(p, header, tensors);
        return p;
    }

    private static void assertError(Path file, String fragment) {
        OfaException e = assertThrows(OfaException.class, () -> AccuracyPredictors.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
