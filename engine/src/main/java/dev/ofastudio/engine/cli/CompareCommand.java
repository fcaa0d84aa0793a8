package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code ofa compare} is being built; replace this class. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "(not yet available)")
final class CompareCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        throw new OfaException("'ofa compare' is not available in this build yet");
    }
}
