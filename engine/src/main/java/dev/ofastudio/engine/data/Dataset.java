package dev.ofastudio.engine.data;

import dev.ofastudio.engine.OfaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A dataset as training sees it: the train split (from which the holdout is drawn) and the test
 * split for final figures, plus the per-channel mean/std that normalise its images.
 *
 * @param kind {@code fashion-mnist}, {@code cifar10} or {@code image-folder}
 */
public record Dataset(String kind, Path root, ImageSet train, ImageSet test, float[] mean, float[] std) {

    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    /** Share of an ImageFolder's images kept back as its test split when it has no test/ folder. */
    static final double TEST_SHARE = 0.1;

    public int numClasses() {
        return train.numClasses();
    }

    public int channels() {
        return train.channels();
    }

    /**
     * Opens {@code dir}: Fashion-MNIST IDX files ({@code train-images-idx3-ubyte[.gz]} …), CIFAR-10
     * binary batches, or an ImageFolder tree (with {@code train/} and {@code test/}|{@code val/}
     * sub-trees, or the class folders directly, in which case a seeded 10 % becomes the test split).
     *
     * @param imageSide side that ImageFolder images are resized to when read
     */
    public static Dataset open(Path dir, int imageSide) throws OfaException {
        if (!Files.isDirectory(dir)) {
            throw new OfaException(dir + ": dataset folder: expected a folder with Fashion-MNIST IDX files, "
                    + "CIFAR-10 binary batches or class sub-folders, found " + (Files.exists(dir) ? "a file" : "nothing"));
        }
        Path idxImages = idx(dir, "train-images-idx3-ubyte");
        if (idxImages != null) {
            ImageSet train = IdxFiles.read(idxImages, need(dir, "train-labels-idx1-ubyte"), FASHION_MNIST_CLASSES);
            Path testImages = idx(dir, "t10k-images-idx3-ubyte");
            ImageSet test = testImages == null ? null
                    : IdxFiles.read(testImages, need(dir, "t10k-labels-idx1-ubyte"), FASHION_MNIST_CLASSES);
            return withStats("fashion-mnist", dir, train, test);
        }
        if (Cifar10Files.isCifar10(dir)) {
            ImageSet train = Cifar10Files.read(dir, true);
            ImageSet test = Files.isRegularFile(dir.resolve("test_batch.bin")) ? Cifar10Files.read(dir, false) : null;
            return withStats("cifar10", dir, train, test);
        }
        Path trainDir = dir.resolve("train");
        if (Files.isDirectory(trainDir)) {
            ImageSet train = ImageFolderFiles.read(trainDir, imageSide);
            Path testDir = Files.isDirectory(dir.resolve("test")) ? dir.resolve("test") : dir.resolve("val");
            ImageSet test = Files.isDirectory(testDir) ? ImageFolderFiles.read(testDir, imageSide) : null;
            if (test != null && !test.classNames().equals(train.classNames())) {
                throw new OfaException(testDir + ": class folders: expected the same classes as " + trainDir + " "
                        + train.classNames() + ", found " + test.classNames());
            }
            return withStats("image-folder", dir, train, test);
        }
        if (ImageFolderFiles.looksLikeImageFolder(dir)) {
            return withStats("image-folder", dir, ImageFolderFiles.read(dir, imageSide), null);
        }
        throw new OfaException(dir + ": dataset folder: expected Fashion-MNIST IDX files "
                + "(train-images-idx3-ubyte.gz …), CIFAR-10 binary batches (data_batch_1.bin …) or class sub-folders, "
                + "found none of them");
    }

    private static Path idx(Path dir, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return null;
    }

    private static Path need(Path dir, String base) throws OfaException {
        Path p = idx(dir, base);
        if (p == null) {
            throw new OfaException(dir.resolve(base + ".gz") + ": file missing: expected the IDX labels beside the images");
        }
        return p;
    }

    /** A dataset without a test split gets one: a seeded share of train, taken out of it. */
    private static Dataset withStats(String kind, Path root, ImageSet train, ImageSet test) throws OfaException {
        if (test == null) {
            int[][] parts = Splits.split(train.size(), (int) Math.max(1, Math.round(train.size() * TEST_SHARE)),
                    new Random(Splits.TEST_SEED));
            test = train.subset(parts[1]);
            train = train.subset(parts[0]);
        }
        if (train.size() < 2) {
            throw new OfaException(root + ": train split: expected at least 2 images, found " + train.size());
        }
        if (test.channels() != train.channels() || test.height() != train.height() || test.width() != train.width()) {
            throw new OfaException(root + ": test split: expected images of the train split's shape "
                    + train.channels() + "x" + train.height() + "x" + train.width());
        }
        float[][] ms = channelStats(train);
        return new Dataset(kind, root, train, test, ms[0], ms[1]);
    }

    /** Per-channel mean and standard deviation of the pixels scaled to [0, 1]. */
    static float[][] channelStats(ImageSet set) {
        int c = set.channels();
        int plane = set.height() * set.width();
        double[] sum = new double[c];
        double[] sq = new double[c];
        byte[] px = set.pixels();
        for (int i = 0; i < set.size(); i++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (i * c + ch) * plane;
                long s = 0;
                long s2 = 0;
                for (int k = 0; k < plane; k++) {
                    int v = px[base + k] & 0xff;
                    s += v;
                    s2 += (long) v * v;
                }
                sum[ch] += s;
                sq[ch] += s2;
            }
        }
        float[] mean = new float[c];
        float[] std = new float[c];
        double n = (double) set.size() * plane;
        for (int ch = 0; ch < c; ch++) {
            double m = sum[ch] / n / 255.0;
            double v = sq[ch] / n / (255.0 * 255.0) - m * m;
            mean[ch] = (float) m;
            std[ch] = (float) Math.sqrt(Math.max(v, 1e-6));
        }
        return new float[][] {mean, std};
    }
}
