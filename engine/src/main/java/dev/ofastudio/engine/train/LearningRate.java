package dev.ofastudio.engine.train;

/**
 * OFA's per-iteration schedule (digest §2.2): a linear warm-up to the phase's rate, then a cosine
 * decay to zero over the remaining steps. (OFA's PS phases warm up from base_lr, which equals the
 * phase rate for one worker; a from-scratch teacher diverged here within ten steps at a constant
 * 0.08, so every warm-up ramps linearly from zero, as OFA's normal training does.)
 */
final class LearningRate {
    private LearningRate() {
    }

    /** Rate at 0-based step {@code t} of a phase of {@code total} steps with {@code warmup} warm-up steps. */
    static double at(double lr, long t, long total, long warmup) {
        if (t < warmup) {
            return lr * (t + 1) / warmup;
        }
        long span = Math.max(1, total - warmup);
        return 0.5 * lr * (1 + Math.cos(Math.PI * (t - warmup) / span));
    }
}
