package dev.ofastudio.app.training;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.accuracy.AccuracyDatasetFile;
import dev.ofastudio.engine.accuracy.AccuracyRow;
import dev.ofastudio.engine.accuracy.DatasetBuildSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * What an accuracy dataset file holds: the build that wrote it (from its header) and its rows so
 * far, in the order they finished.
 */
record DatasetFile(Path file, DatasetBuildSpec build, List<AccuracyRow> rows) {
    DatasetFile {
        rows = List.copyOf(rows);
    }

    /** Reads {@code file} (background thread): the one-line error of a foreign or damaged file. */
    static DatasetFile read(Path file) throws OfaException {
        AccuracyDatasetFile.Content c = AccuracyDatasetFile.read(file);
        return new DatasetFile(file, DatasetBuildSpec.continuing(c), c.rows());
    }

    boolean finished() {
        return rows.size() >= build.n();
    }
}
