package dev.ofastudio.app.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.testing.BuiltIn;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.app.inputs.EngineInputLoaders;
import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.engine.cli.OfaCli;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.search.EvolutionConfig;
import dev.ofastudio.engine.study.EvolutionBudgetSearch;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.engine.study.StudyJson;
import dev.ofastudio.engine.study.Sweep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ofa sweep} writes the sweep the studio shows: same request, same fronts, row for row. */
class SweepMatchesCliTest {
    static final Path PREDICTOR = BuiltIn.imagenet().predictor();

    @TempDir
    Path tmp;

    @Test
    void theStudiosSweepEqualsOfaSweep() throws Exception {
        Path out = tmp.resolve("sweep.json");
        StringWriter err = new StringWriter();
        int code = OfaCli.execute(new String[] {"sweep", "--predictor", PREDICTOR.toString(), "--board",
            "zcu102,zcu104,kv260", "--budgets", "2", "--random", "400", "--seed", "3", "--population", "12",
            "--generations", "4", "--out", out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        JsonNode cli = Json.read(out);

        var dialogs = new FakeDialogService();
        var exec = new ImmediateTaskExecutor();
        var inputs = new InputsViewModel(new EngineInputLoaders(), dialogs, exec, new MemorySettings());
        var vm = new ParetoViewModel(inputs, new Sweep(new EvolutionBudgetSearch(
                EvolutionConfig.defaults().withPopulation(12, 4))), exec, dialogs);
        inputs.loadShippedBoards();
        inputs.loadPredictor(PREDICTOR, x -> { });
        vm.cloudSizeProperty().set(400);
        vm.budgetCountProperty().set(2);
        vm.seedProperty().set(3);
        vm.runSweep();
        assertEquals(List.of(), dialogs.errors);
        ResultTable t = vm.tableProperty().get();
        assertEquals(cli.get("rows").asInt(), t.size());
        for (int b = 0; b < t.boards().size(); b++) {
            List<Object> front = new ArrayList<>();
            for (int i : vm.front(b)) {
                front.add(StudyJson.net(t, i));
            }
            JsonNode expected = cli.get("fronts").get(t.boards().get(b));
            assertTrue(expected.size() > 1);
            // Through text, as a reader of the file would see it (number node types aside).
            assertEquals(expected, Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(front)), t.boards().get(b));
        }
    }
}
