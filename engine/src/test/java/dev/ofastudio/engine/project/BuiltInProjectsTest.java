package dev.ofastudio.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.latency.LutLatencyModel;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.predict.OfficialAccuracyPredictor;
import dev.ofastudio.engine.predict.StudioAccuracyPredictor;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in ImageNet project carries the published OFA files unchanged and loads from a jar too. */
class BuiltInProjectsTest {
    /** sha256 of the official predictor, published in the golden README (han-cai/files). */
    static final String PREDICTOR_SHA256 = "48685122a3540636b06699af66cd816456b25f29b69563e2fda9bed4018eeba0";

    @TempDir
    Path tmp;

    @Test
    void theImageNetProjectShipsThePublishedPredictorAndNote10Tables() throws Exception {
        Project p = BuiltInProjects.load(BuiltInProjects.IMAGENET);
        assertEquals("ImageNet (official OFA predictor)", p.name());
        assertEquals(SearchSpace.mobileNetV3(1.2), p.space());
        assertEquals(PREDICTOR_SHA256, sha256(p.predictor()));
        assertEquals(List.of("zcu102", "zcu104", "kv260"), p.boards());
        assertTrue(p.notice().contains("MIT"), p.notice());
        // Every Note10 table is byte-identical to the one the reference fixtures were computed with.
        JsonNode sums = Golden.json("latency_cases.json").get("lut_sha256");
        Path lut = p.latencyTables().get(0);
        assertEquals(17, sums.size());
        for (var it = sums.fields(); it.hasNext(); ) {
            var e = it.next();
            assertEquals(e.getValue().asText(), sha256(lut.resolve(e.getKey() + "_lookup_table.yaml")), e.getKey());
        }
        try (Stream<Path> files = Files.list(lut)) {
            assertEquals(17, files.count());
        }
    }

    @Test
    void theImageNetProjectPredictsTheGoldenAccuraciesAndPricesWithNote10() throws Exception {
        Project p = BuiltInProjects.load(BuiltInProjects.IMAGENET);
        AccuracyPredictor predictor = OfficialAccuracyPredictor.load(p.predictor());
        for (JsonNode c : Golden.json("acc_predictor_cases.json").get("cases")) {
            assertEquals(c.get("predicted_acc").asDouble(), predictor.predict(Golden.config(c.get("config"))), 1e-5);
        }
        LatencyModel note10 = p.loadDefaultLatency();
        for (JsonNode c : Golden.json("latency_cases.json").get("cases")) {
            var config = Golden.config(c.get("config"));
            var net = dev.ofastudio.engine.arch.OfaMobileNetV3.describe(SearchSpace.mobileNetV3(1.2), config);
            assertEquals(c.get("latency_ms_library").asDouble(), note10.latencyMs(net), 1e-6, c.get("name").asText());
        }
    }

    @Test
    void fashionMnistIsBuiltAndIsTheDefault() throws Exception {
        assertEquals(List.of("fashion-mnist", "imagenet"), BuiltInProjects.IDS);
        assertTrue(BuiltInProjects.isBuilt(BuiltInProjects.FASHION_MNIST));
        assertEquals(BuiltInProjects.FASHION_MNIST, BuiltInProjects.defaultProject().id());
        assertEquals(List.of(BuiltInProjects.FASHION_MNIST, BuiltInProjects.IMAGENET),
                BuiltInProjects.available().stream().map(Project::id).toList());
        OfaException e = assertThrows(OfaException.class, () -> BuiltInProjects.resolve("cifar"));
        assertTrue(e.getMessage().contains("expected fashion-mnist, imagenet or a project folder"), e.getMessage());
    }

    /**
     * The default project's files belong together: the predictor was trained on the committed
     * accuracy dataset, which was built from the committed supernet, all in the project's space.
     */
    @Test
    void theFashionMnistFilesAreOneChainSupernetDatasetPredictor() throws Exception {
        Project p = BuiltInProjects.load(BuiltInProjects.FASHION_MNIST);
        SearchSpace space = p.space();
        assertEquals(1, space.inputChannels());
        assertEquals(10, space.numClasses());
        assertEquals(List.of(24, 28, 32, 36, 40), space.resolutions());
        assertFalse(p.comparesToImageNet(), "no ImageNet reference networks next to Fashion-MNIST accuracies");
        assertEquals(List.of("zcu102", "zcu104", "kv260"), p.boards());
        Path dir = p.predictor().getParent();
        Path dataset = dir.resolve("accuracy-dataset.csv");
        String supernetSha = sha256(p.supernet());
        JsonNode header = Json.MAPPER.readTree(Files.readAllLines(dataset).get(0).substring(1));
        assertEquals(supernetSha, header.get("supernet_sha256").asText());
        var predictor = (StudioAccuracyPredictor) p.loadPredictor();
        assertEquals(sha256(dataset), predictor.info().path("dataset").path("sha256").asText());
        assertEquals(supernetSha, predictor.info().path("dataset").path("supernet_sha256").asText());
        // Its predictions are accuracies of this data set's range (the trained max net has 88.5 % test top-1).
        double acc = predictor.predict(dev.ofastudio.engine.space.SubnetConfig.uniform(7, 6, 4, 32));
        assertTrue(acc > 0.8 && acc < 0.95, "predicted " + acc);
    }

    /** The CLI and the studio run from jars: the packaged files must load through the zip file system. */
    @Test
    void aProjectInsideAJarLoadsThroughTheZipFileSystem() throws Exception {
        Path src = BuiltInProjects.load(BuiltInProjects.IMAGENET).predictor().getParent();
        Path jar = tmp.resolve("engine.jar");
        try (OutputStream o = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(o);
                Stream<Path> all = Files.walk(src)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry("p/imagenet/" + src.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Project p = ProjectFile.read(fs.getPath("/p/imagenet"), "imagenet");
            JsonNode c0 = Golden.json("acc_predictor_cases.json").get("cases").get(0);
            assertEquals(c0.get("predicted_acc").asDouble(), OfficialAccuracyPredictor.load(p.predictor()).predict(Golden.config(c0.get("config"))),
                    1e-5);
            assertEquals(17, ((LutLatencyModel) p.loadDefaultLatency()).resolutions().size());
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
