package dev.ofastudio.engine.cli;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this whole process (every thread: the work, the JIT compilers, the collector), for
 * figures that stay comparable on a shared machine where wall time mostly measures waiting.
 */
final class ProcessCpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    static long nanos() {
        return OS.getProcessCpuTime();
    }

    static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
