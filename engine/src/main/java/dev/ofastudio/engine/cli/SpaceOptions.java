package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that pick a search space: width multiplier, class count and resolutions. */
final class SpaceOptions {
    @Option(names = "--width", defaultValue = "1.0", description = "Width multiplier: 1.0 or 1.2 (default ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--classes", defaultValue = "1000", description = "Number of classes (default ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--resolutions", split = ",",
            description = "Allowed resolutions, e.g. 160,176,192 or a range 128-224:4 (default 128..224 step 4).")
    List<String> resolutions;

    SearchSpace space() throws OfaException {
        return space(width, classes, resolutions);
    }

    /**
     * The OFA MobileNetV3 space for these option values; {@code resolutions} null or empty keeps
     * the default 128..224 step 4. Shared by every command that takes --width/--classes/--resolutions.
     */
    static SearchSpace space(double width, int classes, List<String> resolutions) throws OfaException {
        if (width != 1.0 && width != 1.2) {
            throw new OfaException("option --width: expected 1.0 or 1.2, found " + width);
        }
        if (classes < 1) {
            throw new OfaException("option --classes: expected a positive class count, found " + classes);
        }
        SearchSpace s = SearchSpace.mobileNetV3(width).withNumClasses(classes);
        if (resolutions != null && !resolutions.isEmpty()) {
            s = s.withResolutions(parseResolutions(resolutions));
        }
        return s;
    }

    /** Largest resolution accepted: far past any DPU input, small enough to keep sizes in range. */
    static final int MAX_RESOLUTION = 4096;
    /** Most resolutions one space may list (a range expands to one entry per step). */
    static final int MAX_RESOLUTIONS = 1024;

    /** Parses "160,176" and "128-224:4" forms, each resolution within 1..{@link #MAX_RESOLUTION}. */
    static List<Integer> parseResolutions(List<String> items) throws OfaException {
        List<Integer> out = new ArrayList<>();
        for (String item : items) {
            String t = item.strip();
            try {
                if (t.contains("-")) {
                    String[] range = t.split("[-:]");
                    int lo = Integer.parseInt(range[0]);
                    int hi = Integer.parseInt(range[1]);
                    int step = range.length > 2 ? Integer.parseInt(range[2]) : 4;
                    if (lo < 1 || hi < lo || step < 1 || hi > MAX_RESOLUTION) {
                        throw new NumberFormatException();
                    }
                    for (long r = lo; r <= hi && out.size() <= MAX_RESOLUTIONS; r += step) {
                        out.add((int) r);
                    }
                } else {
                    int r = Integer.parseInt(t);
                    if (r < 1 || r > MAX_RESOLUTION) {
                        throw new NumberFormatException();
                    }
                    out.add(r);
                }
                if (out.size() > MAX_RESOLUTIONS) {
                    throw new OfaException("option --resolutions: expected at most " + MAX_RESOLUTIONS
                            + " resolutions, found more in '" + t + "'");
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new OfaException("option --resolutions: expected integers in 1.." + MAX_RESOLUTION
                        + " such as 160,176 or a range such as 128-224:4, found '" + t + "'");
            }
        }
        return out;
    }
}
