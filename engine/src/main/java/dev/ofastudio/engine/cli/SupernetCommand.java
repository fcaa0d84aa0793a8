package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.supernet.SupernetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ofa supernet half}: a float16 copy of a supernet checkpoint (what a project ships). */
@Command(name = "supernet", mixinStandardHelpOptions = true, description = "Supernet checkpoint files.",
        subcommands = SupernetCommand.Half.class)
final class SupernetCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "half", mixinStandardHelpOptions = true,
            description = "Write a copy of an OFA Studio supernet checkpoint with float16 weights (half the size; "
                    + "loading widens them back to float32).")
    static final class Half implements Callable<Integer> {
        @Option(names = "--in", required = true, description = "OFA Studio supernet checkpoint (.ofa).")
        Path in;

        @Option(names = "--out", required = true, description = "File to write (atomically).")
        Path out;

        @Option(names = "--force", description = "Replace --out if it exists.")
        boolean force;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(in)) {
                throw new OfaException(in + ": expected a supernet checkpoint file, found no such file");
            }
            if (Files.isDirectory(out)) {
                throw new OfaException(out + ": is a directory, expected the checkpoint file to write");
            }
            if (Files.exists(out) && Files.isSameFile(in, out)) {
                throw new OfaException(out + ": is the input file; expected a new file to write");
            }
            if (Files.exists(out) && !force) {
                throw new OfaException(out + ": exists; expected a new file (--force replaces it)");
            }
            SupernetFiles.saveHalf(in, out);
            spec.commandLine().getOut().printf("wrote %s (float16, %,d bytes; %s was %,d bytes)%n", out,
                    Files.size(out), in.getFileName(), Files.size(in));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
