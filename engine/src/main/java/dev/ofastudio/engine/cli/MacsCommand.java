package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ofa macs}: exact MACs and parameter count of a sub-network (digest §4.4). */
@Command(name = "macs", mixinStandardHelpOptions = true,
        description = "MACs (conv and linear multiply-accumulates, batch 1) and trainable parameters of a sub-network.")
final class MacsCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "Sub-network config: a JSON file or inline JSON.")
    String config;

    @Option(names = "--json", description = "Print JSON: {\"macs\": int, \"params\": int}.")
    boolean json;

    @Mixin
    SpaceOptions spaceOptions = new SpaceOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SearchSpace space = spaceOptions.space();
        SubnetConfig c = SubnetConfigJson.parseArgument(config);
        // Counting runs at any resolution the network can take (the released configs and our
        // fixtures use 32..224); only a resolution list the user gave restricts it.
        boolean listed = spaceOptions.resolutions != null && !spaceOptions.resolutions.isEmpty();
        space.validate(c, listed);
        if (c.r() < Mbv3Space.MIN_RESOLUTION || c.r() > Mbv3Space.MAX_RESOLUTION) {
            throw new OfaException("config field r: expected a resolution in " + Mbv3Space.MIN_RESOLUTION + ".."
                    + Mbv3Space.MAX_RESOLUTION + ", found " + c.r());
        }
        NetworkDescription net = space.describe(c);
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("macs", net.macs());
            m.put("params", net.params());
            m.put("resolution", c.r());
            m.put("width", space.widthMult());
            m.put("classes", space.numClasses());
            m.put("active_blocks", c.activeBlockCount());
            JsonOutput.print(out, m);
        } else {
            out.printf("MACs:   %,d (%.1fM)%nParams: %,d (%.2fM)%n", net.macs(), net.macs() / 1e6,
                    net.params(), net.params() / 1e6);
        }
        return 0;
    }
}
