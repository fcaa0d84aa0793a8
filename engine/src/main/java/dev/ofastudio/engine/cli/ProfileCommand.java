package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: {@code ofa profile} is being built; replace this class. */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "(not yet available)")
final class ProfileCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        throw new OfaException("'ofa profile' is not available in this build yet");
    }
}
