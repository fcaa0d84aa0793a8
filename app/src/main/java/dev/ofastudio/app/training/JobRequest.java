package dev.ofastudio.app.training;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a job runs on: the dataset folder, the recipe, the run folder it writes, and whether it
 * continues that folder's run.
 *
 * @param epochsScale multiplies every phase's epochs (e.g. 0.01 for a quick run)
 * @param batch       batch size, or 0 for the preset's
 * @param resume      continue the run in {@code runFolder} from its checkpoint
 */
public record JobRequest(Path data, String preset, double epochsScale, int batch, Path runFolder, boolean resume) {
    public JobRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(runFolder, "runFolder");
        if (batch < 0) {
            throw new IllegalArgumentException("batch: expected 0 (the preset's) or a positive size, found " + batch);
        }
    }
}
