package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.predict.AccuracyPredictors;
import dev.ofastudio.engine.predict.PredictorFile;
import dev.ofastudio.engine.predict.StudioAccuracyPredictor;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SearchSpaces;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.SyntheticAccuracy;
import dev.ofastudio.engine.testing.TestPredictors;
import dev.ofastudio.engine.testing.TinyDatasets;
import dev.ofastudio.engine.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ofa predictor train}, {@code ofa dataset build}, and predict/search on our own predictor. */
class PredictorCommandsTest {
    static final SearchSpace SPACE = SyntheticAccuracy.FMNIST;

    @TempDir
    Path dir;

    private static void assertOneLineError(CliRun r, String... fragments) {
        r.assertInputError(fragments);
    }

    @Test
    void predictorTrainWritesOurFileAndPrintsItsFigures() throws Exception {
        Path data = SyntheticAccuracy.write(dir.resolve("acc.csv"), SPACE, 300, 2);
        Path out = dir.resolve("fmnist.predictor");
        CliRun r = CliRun.of("predictor", "train", "--dataset", data.toString(), "--out", out.toString(),
                "--epochs", "5", "--seed", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(300, j.get("rows").asInt());
        assertEquals(5, j.get("epochs").asInt());
        assertTrue(j.get("best_epoch").asInt() >= 1 && j.get("best_epoch").asInt() <= 5);
        assertEquals(SPACE.id(), j.at("/space/id").asText());
        JsonNode test = j.at("/figures/test");
        assertTrue(test.get("rows").asInt() > 0);
        assertTrue(test.get("rmse_pct").isNumber() && test.get("kendall_tau").isNumber(), test.toString());
        assertEquals(3, test.get("regret").size());
        JsonNode noise = test.get("label_noise");
        double ceiling = noise.get("kendall_tau_ceiling").asDouble();
        assertTrue(noise.get("se_pct").asDouble() > 0 && ceiling >= 0 && ceiling <= 1, noise.toString());
        assertEquals(0.25, test.get("regret").get(0).get("macs_quantile").asDouble());
        assertTrue(j.get("goal_met").isBoolean());
        assertEquals(64, j.get("dataset_sha256").asText().length());

        AccuracyPredictor p = AccuracyPredictors.load(out, SPACE);
        JsonNode info = ((StudioAccuracyPredictor) p).info();
        assertEquals(j.get("dataset_sha256").asText(), info.at("/dataset/sha256").asText());
        assertEquals(j.at("/figures/test/rmse_pct").asDouble(), info.at("/figures/test/rmse_pct").asDouble());
        assertTrue(info.at("/provenance/command").asText().startsWith("ofa predictor train --dataset"));
        assertEquals(1, info.at("/training/seed").asInt());

        Path foreign = Files.writeString(dir.resolve("notes.txt"), "mine");
        assertOneLineError(CliRun.of("predictor", "train", "--dataset", data.toString(), "--out", foreign.toString(),
                "--epochs", "1"), foreign.toString(), "not an accuracy predictor file");
        assertEquals("mine", Files.readString(foreign));
        assertOneLineError(CliRun.of("predictor", "train", "--dataset", foreign.toString(), "--out",
                dir.resolve("x").toString()), foreign + ": line 1");
    }

    /**
     * A project folder whose predictor is one of ours, as project.json names it. No boards: the
     * shipped board profiles cover 128..224 px only, not the Fashion-MNIST resolutions.
     */
    private Path project(StudioAccuracyPredictor p) throws Exception {
        Path proj = Files.createDirectory(dir.resolve("proj"));
        PredictorFile.write(p, proj.resolve("fmnist.predictor"));
        ObjectNode pj = Json.MAPPER.createObjectNode();
        pj.put("format", "ofa-studio-project");
        pj.put("version", 1);
        pj.put("name", "Fashion-MNIST test");
        pj.set("space", SearchSpaces.toJson(SPACE));
        pj.put("predictor", "fmnist.predictor");
        Files.writeString(proj.resolve("project.json"), pj.toPrettyString());
        return proj;
    }

    @Test
    void predictWithAProjectWhosePredictorIsOurs() throws Exception {
        StudioAccuracyPredictor p = TestPredictors.random(SPACE, 32, 9);
        Path proj = project(p);
        SubnetConfig c = SubnetConfig.uniform(5, 4, 3, 32);
        CliRun r = CliRun.of("predict", "--project", proj.toString(), "--config",
                SubnetConfigJson.toJson(c).toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(p.predict(c), r.json().get("accuracy").asDouble(), 1e-12);
        assertEquals(SPACE.id(), r.json().get("space").asText());
        assertEquals(32, r.json().get("resolution").asInt());

        assertOneLineError(CliRun.of("predict", "--project", proj.toString(), "--config",
                SubnetConfigJson.toJson(c.withResolution(224)).toString()), "config field r: expected one of [24, 28, 32, 36, 40]");
        assertOneLineError(CliRun.of("predict", "--project", "imagenet", "--predictor",
                proj.resolve("fmnist.predictor").toString(), "--config", SubnetConfigJson.toJson(c).toString()),
                "accuracy predictor: expected one trained for ofa_mbv3_w1.2");
    }

    @Test
    void searchUsesOurPredictorsSpace() throws Exception {
        Path proj = project(TestPredictors.random(SPACE, 32, 10));
        CliRun r = CliRun.of("search", "--project", proj.toString(), "--max-macs", "20000000", "--population", "10",
                "--generations", "3", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(SPACE.resolutions().toString().replace(" ", ""), r.json().get("resolutions").toString());
        assertTrue(r.json().get("macs").asLong() <= 20_000_000L);
    }

    @Test
    void datasetBuildOnARunFolderAndRefusalOfAnotherBuildsFile() throws Exception {
        Path data = TinyDatasets.fashionMnist(dir.resolve("data"), 100, 10, 4);
        Path run = TinyRuns.run(dir.resolve("run"), data, 20);
        Path out = dir.resolve("acc.csv");
        CliRun r = CliRun.of("dataset", "build", "--supernet", run.toString(), "--out", out.toString(), "--n", "2",
                "--resolutions", "24", "--calib-images", "10", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(2, j.get("rows").asInt());
        assertEquals(2, j.get("evaluated").asInt());
        assertEquals(0, j.get("skipped").asInt());
        assertFalse(j.get("torn_line_dropped").asBoolean());
        assertEquals("[24]", j.get("resolutions").toString());
        assertEquals(TinyRuns.SPACE.id(), j.at("/space/id").asText());
        assertEquals(4, Files.readAllLines(out).size());

        CliRun again = CliRun.of("dataset", "build", "--supernet", run.toString(), "--out", out.toString(), "--n", "2",
                "--resolutions", "24", "--calib-images", "10", "--json");
        assertEquals(0, again.code(), again.err());
        assertEquals(2, again.json().get("skipped").asInt());
        assertEquals(0, again.json().get("evaluated").asInt());

        assertOneLineError(CliRun.of("dataset", "build", "--supernet", run.toString(), "--out", out.toString(),
                "--n", "3", "--resolutions", "24", "--calib-images", "10"), out + ": line 1: field n: expected 3");
        assertOneLineError(CliRun.of("dataset", "build", "--supernet", run.toString(), "--out", out.toString(),
                "--holdout", "30"), "option --holdout: expected the run's holdout_images 20");
        assertOneLineError(CliRun.of("dataset", "build", "--supernet", dir.resolve("nope").toString(), "--out",
                out.toString()), "supernet: expected a training run folder or a supernet file");
    }
}
