package dev.ofastudio.engine.arch;

/** A feature map of one image: height, width, channels (batch 1, the DPU's case). */
public record FeatureShape(int h, int w, int c) {
    public FeatureShape {
        if (h < 1 || w < 1 || c < 1) {
            throw new IllegalArgumentException("feature shape must be positive, got " + h + "x" + w + "x" + c);
        }
    }

    public static FeatureShape square(int size, int channels) {
        return new FeatureShape(size, size, channels);
    }

    public long elements() {
        return (long) h * w * c;
    }

    /** The reference LUT spelling, {@code HxWxC}. */
    public String lutString() {
        return h + "x" + w + "x" + c;
    }

    /** Output size of a same-padded conv/pool with this stride: {@code (H-1)/s + 1}. */
    public static int outSize(int size, int stride) {
        return (size - 1) / stride + 1;
    }
}
