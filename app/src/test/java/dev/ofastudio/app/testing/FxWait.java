package dev.ofastudio.app.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting on background work in TestFX tests, and reading FX state from the test thread. */
public final class FxWait {
    private FxWait() {
    }

    /** A condition that may read FX state. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    /**
     * Waits until {@code condition} holds and asserts it. The bound only stops a hung test on a
     * loaded machine; it times nothing.
     */
    public static void await(String what, long minutes, Check condition) throws Exception {
        WaitForAsyncUtils.waitFor(minutes, TimeUnit.MINUTES, condition::holds);
        assertTrue(condition.holds(), what);
    }

    /** {@code read} run on the FX thread. */
    public static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(1, TimeUnit.MINUTES);
    }
}
