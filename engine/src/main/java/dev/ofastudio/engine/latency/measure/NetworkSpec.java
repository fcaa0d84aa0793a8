package dev.ofastudio.engine.latency.measure;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Path;

/**
 * Names a measured network: a reference network {@code NAME[_WIDTH[_RESOLUTION]]}
 * ({@code resnet50}, {@code mobilenetv2_1.0_224}, {@code mobilenetv1_0.5_160}), or an OFA
 * sub-network config file {@code FILE.json} (width 1.0) or {@code FILE.json@1.2}. Relative config
 * paths are resolved against {@code baseDir} when given, else the working directory.
 */
public final class NetworkSpec {
    private NetworkSpec() {
    }

    public static NetworkDescription describe(String spec, Path baseDir) throws OfaException {
        String s = spec.strip();
        int at = s.lastIndexOf('@');
        String file = at > 0 ? s.substring(0, at) : s;
        if (file.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            double width = 1.0;
            if (at > 0) {
                width = parse(s.substring(at + 1), spec, "width");
            }
            if (width != 1.0 && width != 1.2) {
                throw new OfaException("network '" + spec + "': OFA width: expected 1.0 or 1.2, found " + width);
            }
            Path p = Path.of(file);
            if (!p.isAbsolute() && baseDir != null) {
                p = baseDir.resolve(p);
            }
            SearchSpace space = SearchSpace.mobileNetV3(width);
            SubnetConfig c = SubnetConfigJson.read(p);
            space.validate(c);
            return space.describe(c);
        }
        String[] parts = s.split("_");
        if (parts.length > 3) {
            throw new OfaException("network '" + spec + "': expected NAME[_WIDTH[_RESOLUTION]] (e.g. mobilenetv2_1.0_224)"
                    + " or an OFA config FILE.json[@WIDTH]");
        }
        double width = parts.length > 1 ? parse(parts[1], spec, "width") : 1.0;
        int res = parts.length > 2 ? (int) parse(parts[2], spec, "resolution") : 224;
        return ReferenceNetworks.describe(parts[0], width, res);
    }

    private static double parse(String t, String spec, String what) throws OfaException {
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new OfaException("network '" + spec + "': " + what + ": expected a number, found '" + t + "'");
        }
    }
}
