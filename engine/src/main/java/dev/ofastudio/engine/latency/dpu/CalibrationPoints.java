package dev.ofastudio.engine.latency.dpu;

import java.util.List;

/**
 * The public measurements the DPU model's free constants were fitted to: Vitis AI Model Zoo figures
 * quoted in {@code dpu.md} ("Calibration points"). Nothing else was used for the fit.
 */
public final class CalibrationPoints {
    private CalibrationPoints() {
    }

    /** What a figure measures. */
    public enum Kind {
        /** Single-thread end-to-end latency: CPU overhead + DPU (what {@code latency_ms} predicts). */
        E2E,
        /** DPU time only (all-thread throughput, where CPU work overlaps the DPU: 1000 / fps). */
        DPU
    }

    /**
     * One published figure.
     *
     * @param model      Vitis AI model name
     * @param network    our reference network name
     * @param board      board id
     * @param kind       what it measures
     * @param measuredMs milliseconds (1000 / fps for throughput figures)
     * @param source     where it was published
     */
    public record Point(String model, String network, String board, Kind kind, double measuredMs, String source) {
        /** True where the figure is 1000 / fps rather than a published latency. */
        public boolean fpsDerived() {
            return source.contains("fps");
        }

        /** The network as the model describes it, at its published resolution. */
        public dev.ofastudio.engine.arch.NetworkDescription describe() throws dev.ofastudio.engine.OfaException {
            return dev.ofastudio.engine.arch.reference.ReferenceNetworks.describe(network, 1.0,
                    dev.ofastudio.engine.arch.reference.ReferenceNetworks.nativeResolution(network));
        }
    }

    private static final String ZCU = "Vitis AI 2.0 Model Zoo, ZCU102 3xB4096@281MHz, 1-thread E2E latency";
    private static final String KV_ALL = "Vitis AI 3.0 Model Zoo, KV260 1xB4096@300MHz, all-thread fps";
    private static final String KV_ONE = "Vitis AI 3.0 Model Zoo, KV260 1xB4096@300MHz, 1-thread fps";
    private static final String ZCU25 = "Vitis AI 2.5 Model Zoo, ZCU102 3xB4096@281MHz (ISA1), 1-thread fps";

    public static final List<Point> ALL = List.of(
            new Point("tf_resnetv1_50", "resnet50", "zcu102", Kind.E2E, 12.49, ZCU),
            new Point("cf_resnet50", "resnet50", "zcu102", Kind.E2E, 12.44, ZCU),
            new Point("tf_mobilenetv1_1.0", "mobilenetv1", "zcu102", Kind.E2E, 3.27, ZCU),
            new Point("tf_vgg16", "vgg16", "zcu102", Kind.E2E, 49.71, ZCU),
            new Point("tf_resnetv1_50", "resnet50", "kv260", Kind.DPU, 1000 / 101.5, KV_ALL + " 101.5"),
            new Point("tf_mobilenetv1_1.0", "mobilenetv1", "kv260", Kind.DPU, 1000 / 431.3, KV_ALL + " 431.3"),
            new Point("tf_vgg16", "vgg16", "kv260", Kind.DPU, 1000 / 22.0, KV_ALL + " 22.0"),
            new Point("tf_resnetv1_50", "resnet50", "kv260", Kind.E2E, 1000 / 96.6, KV_ONE + " 96.6"),
            new Point("tf_mobilenetv1_1.0", "mobilenetv1", "kv260", Kind.E2E, 1000 / 356.7, KV_ONE + " 356.7"),
            new Point("tf_vgg16", "vgg16", "kv260", Kind.E2E, 1000 / 21.8, KV_ONE + " 21.8"),
            // Issue 13: networks with SE, (hard-)swish, 5x5 depthwise and fused expand convs.
            new Point("tf_mobilenetv3_small_1.0", "mobilenetv3-small", "zcu102", Kind.E2E, 1000 / 336.62,
                    ZCU25 + " 336.62"),
            new Point("tf_efficientnet-b0", "efficientnet-b0", "zcu102", Kind.E2E, 1000 / 78.02, ZCU25 + " 78.02"),
            new Point("tf_efficientnet-edgetpu-S", "efficientnet-edgetpu-s", "zcu102", Kind.E2E, 1000 / 115.05,
                    ZCU25 + " 115.05"),
            new Point("tf_mobilenetEdge1.0", "mobilenet-edgetpu", "zcu102", Kind.E2E, 1000 / 214.78,
                    ZCU25 + " 214.78"),
            new Point("tf_mobilenetv2_1.0", "mobilenetv2", "zcu102", Kind.E2E, 1000 / 268.07, ZCU25 + " 268.07"),
            new Point("tf_mobilenetv1_1.0", "mobilenetv1", "zcu102", Kind.E2E, 1000 / 326.62, ZCU25 + " 326.62"),
            new Point("tf_resnetv1_101", "resnet101", "zcu102", Kind.E2E, 1000 / 46.38, ZCU25 + " 46.38"));
}
