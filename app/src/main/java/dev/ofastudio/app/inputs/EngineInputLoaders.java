package dev.ofastudio.app.inputs;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.predict.AccuracyPredictors;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.project.Project;
import java.nio.file.Files;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.LatencySources;
import dev.ofastudio.engine.study.ReferenceNet;
import java.nio.file.Path;
import java.util.List;

/** The studio's loaders: the engine's predictor reader and its {@link LatencySources}, as the CLI uses them. */
public final class EngineInputLoaders implements InputLoaders {
    @Override
    public AccuracyPredictor loadPredictor(Path file) throws OfaException {
        return AccuracyPredictors.load(file);
    }

    @Override
    public LatencySource loadLatency(Path fileOrFolder) throws OfaException {
        return LatencySources.open(fileOrFolder);
    }

    @Override
    public List<LatencySource> shippedBoards() throws OfaException {
        return LatencySources.shipped();
    }

    @Override
    public List<ReferenceNet> referenceNets() {
        return ReferenceNet.standard();
    }

    @Override
    public List<Project> builtInProjects() throws OfaException {
        return BuiltInProjects.available();
    }

    @Override
    public Project openProject(String idOrFolder) throws OfaException {
        return BuiltInProjects.resolve(idOrFolder);
    }
}
