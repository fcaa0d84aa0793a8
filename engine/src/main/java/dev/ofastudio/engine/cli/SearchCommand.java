package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code ofa search} is being built; replace this class. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "(not yet available)")
final class SearchCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        throw new OfaException("'ofa search' is not available in this build yet");
    }
}
