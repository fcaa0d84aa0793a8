package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.latency.LutLatencyModel;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import picocli.CommandLine.Option;

/** Picks the network: an OFA sub-network config or a reference network. */
final class NetworkOptions {
    @Option(names = "--config", paramLabel = "F", description = "OFA MobileNetV3 sub-network config (file or inline JSON).")
    String config;

    @Option(names = "--net", description = "Reference network: mobilenetv1, mobilenetv2, resnet18, resnet50, vgg16.")
    String net;

    @Option(names = "--width", description = "Width multiplier: of the OFA space for --config (1.0 or 1.2, default 1.0); "
            + "of MobileNetV1/V2 for --net (default 1.0).")
    Double width;

    @Option(names = "--resolution", description = "Input resolution of --net (default 224); --config carries its own.")
    Integer resolution;

    boolean isConfig() {
        return config != null;
    }

    /**
     * The network to look up in {@code table}. Without --width, an OFA config takes the width the
     * table was made for (the Note10 tables are w1.2, a w1.0 table has 16-channel stems), found by
     * which width's layers the table covers; with neither covered, the w1.0 net is returned and
     * the lookup names its missing keys.
     */
    NetworkDescription describeFor(LutLatencyModel table) throws OfaException {
        if (config == null || width != null) {
            return describe();
        }
        NetworkDescription w10 = describe();
        if (table.resolutions().contains(w10.resolution()) && !table.missingKeys(w10).isEmpty()) {
            width = 1.2;
            NetworkDescription w12 = describe();
            if (table.missingKeys(w12).isEmpty()) {
                return w12;
            }
            width = null;
        }
        return w10;
    }

    NetworkDescription describe() throws OfaException {
        if ((config == null) == (net == null)) {
            throw new OfaException("options --config and --net: give exactly one of them");
        }
        double w = width == null ? 1.0 : width;
        if (config != null) {
            if (resolution != null) {
                throw new OfaException("option --resolution: applies to --net; a --config carries its resolution (r)");
            }
            if (w != 1.0 && w != 1.2) {
                throw new OfaException("option --width: expected 1.0 or 1.2 for an OFA config, found " + w);
            }
            SearchSpace space = SearchSpace.mobileNetV3(w);
            SubnetConfig c = SubnetConfigJson.parseArgument(config);
            space.validate(c);
            return space.describe(c);
        }
        return ReferenceNetworks.describe(net, w, resolution == null ? 224 : resolution);
    }
}
