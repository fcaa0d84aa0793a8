package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code ofa latency} is being built; replace this class. */
@Command(name = "latency", mixinStandardHelpOptions = true, description = "(not yet available)")
final class LatencyCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        throw new OfaException("'ofa latency' is not available in this build yet");
    }
}
