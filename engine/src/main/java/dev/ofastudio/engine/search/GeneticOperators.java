package dev.ofastudio.engine.search;

import java.util.SplittableRandom;

/**
 * OFA's variation operators on genomes (digest §5.2), without the constraint loop: uniform random
 * sampling, mutation (resolution with {@code resolutionMutateProb}; per block (kernel, expand)
 * jointly and per stage the depth, each with {@code mutateProb}), and uniform crossover (each
 * gene from one of the two parents).
 */
final class GeneticOperators {
    private final GenomeLayout layout;
    private final double mutateProb;
    private final double resolutionMutateProb;

    GeneticOperators(GenomeLayout layout, double mutateProb, double resolutionMutateProb) {
        this.layout = layout;
        this.mutateProb = mutateProb;
        this.resolutionMutateProb = resolutionMutateProb;
    }

    void random(SplittableRandom rng, int[] out) {
        for (int b = 0; b < GenomeLayout.BLOCKS; b++) {
            out[GenomeLayout.K + b] = rng.nextInt(layout.kernels.length);
        }
        for (int b = 0; b < GenomeLayout.BLOCKS; b++) {
            out[GenomeLayout.E + b] = rng.nextInt(layout.expands.length);
        }
        for (int s = 0; s < GenomeLayout.STAGES; s++) {
            out[GenomeLayout.D + s] = rng.nextInt(layout.depths.length);
        }
        out[GenomeLayout.R] = rng.nextInt(layout.resolutions.length);
    }

    void mutate(SplittableRandom rng, int[] parent, int[] out) {
        System.arraycopy(parent, 0, out, 0, GenomeLayout.LENGTH);
        if (rng.nextDouble() < resolutionMutateProb) {
            out[GenomeLayout.R] = rng.nextInt(layout.resolutions.length);
        }
        for (int b = 0; b < GenomeLayout.BLOCKS; b++) {
            if (rng.nextDouble() < mutateProb) {
                out[GenomeLayout.K + b] = rng.nextInt(layout.kernels.length);
                out[GenomeLayout.E + b] = rng.nextInt(layout.expands.length);
            }
        }
        for (int s = 0; s < GenomeLayout.STAGES; s++) {
            if (rng.nextDouble() < mutateProb) {
                out[GenomeLayout.D + s] = rng.nextInt(layout.depths.length);
            }
        }
    }

    void crossover(SplittableRandom rng, int[] a, int[] b, int[] out) {
        for (int i = 0; i < GenomeLayout.LENGTH; i++) {
            out[i] = rng.nextBoolean() ? a[i] : b[i];
        }
    }
}
