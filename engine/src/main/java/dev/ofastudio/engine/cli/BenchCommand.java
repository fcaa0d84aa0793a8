package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code ofa bench} is being built; replace this class. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "(not yet available)")
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        throw new OfaException("'ofa bench' is not available in this build yet");
    }
}
