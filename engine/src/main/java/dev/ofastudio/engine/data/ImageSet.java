package dev.ofastudio.engine.data;

import java.util.List;

/**
 * A labelled image set held in memory as unsigned bytes, NCHW per image ({@code c × h × w}).
 * Bytes keep Fashion-MNIST at 47 MB and CIFAR-10 at 150 MB; batches are converted to floats on
 * demand.
 *
 * @param source where the images came from, named in messages and run records
 */
public record ImageSet(String source, byte[] pixels, int[] labels, int channels, int height, int width,
        List<String> classNames) {

    /** Largest pixel buffer we hold (a Java array limit, and far above any dataset we target). */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8L;

    public ImageSet {
        classNames = List.copyOf(classNames);
        if ((long) labels.length * imageBytes(channels, height, width) != pixels.length) {
            throw new IllegalArgumentException("pixel buffer does not match " + labels.length + " images of "
                    + channels + "x" + height + "x" + width);
        }
        for (int l : labels) {
            if (l < 0 || l >= classNames.size()) {
                throw new IllegalArgumentException("label " + l + " outside 0.." + (classNames.size() - 1));
            }
        }
    }

    static long imageBytes(int c, int h, int w) {
        return (long) c * h * w;
    }

    public int size() {
        return labels.length;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** Bytes of one image. */
    public int imageSize() {
        return channels * height * width;
    }

    /** The images at {@code indices}, in that order. */
    public ImageSet subset(int[] indices) {
        int s = imageSize();
        byte[] px = new byte[Math.multiplyExact(indices.length, s)];
        int[] lb = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * s, px, i * s, s);
            lb[i] = labels[indices[i]];
        }
        return new ImageSet(source, px, lb, channels, height, width, classNames);
    }
}
