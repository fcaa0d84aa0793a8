package dev.ofastudio.app.inputs;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.project.Project;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.ReferenceNet;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns files into engine objects: the one place where the studio calls the engine's loaders, so
 * tests can substitute fakes. Every failure is an {@link OfaException} whose message names the
 * file, the field and what was expected (several problems are separated by new lines).
 */
public interface InputLoaders {
    AccuracyPredictor loadPredictor(Path file) throws OfaException;

    /** A JSON board profile, an OFA YAML lookup-table folder, or a CSV of per-layer latencies. */
    LatencySource loadLatency(Path fileOrFolder) throws OfaException;

    /** The board profiles that ship with the studio (ZCU102, ZCU104, KV260). */
    List<LatencySource> shippedBoards() throws OfaException;

    /** Reference networks (MobileNetV2 etc.) with their published top-1, for the chart's markers. */
    List<ReferenceNet> referenceNets();

    /** The projects built into the engine, default first. */
    List<Project> builtInProjects() throws OfaException;

    /** A built-in project id or a project folder (with its {@code project.json}). */
    Project openProject(String idOrFolder) throws OfaException;

    /** The space of the official predictor and the shipped profiles. */
    default List<SearchSpace> spaces() {
        return List.of(SearchSpace.mobileNetV3(1.0), SearchSpace.mobileNetV3(1.2));
    }
}
