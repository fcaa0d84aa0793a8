package dev.ofastudio.engine.space.mbv3;

import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.space.Activation;
import dev.ofastudio.engine.space.Channels;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The OFA MobileNetV3 search space (digest §1.2) with its parameters: width multiplier, input
 * channels (1 for grey images), the elastic choices (kernel, expand, depth, resolution), the class
 * count, squeeze-excite on/off, the activation table and the channel divisor of the stage widths.
 *
 * <p>With the defaults of {@link #mobileNetV3(double)} widths follow the reference exactly: base
 * widths {@code [16,16,24,40,80,112,160,960,1280]} times the multiplier, each through
 * {@link Channels#makeDivisible(double, int)} with divisor 8.
 */
public record Mbv3Space(
        double widthMult,
        int inputChannels,
        List<Integer> kernelSizes,
        List<Integer> expandRatios,
        List<Integer> depths,
        List<Integer> resolutions,
        int numClasses,
        boolean se,
        ActivationTable activations,
        int divisor) implements SearchSpace {

    /** {@link #kind()} of this family. */
    public static final String KIND = "ofa_mbv3";
    /** Smallest resolution the network runs at: five stride-2 stages leave a 1×1 map at 32. */
    public static final int MIN_RESOLUTION = 16;

    /** Base widths of OFA MobileNetV3 before the width multiplier. */
    private static final int[] BASE_WIDTHS = {16, 16, 24, 40, 80, 112, 160, 960, 1280};
    /** Stride of the first block of each elastic stage. */
    private static final int[] STAGE_STRIDES = {2, 2, 2, 1, 2};
    private static final boolean[] STAGE_SE = {false, true, false, true, true};

    /** Training resolutions of the reference: 128..224 in steps of 4. */
    public static final List<Integer> DEFAULT_RESOLUTIONS =
            IntStream.iterate(128, r -> r <= 224, r -> r + 4).boxed().toList();

    public Mbv3Space {
        if (widthMult <= 0 || Double.isNaN(widthMult) || widthMult > 16) {
            throw new IllegalArgumentException("widthMult must lie in (0, 16], got " + widthMult);
        }
        if (inputChannels != 1 && inputChannels != 3) {
            throw new IllegalArgumentException("inputChannels must be 1 or 3, got " + inputChannels);
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
        }
        if (divisor != 8 && divisor != 16) {
            throw new IllegalArgumentException("divisor must be 8 or 16, got " + divisor);
        }
        if (activations == null) {
            throw new IllegalArgumentException("activations must be given");
        }
        kernelSizes = sortedCopy("kernelSizes", kernelSizes);
        expandRatios = sortedCopy("expandRatios", expandRatios);
        depths = sortedCopy("depths", depths);
        resolutions = sortedCopy("resolutions", resolutions);
        for (int k : kernelSizes) {
            if (k % 2 == 0 || k > 7) {
                throw new IllegalArgumentException("kernel sizes must be odd and at most 7, got " + kernelSizes);
            }
        }
        for (int x : expandRatios) {
            if (x > 8) {
                throw new IllegalArgumentException("expand ratios must lie in 1..8, got " + expandRatios);
            }
        }
        for (int dd : depths) {
            if (dd > SubnetConfig.MAX_DEPTH) {
                throw new IllegalArgumentException("depths must lie in 1..4, got " + depths);
            }
        }
        if (resolutions.get(0) < MIN_RESOLUTION) {
            throw new IllegalArgumentException("resolutions must be >= " + MIN_RESOLUTION + ", got " + resolutions);
        }
    }

    /** The reference space (3 input channels, SE, h-swish) with the given choices. */
    public Mbv3Space(double widthMult, List<Integer> kernelSizes, List<Integer> expandRatios, List<Integer> depths,
            List<Integer> resolutions, int numClasses) {
        this(widthMult, 3, kernelSizes, expandRatios, depths, resolutions, numClasses, true, ActivationTable.MBV3, 8);
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
    public static Mbv3Space mobileNetV3(double widthMult) {
        return new Mbv3Space(widthMult, List.of(3, 5, 7), List.of(3, 4, 6), List.of(2, 3, 4),
                DEFAULT_RESOLUTIONS, 1000);
    }

    @Override
    public Mbv3Space withNumClasses(int classes) {
        return new Mbv3Space(widthMult, inputChannels, kernelSizes, expandRatios, depths, resolutions, classes, se,
                activations, divisor);
    }

    @Override
    public Mbv3Space withResolutions(List<Integer> rs) {
        return new Mbv3Space(widthMult, inputChannels, kernelSizes, expandRatios, depths, rs, numClasses, se,
                activations, divisor);
    }

    public Mbv3Space withInputChannels(int channels) {
        return new Mbv3Space(widthMult, channels, kernelSizes, expandRatios, depths, resolutions, numClasses, se,
                activations, divisor);
    }

    public Mbv3Space withChoices(List<Integer> kernels, List<Integer> expands, List<Integer> depthChoices) {
        return new Mbv3Space(widthMult, inputChannels, kernels, expands, depthChoices, resolutions, numClasses, se,
                activations, divisor);
    }

    /** The same space with SE on/off, another activation table and another stage-width divisor. */
    public Mbv3Space withBlockStyle(boolean useSe, ActivationTable table, int widthDivisor) {
        return new Mbv3Space(widthMult, inputChannels, kernelSizes, expandRatios, depths, resolutions, numClasses,
                useSe, table, widthDivisor);
    }

    /** True if this space has the reference's block style (SE, h-swish table, divisor 8, RGB input). */
    public boolean isReferenceStyle() {
        return se && activations == ActivationTable.MBV3 && divisor == 8 && inputChannels == 3;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * {@code ofa_mbv3_w1.2} for the reference block style (the id OFA's files and ours have always
     * used); other styles add a suffix, e.g. {@code ofa_mbv3_w1.0_relu_nose_d16_c1}.
     */
    @Override
    public String id() {
        StringBuilder id = new StringBuilder(KIND).append("_w").append(widthMult);
        if (activations != ActivationTable.MBV3) {
            id.append('_').append(activations.id());
        }
        if (!se) {
            id.append("_nose");
        }
        if (divisor != 8) {
            id.append("_d").append(divisor);
        }
        if (inputChannels != 3) {
            id.append("_c").append(inputChannels);
        }
        return id.toString();
    }

    @Override
    public String displayName() {
        String style = isReferenceStyle() ? "" : " (" + id().substring(id().indexOf('_', KIND.length() + 1) + 1)
                .replace('_', ' ') + ")";
        return "OFA MobileNetV3 w" + widthMult + style;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("width_mult", widthMult);
        p.put("input_channels", inputChannels);
        p.put("ks_list", kernelSizes);
        p.put("expand_ratio_list", expandRatios);
        p.put("depth_list", depths);
        p.put("resolutions", resolutions);
        p.put("num_classes", numClasses);
        p.put("se", se);
        p.put("activations", activations.id());
        p.put("width_divisor", divisor);
        return p;
    }

    @Override
    public NetworkDescription describe(SubnetConfig config, int resolution) {
        return dev.ofastudio.engine.arch.OfaMobileNetV3.describe(this, config, resolution);
    }

    private int width(int index) {
        return Channels.makeDivisible(BASE_WIDTHS[index] * widthMult, divisor);
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
        return activations.stage(stage);
    }

    /** Activation of the first conv, final expand and feature mix. */
    public Activation headActivation() {
        return activations.head();
    }

    public boolean stageUsesSe(int stage) {
        return se && STAGE_SE[stage];
    }
}
