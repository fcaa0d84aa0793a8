package dev.ofastudio.engine.data;

import dev.ofastudio.engine.OfaException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an ImageFolder tree (torchvision's layout): one sub-folder per class, sorted by name, each
 * holding PNG or JPEG images. Every image is resized to {@code side × side} RGB when read, so the
 * set lives in memory as bytes.
 */
public final class ImageFolderFiles {
    private ImageFolderFiles() {
    }

    /** True if {@code dir} has at least one sub-folder (a candidate class folder). */
    public static boolean looksLikeImageFolder(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(Files::isDirectory);
        } catch (IOException e) {
            return false;
        }
    }

    public static ImageSet read(Path root, int side) throws OfaException {
        if (side < 8 || side > 1024) {
            throw new OfaException("image side: expected 8..1024, found " + side);
        }
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(root)) {
            classDirs = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new OfaException(root + ": cannot list: " + e.getMessage());
        }
        if (classDirs.size() < 2) {
            throw new OfaException(root + ": expected an ImageFolder tree with at least 2 class folders, found "
                    + classDirs.size());
        }
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path dir : classDirs) {
            List<Path> images;
            try (Stream<Path> s = Files.list(dir)) {
                images = s.filter(ImageFolderFiles::isImage).sorted().toList();
            } catch (IOException e) {
                throw new OfaException(dir + ": cannot list: " + e.getMessage());
            }
            if (images.isEmpty()) {
                throw new OfaException(dir + ": class folder: expected PNG or JPEG images, found none");
            }
            int label = names.size();
            names.add(dir.getFileName().toString());
            for (Path p : images) {
                files.add(p);
                labels.add(label);
            }
        }
        long bytes = (long) files.size() * 3 * side * side;
        if (bytes > ImageSet.MAX_BYTES) {
            throw new OfaException(root + ": " + files.size() + " images at " + side + "x" + side
                    + " need " + bytes / (1 << 20) + " MB; expected at most 2 GB (use a smaller resolution)");
        }
        byte[] px = new byte[(int) bytes];
        int[] lb = new int[files.size()];
        int plane = side * side;
        for (int i = 0; i < files.size(); i++) {
            BufferedImage img = decode(files.get(i));
            BufferedImage scaled = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, side, side, null);
            g.dispose();
            int base = i * 3 * plane;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int rgb = scaled.getRGB(x, y);
                    int o = base + y * side + x;
                    px[o] = (byte) (rgb >> 16);
                    px[o + plane] = (byte) (rgb >> 8);
                    px[o + 2 * plane] = (byte) rgb;
                }
            }
            lb[i] = labels.get(i);
        }
        return new ImageSet(root.toString(), px, lb, 3, side, side, names);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
    }

    /** Larger images are refused before decoding, so a crafted header cannot exhaust memory. */
    private static final int MAX_PIXELS = 64 << 20;

    private static BufferedImage decode(Path p) throws OfaException {
        try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new OfaException(p + ": image: expected a readable PNG or JPEG, found an unknown format");
            }
            ImageReader reader = readers.next();
            BufferedImage img;
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new OfaException(p + ": image: expected at most " + MAX_PIXELS + " pixels, found "
                            + reader.getWidth(0) + "x" + reader.getHeight(0));
                }
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
            if (img == null) {
                throw new OfaException(p + ": image: expected a readable PNG or JPEG, found an undecodable file");
            }
            return img;
        } catch (IOException | RuntimeException e) {
            throw new OfaException(p + ": image: expected a readable PNG or JPEG, found " + e.getMessage());
        }
    }
}
