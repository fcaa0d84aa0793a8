package dev.ofastudio.engine.space;

import dev.ofastudio.engine.OfaException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The OFA MobileNetV3 search space at one width multiplier: the elastic choices (kernel, expand,
 * depth, resolution), the class count, and the fixed stage structure they apply to.
 *
 * <p>Widths follow the reference exactly: base widths {@code [16,16,24,40,80,112,160,960,1280]}
 * times the multiplier, each through {@link Channels#makeDivisible(double)}.
 */
public record SearchSpace(
        double widthMult,
        List<Integer> kernelSizes,
        List<Integer> expandRatios,
        List<Integer> depths,
        List<Integer> resolutions,
        int numClasses) {

    /** Base widths of OFA MobileNetV3 before the width multiplier. */
    private static final int[] BASE_WIDTHS = {16, 16, 24, 40, 80, 112, 160, 960, 1280};
    /** Stride of the first block of each elastic stage. */
    private static final int[] STAGE_STRIDES = {2, 2, 2, 1, 2};
    private static final Activation[] STAGE_ACTS = {
        Activation.RELU, Activation.RELU, Activation.H_SWISH, Activation.H_SWISH, Activation.H_SWISH
    };
    private static final boolean[] STAGE_SE = {false, true, false, true, true};

    /** Training resolutions of the reference: 128..224 in steps of 4. */
    public static final List<Integer> DEFAULT_RESOLUTIONS =
            IntStream.iterate(128, r -> r <= 224, r -> r + 4).boxed().toList();

    public SearchSpace {
        if (widthMult <= 0 || Double.isNaN(widthMult)) {
            throw new IllegalArgumentException("widthMult must be > 0, got " + widthMult);
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
        }
        kernelSizes = sortedCopy("kernelSizes", kernelSizes);
        expandRatios = sortedCopy("expandRatios", expandRatios);
        depths = sortedCopy("depths", depths);
        resolutions = sortedCopy("resolutions", resolutions);
        for (int dd : depths) {
            if (dd < 1 || dd > SubnetConfig.MAX_DEPTH) {
                throw new IllegalArgumentException("depths must lie in 1..4, got " + depths);
            }
        }
    }

    private static List<Integer> sortedCopy(String field, List<Integer> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        for (int v : values) {
            if (v < 1) {
                throw new IllegalArgumentException(field + " must be positive, got " + values);
            }
        }
        return values.stream().distinct().sorted().toList();
    }

    /** The reference space: K{3,5,7}, E{3,4,6}, D{2,3,4}, r 128..224 step 4, 1000 classes. */
    public static SearchSpace mobileNetV3(double widthMult) {
        return new SearchSpace(widthMult, List.of(3, 5, 7), List.of(3, 4, 6), List.of(2, 3, 4),
                DEFAULT_RESOLUTIONS, 1000);
    }

    public SearchSpace withNumClasses(int classes) {
        return new SearchSpace(widthMult, kernelSizes, expandRatios, depths, resolutions, classes);
    }

    public SearchSpace withResolutions(List<Integer> rs) {
        return new SearchSpace(widthMult, kernelSizes, expandRatios, depths, rs, numClasses);
    }

    /** Short id used in files and the UI, e.g. {@code ofa_mbv3_w1.2}. */
    public String id() {
        return "ofa_mbv3_w" + widthMult;
    }

    private int width(int index) {
        return Channels.makeDivisible(BASE_WIDTHS[index] * widthMult);
    }

    /** Output channels of the first 3x3 conv (16 at w1.0, 24 at w1.2). */
    public int firstConvWidth() {
        return width(0);
    }

    /** Output channels of block 0 (the fixed expand-1 MBConv). */
    public int firstBlockWidth() {
        return width(1);
    }

    /** Output channels of elastic stage {@code stage} (0..4). */
    public int stageWidth(int stage) {
        return width(2 + stage);
    }

    public int finalExpandWidth() {
        return width(7);
    }

    public int featureMixWidth() {
        return width(8);
    }

    public int stageStride(int stage) {
        return STAGE_STRIDES[stage];
    }

    public Activation stageActivation(int stage) {
        return STAGE_ACTS[stage];
    }

    public boolean stageUsesSe(int stage) {
        return STAGE_SE[stage];
    }

    public int maxKernel() {
        return kernelSizes.get(kernelSizes.size() - 1);
    }

    public int maxExpand() {
        return expandRatios.get(expandRatios.size() - 1);
    }

    public int maxDepth() {
        return depths.get(depths.size() - 1);
    }

    public SubnetConfig maxConfig(int resolution) {
        return SubnetConfig.uniform(maxKernel(), maxExpand(), maxDepth(), resolution);
    }

    public SubnetConfig minConfig(int resolution) {
        return SubnetConfig.uniform(kernelSizes.get(0), expandRatios.get(0), depths.get(0), resolution);
    }

    /**
     * Checks that every value that runs lies in this space. Inactive blocks are not checked: their
     * values are placeholders. The message names the field, the index and the allowed values.
     *
     * @param checkResolution whether {@code r} must be one of {@link #resolutions()}; the
     *     supernet itself runs at any resolution, the predictors and latency tables do not.
     */
    public void validate(SubnetConfig c, boolean checkResolution) throws OfaException {
        for (int s = 0; s < SubnetConfig.STAGES; s++) {
            if (!depths.contains(c.d(s))) {
                throw new OfaException("config field d[" + s + "]: expected one of " + depths
                        + ", found " + c.d(s));
            }
        }
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (!c.isActive(b)) {
                continue;
            }
            if (!kernelSizes.contains(c.ks(b))) {
                throw new OfaException("config field ks[" + b + "]: expected one of " + kernelSizes
                        + ", found " + c.ks(b));
            }
            if (!expandRatios.contains(c.e(b))) {
                throw new OfaException("config field e[" + b + "]: expected one of " + expandRatios
                        + ", found " + c.e(b));
            }
        }
        if (c.r() < 1) {
            throw new OfaException("config field r: expected a positive resolution, found " + c.r());
        }
        if (checkResolution && !resolutions.contains(c.r())) {
            throw new OfaException("config field r: expected one of " + describeResolutions()
                    + ", found " + c.r());
        }
    }

    /** Validates including the resolution. */
    public void validate(SubnetConfig c) throws OfaException {
        validate(c, true);
    }

    /** "128..224 step 4" for an arithmetic list, otherwise the list itself. */
    public String describeResolutions() {
        if (resolutions.size() > 2) {
            int step = resolutions.get(1) - resolutions.get(0);
            boolean arithmetic = true;
            for (int i = 1; i < resolutions.size(); i++) {
                arithmetic &= resolutions.get(i) - resolutions.get(i - 1) == step;
            }
            if (arithmetic) {
                return resolutions.get(0) + ".." + resolutions.get(resolutions.size() - 1) + " step " + step;
            }
        }
        return resolutions.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
