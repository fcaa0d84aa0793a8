package dev.ofastudio.engine.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@code ofa ARGS} in a child JVM on the test classpath (for tests that SIGKILL it), output to {@code log}. */
public final class ChildCli {
    private ChildCli() {
    }

    public static Process start(Path log, List<String> args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Dai.djl.offline=true", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.ofastudio.engine.cli.OfaCli"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return pb.start();
    }
}
