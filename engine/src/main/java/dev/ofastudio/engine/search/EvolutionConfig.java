package dev.ofastudio.engine.search;

/**
 * Hyper-parameters of the evolutionary search (digest §5.1). Validated on construction; every
 * message names the field, the allowed range and the value found.
 *
 * @param populationSize       candidates per generation (OFA: 100)
 * @param generations          generations after the initial population (OFA: 500)
 * @param parentRatio          share of the population kept as parents (OFA: 0.25)
 * @param mutationRatio        share of the children made by mutation, the rest by crossover (OFA: 0.5)
 * @param mutateProb           per-block probability of resampling (kernel, expand) jointly, and
 *                             per-stage probability of resampling the depth (OFA: 0.1)
 * @param resolutionMutateProb probability of resampling the resolution (tutorial: 0.1, library: 0.5)
 * @param maxSampleTries       draws allowed for one feasible candidate before the search gives up
 * @param seed                 random seed; the same seed, inputs and config give the same search
 */
public record EvolutionConfig(int populationSize, int generations, double parentRatio, double mutationRatio,
        double mutateProb, double resolutionMutateProb, int maxSampleTries, long seed) {

    public static final int DEFAULT_MAX_SAMPLE_TRIES = 100_000;

    public EvolutionConfig {
        requireRange("populationSize", populationSize, 2, 1_000_000);
        requireRange("generations", generations, 0, 1_000_000);
        requireProbability("parentRatio", parentRatio, false);
        requireProbability("mutationRatio", mutationRatio, true);
        requireProbability("mutateProb", mutateProb, true);
        requireProbability("resolutionMutateProb", resolutionMutateProb, true);
        requireRange("maxSampleTries", maxSampleTries, 1, Integer.MAX_VALUE);
        if (parentCount(populationSize, parentRatio) < 1) {
            throw new IllegalArgumentException("EvolutionConfig.parentRatio: expected a ratio that keeps at least "
                    + "one parent of " + populationSize + ", found " + parentRatio);
        }
    }

    /** The OFA tutorial's settings (population 100, 500 generations, 0.25, 0.5, 0.1, 0.1), seed 0. */
    public static EvolutionConfig defaults() {
        return new EvolutionConfig(100, 500, 0.25, 0.5, 0.1, 0.1, DEFAULT_MAX_SAMPLE_TRIES, 0L);
    }

    public EvolutionConfig withSeed(long s) {
        return new EvolutionConfig(populationSize, generations, parentRatio, mutationRatio, mutateProb,
                resolutionMutateProb, maxSampleTries, s);
    }

    public EvolutionConfig withPopulation(int population, int gens) {
        return new EvolutionConfig(population, gens, parentRatio, mutationRatio, mutateProb,
                resolutionMutateProb, maxSampleTries, seed);
    }

    public EvolutionConfig withResolutionMutateProb(double p) {
        return new EvolutionConfig(populationSize, generations, parentRatio, mutationRatio, mutateProb, p,
                maxSampleTries, seed);
    }

    public EvolutionConfig withMaxSampleTries(int tries) {
        return new EvolutionConfig(populationSize, generations, parentRatio, mutationRatio, mutateProb,
                resolutionMutateProb, tries, seed);
    }

    /** Parents kept per generation: {@code int(round(ratio * P))} with Python's half-even rounding. */
    public int parentCount() {
        return parentCount(populationSize, parentRatio);
    }

    /** Children made by mutation per generation; the other {@code P - m} come from crossover. */
    public int mutationCount() {
        return (int) Math.rint(mutationRatio * populationSize);
    }

    private static int parentCount(int population, double ratio) {
        return (int) Math.rint(ratio * population);
    }

    private static void requireRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("EvolutionConfig." + field + ": expected " + min + ".." + max
                    + ", found " + value);
        }
    }

    private static void requireProbability(String field, double value, boolean zeroAllowed) {
        boolean ok = !Double.isNaN(value) && value <= 1 && (zeroAllowed ? value >= 0 : value > 0);
        if (!ok) {
            throw new IllegalArgumentException("EvolutionConfig." + field + ": expected a value in "
                    + (zeroAllowed ? "[0, 1]" : "(0, 1]") + ", found " + value);
        }
    }
}
