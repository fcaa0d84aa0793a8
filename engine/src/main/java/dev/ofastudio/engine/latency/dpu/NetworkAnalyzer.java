package dev.ofastudio.engine.latency.dpu;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;

/** Something that gives the full DPU report of a network: the analytic model or a board profile. */
public interface NetworkAnalyzer {
    NetworkReport analyze(NetworkDescription net) throws OfaException;

    /** The board the reports are for. */
    BoardSpec board();
}
