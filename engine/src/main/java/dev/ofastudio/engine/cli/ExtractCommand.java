package dev.ofastudio.engine.cli;

import ai.djl.ndarray.NDManager;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.supernet.OfaSupernet;
import dev.ofastudio.engine.supernet.StaticMobileNetV3;
import dev.ofastudio.engine.supernet.SubnetExport;
import dev.ofastudio.engine.supernet.SubnetExtractor;
import dev.ofastudio.engine.supernet.SupernetFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ofa extract}: writes one sub-network as a standalone static model plus its OFA net.config. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract a sub-network of a supernet as a static model: DIR/net.config (OFA JSON), "
                + "DIR/config.json and DIR/model.ofa (weights under OFA's static state-dict names).")
final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true,
            description = "Supernet weights: an OFA state dict (.pth) or an OFA Studio checkpoint.")
    Path checkpoint;

    @Option(names = "--config", required = true, description = "Sub-network {ks, e, d, r}: a JSON file or inline JSON.")
    String config;

    @Option(names = "--out", required = true, description = "Output directory: new, empty or an earlier extract "
            + "(only our files in it are replaced).")
    Path out;

    @Option(names = "--force", description = "Also write into a non-empty folder that is not an earlier extract; "
            + "its other files are kept.")
    boolean force;

    @Option(names = "--json", description = "Print JSON: {\"out\", \"params\", \"blocks\"}.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SubnetConfig c = SubnetConfigJson.parseArgument(config);
        long params;
        int blocks;
        try (NDManager manager = NDManager.newBaseManager()) {
            OfaSupernet net = SupernetFiles.load(checkpoint, manager);
            net.setActiveSubnet(c);
            StaticMobileNetV3 sub = SubnetExtractor.extract(net, c, manager);
            SubnetExport.write(sub, c, out, force);
            params = sub.trainableParameterCount();
            blocks = sub.spec().blocks().size();
        }
        var w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("params", params);
            m.put("blocks", blocks);
            JsonOutput.print(w, m);
        } else {
            w.printf("wrote %s (%d blocks, %,d parameters)%n", out, blocks, params);
            w.flush();
        }
        return 0;
    }
}
