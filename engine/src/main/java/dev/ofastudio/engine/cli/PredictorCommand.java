package dev.ofastudio.engine.cli;

import picocli.CommandLine.Command;

/** {@code ofa predictor}: the studio's own accuracy predictors. */
@Command(name = "predictor", mixinStandardHelpOptions = true,
        description = "Accuracy predictors trained on an accuracy dataset ('ofa dataset build').",
        subcommands = {PredictorTrainCommand.class})
final class PredictorCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
