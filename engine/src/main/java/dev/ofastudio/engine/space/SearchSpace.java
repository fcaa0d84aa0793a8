package dev.ofastudio.engine.space;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * An elastic OFA search space: the seam every consumer (search, predictors, latency, supernet,
 * trainer, studio) builds on. A space owns the layer description of its sub-networks, sampling,
 * validation and the codecs between a {@link SubnetConfig} and the search's genome; it is
 * identified by {@link #id()} plus {@link #parameters()}, which files record and
 * {@link SearchSpaces} turns back into a space.
 *
 * <p>Sub-networks use OFA's elastic form (kernel and expand per block, depth per stage,
 * resolution): {@link #kernelSizes()}, {@link #expandRatios()}, {@link #depths()} and
 * {@link #resolutions()} are the choices.
 */
public interface SearchSpace {

    /** Training resolutions of the reference: 128..224 in steps of 4. */
    List<Integer> DEFAULT_RESOLUTIONS = Mbv3Space.DEFAULT_RESOLUTIONS;

    /** The reference OFA MobileNetV3 space at width {@code widthMult} (K{3,5,7}, E{3,4,6}, D{2,3,4}). */
    static Mbv3Space mobileNetV3(double widthMult) {
        return Mbv3Space.mobileNetV3(widthMult);
    }

    /** The implementation's family, e.g. {@code ofa_mbv3}; {@link SearchSpaces} dispatches on it. */
    String kind();

    /**
     * Short id used in files and the UI, e.g. {@code ofa_mbv3_w1.2}; two spaces with the same id
     * and {@link #parameters()} are the same space.
     */
    String id();

    /** Every parameter that defines the space, in JSON-friendly values (numbers, strings, lists). */
    Map<String, Object> parameters();

    /** One line for people, e.g. "OFA MobileNetV3 w1.2". */
    String displayName();

    /** Width multiplier of the space's channel widths. */
    double widthMult();

    int inputChannels();

    int numClasses();

    List<Integer> kernelSizes();

    List<Integer> expandRatios();

    List<Integer> depths();

    List<Integer> resolutions();

    SearchSpace withNumClasses(int classes);

    SearchSpace withResolutions(List<Integer> resolutions);

    /** The layer-by-layer description of {@code config} at {@code resolution}. */
    NetworkDescription describe(SubnetConfig config, int resolution);

    /** The layer-by-layer description of {@code config} at its own resolution. */
    default NetworkDescription describe(SubnetConfig config) {
        return describe(config, config.r());
    }

    default int maxKernel() {
        return kernelSizes().get(kernelSizes().size() - 1);
    }

    default int maxExpand() {
        return expandRatios().get(expandRatios().size() - 1);
    }

    default int maxDepth() {
        return depths().get(depths().size() - 1);
    }

    default SubnetConfig maxConfig(int resolution) {
        return SubnetConfig.uniform(maxKernel(), maxExpand(), maxDepth(), resolution);
    }

    default SubnetConfig minConfig(int resolution) {
        return SubnetConfig.uniform(kernelSizes().get(0), expandRatios().get(0), depths().get(0), resolution);
    }

    /** A uniformly random sub-network (OFA's {@code sample_active_subnet}) at a random listed resolution. */
    default SubnetConfig sample(Random rng) {
        return sample(rng, resolutions().get(rng.nextInt(resolutions().size())));
    }

    /** A uniformly random sub-network at {@code resolution}; every block gets a value, active or not. */
    default SubnetConfig sample(Random rng, int resolution) {
        int[] ks = new int[SubnetConfig.BLOCKS];
        int[] e = new int[SubnetConfig.BLOCKS];
        int[] d = new int[SubnetConfig.STAGES];
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            ks[b] = kernelSizes().get(rng.nextInt(kernelSizes().size()));
        }
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            e[b] = expandRatios().get(rng.nextInt(expandRatios().size()));
        }
        for (int s = 0; s < SubnetConfig.STAGES; s++) {
            d[s] = depths().get(rng.nextInt(depths().size()));
        }
        return new SubnetConfig(ks, e, d, resolution);
    }

    /**
     * Checks that every value that runs lies in this space. Inactive blocks are not checked: their
     * values are placeholders. The message names the field, the index and the allowed values.
     *
     * @param checkResolution whether {@code r} must be one of {@link #resolutions()}; the
     *     supernet and the counters run at any resolution, the predictors and latency tables do not.
     */
    default void validate(SubnetConfig c, boolean checkResolution) throws OfaException {
        for (int s = 0; s < SubnetConfig.STAGES; s++) {
            if (!depths().contains(c.d(s))) {
                throw new OfaException("config field d[" + s + "]: expected one of " + depths()
                        + ", found " + c.d(s));
            }
        }
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (!c.isActive(b)) {
                continue;
            }
            if (!kernelSizes().contains(c.ks(b))) {
                throw new OfaException("config field ks[" + b + "]: expected one of " + kernelSizes()
                        + ", found " + c.ks(b));
            }
            if (!expandRatios().contains(c.e(b))) {
                throw new OfaException("config field e[" + b + "]: expected one of " + expandRatios()
                        + ", found " + c.e(b));
            }
        }
        if (c.r() < 1) {
            throw new OfaException("config field r: expected a positive resolution, found " + c.r());
        }
        if (checkResolution && !resolutions().contains(c.r())) {
            throw new OfaException("config field r: expected one of " + describeResolutions()
                    + ", found " + c.r());
        }
    }

    /** Validates including the resolution. */
    default void validate(SubnetConfig c) throws OfaException {
        validate(c, true);
    }

    /**
     * The search genome of {@code c}: choice indices {@code [ks idx ×20, e idx ×20, d idx ×5, r idx]}.
     * Inactive blocks whose values lie outside the space get index 0.
     *
     * @throws OfaException if an active value or the resolution is not in the space
     */
    default int[] encodeGenome(SubnetConfig c) throws OfaException {
        int blocks = SubnetConfig.BLOCKS;
        int stages = SubnetConfig.STAGES;
        int[] g = new int[2 * blocks + stages + 1];
        for (int s = 0; s < stages; s++) {
            g[2 * blocks + s] = indexOf(depths(), c.d(s), "d[" + s + "]");
        }
        for (int b = 0; b < blocks; b++) {
            boolean active = c.isActive(b);
            g[b] = active ? indexOf(kernelSizes(), c.ks(b), "ks[" + b + "]")
                    : Math.max(0, kernelSizes().indexOf(c.ks(b)));
            g[blocks + b] = active ? indexOf(expandRatios(), c.e(b), "e[" + b + "]")
                    : Math.max(0, expandRatios().indexOf(c.e(b)));
        }
        g[2 * blocks + stages] = indexOf(resolutions(), c.r(), "r");
        return g;
    }

    /** The config of a genome made by {@link #encodeGenome(SubnetConfig)}. */
    default SubnetConfig decodeGenome(int[] g) {
        int blocks = SubnetConfig.BLOCKS;
        int stages = SubnetConfig.STAGES;
        int[] ks = new int[blocks];
        int[] e = new int[blocks];
        int[] d = new int[stages];
        for (int b = 0; b < blocks; b++) {
            ks[b] = kernelSizes().get(g[b]);
            e[b] = expandRatios().get(g[blocks + b]);
        }
        for (int s = 0; s < stages; s++) {
            d[s] = depths().get(g[2 * blocks + s]);
        }
        return new SubnetConfig(ks, e, d, resolutions().get(g[2 * blocks + stages]));
    }

    private static int indexOf(List<Integer> values, int v, String field) throws OfaException {
        int i = values.indexOf(v);
        if (i < 0) {
            throw new OfaException("config field " + field + ": expected one of " + values + ", found " + v);
        }
        return i;
    }

    /** "128..224 step 4" for an arithmetic list, otherwise the list itself. */
    default String describeResolutions() {
        List<Integer> rs = resolutions();
        if (rs.size() > 2) {
            int step = rs.get(1) - rs.get(0);
            boolean arithmetic = true;
            for (int i = 1; i < rs.size(); i++) {
                arithmetic &= rs.get(i) - rs.get(i - 1) == step;
            }
            if (arithmetic) {
                return rs.get(0) + ".." + rs.get(rs.size() - 1) + " step " + step;
            }
        }
        return rs.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
