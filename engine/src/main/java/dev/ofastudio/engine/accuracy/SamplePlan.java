package dev.ofastudio.engine.accuracy;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The sub-networks an accuracy dataset evaluates, in a fixed order: distinct architectures drawn
 * uniformly from the space (OFA's {@code sample_active_subnet}) with a seeded generator, each at
 * every chosen resolution in turn (OFA evaluates each architecture at all its image sizes), cut
 * at {@code n}. The same space, resolutions and seed always give the same list, and a longer list
 * starts with the shorter one, so a resumed build continues where it stopped.
 */
public final class SamplePlan {
    /** Draws per wanted architecture before a space is declared too small for {@code n}. */
    static final int MAX_DRAWS_PER_ARCH = 1000;

    private SamplePlan() {
    }

    public static List<SubnetConfig> of(SearchSpace space, List<Integer> resolutions, int n, long seed)
            throws OfaException {
        if (resolutions.isEmpty()) {
            throw new OfaException("option --resolutions: expected at least one resolution");
        }
        int archs = (n + resolutions.size() - 1) / resolutions.size();
        Random rng = new Random(seed);
        Set<SubnetConfig> seen = new HashSet<>();
        List<SubnetConfig> out = new ArrayList<>(n);
        long draws = 0;
        while (seen.size() < archs) {
            if (++draws > (long) MAX_DRAWS_PER_ARCH * archs) {
                throw new OfaException("option --n: expected at most about " + seen.size() * resolutions.size()
                        + " sub-networks (the space has only " + seen.size() + " distinct architectures), found " + n);
            }
            SubnetConfig c = canonical(space, space.sample(rng, resolutions.get(0)));
            if (!seen.add(c)) {
                continue;
            }
            for (int r : resolutions) {
                if (out.size() < n) {
                    out.add(c.withResolution(r));
                }
            }
        }
        return out;
    }

    /** Placeholders of skipped blocks set to the smallest choices, so that equal networks compare equal. */
    static SubnetConfig canonical(SearchSpace space, SubnetConfig c) {
        return c.canonical(space.kernelSizes().get(0), space.expandRatios().get(0));
    }
}
