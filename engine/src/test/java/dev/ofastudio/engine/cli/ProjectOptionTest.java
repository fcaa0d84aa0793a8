package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.testing.Golden;
import org.junit.jupiter.api.Test;

/** {@code --project} on predict, search and bench; {@code --predictor} keeps working beside it. */
class ProjectOptionTest {
    @Test
    void predictWithTheImageNetProjectGivesTheGoldenAccuracy() {
        JsonNode golden = Golden.json("acc_predictor_cases.json").get("cases").get(1);
        CliRun r = CliRun.of("predict", "--project", "imagenet", "--config", golden.get("config").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(golden.get("predicted_acc").asDouble(), r.json().get("accuracy").asDouble(), 1e-5);
        assertEquals("imagenet", r.json().get("project").asText());
    }

    @Test
    void searchWithTheImageNetProjectUsesItsPredictorWidthAndNote10Table() {
        String[] common = {"search", "--max-latency-ms", "25", "--population", "20", "--generations", "5", "--seed",
            "7", "--json"};
        CliRun viaProject = CliRun.of(concat(common, "--project", "imagenet"));
        CliRun explicit = CliRun.of(concat(common, "--predictor", Golden.officialPredictor().toString(), "--lut",
                Golden.note10Lut().toString(), "--width", "1.2"));
        assertEquals(0, viaProject.code(), viaProject.err());
        assertEquals(0, explicit.code(), explicit.err());
        JsonNode a = viaProject.json();
        JsonNode b = explicit.json();
        assertEquals(b.get("config"), a.get("config"));
        assertEquals(b.get("latency_ms").asDouble(), a.get("latency_ms").asDouble(), 0.0);
        assertEquals(1.2, a.get("width").asDouble());
        assertEquals("imagenet", a.get("project").asText());
    }

    @Test
    void benchSearchDefaultsToTheShippedPredictorAndNote10Table() {
        CliRun r = CliRun.of("bench", "search", "--runs", "1", "--population", "20", "--generations", "3", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.json().get("best_latency_ms").asDouble() <= 25, r.out());
        assertTrue(r.json().get("best_accuracy").asDouble() > 0.7, r.out());
    }

    @Test
    void fashionMnistRefusesAnImageNetConfigAndAMissingPredictorFailsWithOneLine() {
        String config = Golden.json("acc_predictor_cases.json").get("cases").get(0).get("config").toString();
        SearchCommandTest.failsWith(CliRun.of("predict", "--project", "fashion-mnist", "--config", config),
                "config field r: expected one of [24, 28, 32, 36, 40]");
        SearchCommandTest.failsWith(CliRun.of("predict", "--config", config),
                "expected an accuracy predictor");
        SearchCommandTest.failsWith(CliRun.of("search", "--max-macs", "400000000"),
                "expected an accuracy predictor: --predictor FILE or --project imagenet|fashion-mnist|DIR");
    }

    @Test
    void theBuiltFashionMnistProjectPredictsItsOwnSpace() throws Exception {
        CliRun r = CliRun.of("predict", "--project", "fashion-mnist", "--json", "--config",
                "{\"ks\": [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], "
                + "\"e\": [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], \"d\": [2, 2, 2, 2, 2], \"r\": 28}");
        assertEquals(0, r.code(), r.err());
        JsonNode json = r.json();
        assertEquals("ofa_mbv3_w1.0_c1", json.get("space").asText());
        assertEquals("fashion-mnist", json.get("project").asText());
        double acc = json.get("accuracy").asDouble();
        // The smallest net of the space: the trained min net has 79-80 % test top-1, the max 88.5 %.
        assertTrue(acc > 0.75 && acc < 0.9, "predicted " + acc);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
