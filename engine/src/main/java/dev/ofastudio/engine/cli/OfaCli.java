package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ofa} command line. Every subcommand prints JSON on stdout with {@code --json}; any
 * input problem prints one line on stderr and exits with {@link #EXIT_INPUT}.
 */
@Command(name = "ofa", mixinStandardHelpOptions = true, versionProvider = EngineVersion.class,
        description = "OFA Studio engine: Once-for-All search space, predictors, DPU latency and search.",
        subcommands = {
            MacsCommand.class,
            LatencyCommand.class,
            PredictCommand.class,
            SearchCommand.class,
            BenchCommand.class,
            ProfileCommand.class,
            ClaimCommand.class,
            CompareCommand.class,
            SweepCommand.class,
            ForwardCommand.class,
            ExtractCommand.class,
            TrainCommand.class,
            DatasetCommand.class,
            PredictorCommand.class,
            ExportCommand.class,
            SupernetCommand.class,
            CommandLine.HelpCommand.class
        })
public final class OfaCli implements Runnable {
    /** Exit code for bad input (files, fields, values, options). */
    public static final int EXIT_INPUT = 2;
    /** Exit code for a bug: something the engine did not expect. */
    public static final int EXIT_INTERNAL = 1;
    /** Longest error line: long enough for every missing key of a table, short of a flood. */
    static final int MAX_MESSAGE = 8000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI in-process (tests use this with captured writers). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new OfaCli());
        cl.setOut(out);
        cl.setErr(err);
        // Exactly one line per error: the usage hint is in --help, not after every mistake.
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("ofa: " + oneLine(ex.getMessage()) + " (see 'ofa " + commandName(ex.getCommandLine())
                    + "--help')");
            return EXIT_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof OfaException) {
                err.println("ofa: error: " + oneLine(ex.getMessage()));
                return EXIT_INPUT;
            }
            err.println("ofa: internal error: " + oneLine(String.valueOf(ex))
                    + " (please report this with the command you ran)");
            if (Boolean.getBoolean("ofa.debug")) {
                ex.printStackTrace(err);
            }
            return EXIT_INTERNAL;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String commandName(CommandLine cl) {
        String name = cl.getCommandName();
        return "ofa".equals(name) ? "" : name + " ";
    }

    /**
     * Messages quote what the user typed or what a file held: escape line breaks and other control
     * characters so that every error stays one line, and bound its length.
     */
    static String oneLine(String message) {
        String m = message == null ? "" : message.strip();
        StringBuilder sb = new StringBuilder(Math.min(m.length(), MAX_MESSAGE));
        for (int i = 0; i < m.length() && sb.length() < MAX_MESSAGE; i++) {
            char c = m.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (sb.length() < m.length()) {
            sb.append('…');
        }
        return sb.toString();
    }
}
