package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code ofa extract} is being built; replace this class. */
@Command(name = "extract", mixinStandardHelpOptions = true, description = "(not yet available)")
final class ExtractCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        throw new OfaException("'ofa extract' is not available in this build yet");
    }
}
