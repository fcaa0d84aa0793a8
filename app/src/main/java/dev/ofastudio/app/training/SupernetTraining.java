package dev.ofastudio.app.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.data.Dataset;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.Cancellation.CancelledException;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.train.RunFolder;
import dev.ofastudio.engine.train.SupernetTrainer;
import dev.ofastudio.engine.train.TrainPreset;
import dev.ofastudio.engine.train.TrainPresets;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Progressive-shrinking training of a supernet, as {@code ofa train} runs it. */
public final class SupernetTraining implements JobKind {
    @Override
    public String title() {
        return "Train supernet";
    }

    @Override
    public List<String> presets() {
        return TrainPresets.names();
    }

    @Override
    public void run(JobRequest r, PrintStream log, ProgressListener progress, Cancellation cancel)
            throws OfaException, CancelledException {
        TrainPreset preset = TrainPresets.byName(r.preset());
        if (preset == null) {
            throw new OfaException("preset: expected one of " + TrainPresets.names() + ", found " + r.preset());
        }
        if (r.batch() > 0) {
            preset = preset.withBatchSize(r.batch());
        }
        // Reading the data takes seconds: a pause asked meanwhile stops before the folder is touched.
        Dataset data = Dataset.open(r.data(), preset.resolutions().get(preset.resolutions().size() - 1));
        cancel.throwIfCancelled();
        try (RunFolder run = RunFolder.open(r.runFolder(), r.resume())) {
            SupernetTrainer trainer = new SupernetTrainer(preset, data, run, r.epochsScale(), log, progress, cancel);
            log.printf("training %s on %s (%d classes, %d train images): %d steps%n", trainer.space().id(), r.data(),
                    data.numClasses(), data.train().size(), trainer.totalSteps());
            trainer.run();
        }
    }

    @Override
    public JobRequest resumeRequest(Path runFolder) throws OfaException {
        RunFolder run = RunFolder.existing(runFolder);
        if (!Files.isRegularFile(run.runInfo())) {
            throw new OfaException(run.runInfo() + ": expected the run's record (preset, data, scale), found no file");
        }
        JsonNode info = Json.read(run.runInfo());
        String preset = text(info, "preset", run.runInfo());
        String data = text(info, "data", run.runInfo());
        double scale = info.path("epochs_scale").asDouble(Double.NaN);
        if (!(scale > 0)) {
            throw new OfaException(run.runInfo() + ": field epochs_scale: expected a positive number, found "
                    + info.path("epochs_scale"));
        }
        int batch = info.path("batch_size").asInt(0);
        return new JobRequest(Path.of(data), preset, scale, Math.max(0, batch), runFolder, true);
    }

    private static String text(JsonNode n, String field, Path file) throws OfaException {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new OfaException(file + ": field " + field + ": expected a string, found " + v);
        }
        return v.asText();
    }
}
