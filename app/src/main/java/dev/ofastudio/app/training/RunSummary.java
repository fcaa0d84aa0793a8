package dev.ofastudio.app.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.train.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run folder says about its run, from {@code run.json} and {@code report.json}: how it
 * started, its phases and where it stands. Read on a background thread.
 *
 * @param preset      the recipe, or "" when the run has not written its record yet
 * @param data        the dataset folder, or null
 * @param batch       the batch size, or 0
 * @param totalSteps  steps of the whole run, or 0 when unknown
 * @param phases      the phases in order with their step counts
 * @param checkpoint  a checkpoint exists (Resume continues from it)
 * @param finished    the report says the run is done
 * @param test        final test figures, once finished
 */
public record RunSummary(Path dir, String preset, Path data, double epochsScale, int batch, long totalSteps,
        List<Phase> phases, boolean checkpoint, boolean finished, List<TestFigure> test) {
    public RunSummary {
        phases = List.copyOf(phases);
        test = List.copyOf(test);
    }

    /** One phase of the schedule. */
    public record Phase(String name, long steps) {
    }

    /** One final test figure: a sub-network at a resolution. */
    public record TestFigure(String subnet, int r, double top1) {
    }

    /** A run that can continue: started, not finished. */
    public boolean resumable() {
        return !finished && !preset.isEmpty();
    }

    /** Index of phase {@code name}, or -1. */
    public int phaseIndex(String name) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code dir} is a run folder (it has the marker). */
    public static boolean isRun(Path dir) {
        try {
            RunFolder.existing(dir);
            return true;
        } catch (OfaException e) {
            return false;
        }
    }

    /** Reads an existing run folder (with the marker); fields it lacks stay empty. */
    public static RunSummary read(Path dir) throws OfaException {
        RunFolder run = RunFolder.existing(dir);
        String preset = "";
        Path data = null;
        double scale = 0;
        int batch = 0;
        long total = 0;
        List<Phase> phases = new ArrayList<>();
        if (Files.isRegularFile(run.runInfo())) {
            JsonNode info = Json.read(run.runInfo());
            preset = info.path("preset").asText("");
            data = info.hasNonNull("data") ? Path.of(info.path("data").asText()) : null;
            scale = info.path("epochs_scale").asDouble(0);
            batch = info.path("batch_size").asInt(0);
            total = info.path("total_steps").asLong(0);
            for (JsonNode p : info.path("phases")) {
                phases.add(new Phase(p.path("name").asText(), p.path("steps").asLong()));
            }
        }
        boolean finished = false;
        List<TestFigure> test = new ArrayList<>();
        if (Files.isRegularFile(run.report())) {
            JsonNode report = Json.read(run.report());
            finished = report.hasNonNull("finished");
            for (JsonNode t : report.path("test")) {
                test.add(new TestFigure(t.path("subnet").asText(), t.path("r").asInt(), t.path("top1").asDouble()));
            }
        }
        return new RunSummary(dir, preset, data, scale, batch, total, phases, Files.isRegularFile(run.checkpoint()),
                finished, test);
    }
}
