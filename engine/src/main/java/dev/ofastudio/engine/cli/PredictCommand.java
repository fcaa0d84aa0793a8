package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.predict.AccuracyPredictors;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.project.Project;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ofa predict}: an accuracy predictor's top-1 estimate for one sub-network. The official
 * OFA predictor was trained on the w1.2 space, so ks/e/d are checked against it and the resolution
 * must be one it encodes (112..224 step 16); a predictor of {@code ofa predictor train} checks
 * against its own space (or the project's).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predicted top-1 accuracy (0-1) of a sub-network by the official OFA MobileNetV3-w1.2 predictor "
                + "(.pth) or one made by 'ofa predictor train'.")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--predictor", paramLabel = "FILE",
            description = "The predictor: acc_predictor.pth of the OFA tutorial or a file of 'ofa predictor train' "
                    + "(default: the --project's predictor).")
    Path predictor;

    @Option(names = "--project", paramLabel = SearchOptions.PROJECT_LABEL, description = SearchOptions.PROJECT_HELP)
    String project;

    @Option(names = "--config", required = true, description = "Sub-network config: a JSON file or inline JSON.")
    String config;

    @Option(names = "--json", description = "Print JSON: {\"accuracy\": x, ...}.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SubnetConfig c = SubnetConfigJson.parseArgument(config);
        Project proj = project == null ? null : BuiltInProjects.resolve(project);
        Path file = SearchOptions.predictorFile(predictor, proj);
        AccuracyPredictor p = AccuracyPredictors.load(file);
        SearchSpace space = proj != null ? proj.space() : p.trainedSpace().orElse(SearchSpace.mobileNetV3(1.2));
        AccuracyPredictors.requireSupports(p, space, file.toString());
        space.validate(c, false);
        p.check(c);
        double accuracy = p.predict(c);
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accuracy", accuracy);
            m.put("resolution", c.r());
            m.put("space", space.id());
            m.put("predictor", p.describe());
            m.put("project", proj == null ? null : proj.id());
            m.put("config", SubnetConfigJson.toJson(c));
            JsonOutput.print(out, m);
        } else {
            out.printf("Predicted top-1: %.2f%% (%.6f) at r=%d%n", 100 * accuracy, accuracy, c.r());
        }
        return 0;
    }
}
