package dev.ofastudio.engine.data;

/** One batch as plain arrays: images NCHW float32 (normalised) and their labels. */
public record Batch(float[] images, int[] labels, int channels, int resolution) {
    public int size() {
        return labels.length;
    }

    public long[] shape() {
        return new long[] {labels.length, channels, resolution, resolution};
    }
}
