package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code ofa forward} is being built; replace this class. */
@Command(name = "forward", mixinStandardHelpOptions = true, description = "(not yet available)")
final class ForwardCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        throw new OfaException("'ofa forward' is not available in this build yet");
    }
}
