package dev.ofastudio.engine.train;

import java.util.List;

/**
 * One phase of progressive shrinking (digest §2.1): the choices it samples from, how many
 * sub-networks share a step, its length and learning rate.
 *
 * @param name           short id used in files, e.g. {@code kernel} or {@code depth-2}
 * @param subnetsPerStep sub-networks whose gradients accumulate into one optimizer step
 * @param epochs         length in epochs (warm-up included)
 * @param warmupEpochs   epochs at the constant warm-up rate before the cosine decay
 * @param lr             initial learning rate for this phase
 * @param sortExpandStage expand-ratio index whose channels are sorted when the phase starts
 *                       ({@code ChannelSorter}), or -1
 * @param teacher        true for the full-network phase: no distillation, only the max net
 */
public record PhaseSpec(String name, List<Integer> kernels, List<Integer> expands, List<Integer> depths,
        int subnetsPerStep, double epochs, double warmupEpochs, double lr, int sortExpandStage, boolean teacher) {
    public PhaseSpec {
        kernels = List.copyOf(kernels);
        expands = List.copyOf(expands);
        depths = List.copyOf(depths);
        if (subnetsPerStep < 1 || epochs <= 0 || warmupEpochs < 0 || warmupEpochs >= epochs || lr <= 0) {
            throw new IllegalArgumentException("phase " + name + ": invalid schedule");
        }
    }
}
