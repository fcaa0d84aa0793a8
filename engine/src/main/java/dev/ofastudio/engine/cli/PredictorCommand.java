package dev.ofastudio.engine.cli;

import picocli.CommandLine.Command;

/** {@code ofa predictor}: the studio's own accuracy predictors. */
@Command(name = "predictor", mixinStandardHelpOptions = true,
        description = "Accuracy predictors trained on an accuracy dataset ('ofa dataset build').",
        subcommands = {PredictorTrainCommand.class})
final class PredictorCommand extends CommandGroup {
}
