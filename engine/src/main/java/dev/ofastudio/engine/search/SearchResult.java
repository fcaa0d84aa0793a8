package dev.ofastudio.engine.search;

/**
 * What a search found: the best feasible sub-network, every candidate it evaluated (the studio
 * plots them), and the best accuracy after each generation.
 *
 * @param best             the most accurate candidate found
 * @param history          every evaluated candidate in evaluation order (duplicates included)
 * @param bestByGeneration best accuracy known at the start of each generation, then after the last one
 * @param predictorCalls   batched calls made to the accuracy predictor
 * @param seconds          wall-clock time of the search
 */
public record SearchResult(Candidate best, SearchHistory history, double[] bestByGeneration, int predictorCalls,
        double seconds) {

    public SearchResult {
        bestByGeneration = bestByGeneration.clone();
    }

    @Override
    public double[] bestByGeneration() {
        return bestByGeneration.clone();
    }
}
