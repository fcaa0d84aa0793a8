package dev.ofastudio.engine.study;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Published ImageNet top-1 (%) of reference networks, by measurement spec
 * ({@code NAME[_WIDTH[_RESOLUTION]]}, width 1.0 and 224 px when left out). Only figures from the
 * networks' papers or torchvision's model cards; a network or variant without one here has no
 * known accuracy (the chart then puts it on the latency axis, not at a guessed height).
 */
public final class PublishedTop1 {
    /** Accuracy and where it was published. */
    public record Entry(double top1, String source) {
    }

    private static final String MBV1 = "Howard et al. 2017, Tables 6-7";
    private static final String MBV2 = "Sandler et al. 2018, Table 4";
    private static final String MBV3 = "Howard et al. 2019, Table 3";
    private static final String TORCHVISION = "torchvision model card";
    private static final Map<String, Entry> TABLE = Map.ofEntries(
            Map.entry("mobilenetv1_1.0_224", new Entry(70.6, MBV1)),
            Map.entry("mobilenetv1_0.75_224", new Entry(68.4, MBV1)),
            Map.entry("mobilenetv1_0.5_224", new Entry(63.7, MBV1)),
            Map.entry("mobilenetv1_0.25_224", new Entry(50.6, MBV1)),
            Map.entry("mobilenetv1_1.0_192", new Entry(69.1, MBV1)),
            Map.entry("mobilenetv1_1.0_160", new Entry(67.2, MBV1)),
            Map.entry("mobilenetv1_1.0_128", new Entry(64.4, MBV1)),
            Map.entry("mobilenetv2_1.0_224", new Entry(72.0, MBV2)),
            Map.entry("mobilenetv2_1.4_224", new Entry(74.7, MBV2)),
            Map.entry("mobilenetv3-large_1.0_224", new Entry(75.2, MBV3)),
            Map.entry("mobilenetv3-small_1.0_224", new Entry(67.4, MBV3)),
            Map.entry("resnet18_1.0_224", new Entry(69.758, TORCHVISION)),
            Map.entry("resnet50_1.0_224", new Entry(76.130, TORCHVISION)),
            Map.entry("resnet101_1.0_224", new Entry(77.374, TORCHVISION)),
            Map.entry("resnet152_1.0_224", new Entry(78.312, TORCHVISION)),
            Map.entry("vgg16_1.0_224", new Entry(71.592, TORCHVISION)));

    private PublishedTop1() {
    }

    /** The published entry of a reference network spec, or null (unknown network or variant, or an OFA config). */
    public static Entry of(String spec) {
        return TABLE.get(canonical(spec));
    }

    public static OptionalDouble top1(String name, double width, int resolution) {
        Entry e = TABLE.get(key(name, width, resolution));
        return e == null ? OptionalDouble.empty() : OptionalDouble.of(e.top1());
    }

    /** {@code resnet50} and {@code resnet50_1.0} name the same network as {@code resnet50_1.0_224}. */
    static String canonical(String spec) {
        String[] p = spec.strip().toLowerCase(Locale.ROOT).split("_");
        if (p.length > 3 || p[0].endsWith(".json") || p[0].contains("@")) {
            return "";
        }
        try {
            double w = p.length > 1 ? Double.parseDouble(p[1]) : 1.0;
            int r = p.length > 2 ? (int) Double.parseDouble(p[2]) : 224;
            return key(p[0], w, r);
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static String key(String name, double width, int resolution) {
        return String.format(Locale.ROOT, "%s_%s_%d", name.toLowerCase(Locale.ROOT),
                java.math.BigDecimal.valueOf(width).stripTrailingZeros().toPlainString().replaceAll("^(\\d+)$", "$1.0"),
                resolution);
    }
}
