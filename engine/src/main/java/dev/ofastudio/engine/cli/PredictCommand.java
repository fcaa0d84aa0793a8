package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code ofa predict} is being built; replace this class. */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "(not yet available)")
final class PredictCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        throw new OfaException("'ofa predict' is not available in this build yet");
    }
}
