package dev.ofastudio.engine.cli;

import picocli.CommandLine.Command;

/** {@code ofa dataset}: accuracy datasets of trained supernets. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Accuracy datasets of a trained supernet (for 'ofa predictor train').",
        subcommands = {DatasetBuildCommand.class})
final class DatasetCommand extends CommandGroup {
}
