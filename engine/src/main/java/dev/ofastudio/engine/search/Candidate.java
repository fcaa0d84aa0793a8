package dev.ofastudio.engine.search;

import dev.ofastudio.engine.space.SubnetConfig;

/**
 * One evaluated sub-network of a search.
 *
 * @param config     the sub-network (OFA form)
 * @param accuracy   predicted accuracy (0–1)
 * @param latencyMs  predicted latency in ms, NaN when the search had no latency model
 * @param macs       exact MACs
 * @param generation 0 for the initial population, g for the children made in generation g
 */
public record Candidate(SubnetConfig config, double accuracy, double latencyMs, long macs, int generation) {
}
