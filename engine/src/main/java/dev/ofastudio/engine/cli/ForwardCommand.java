package dev.ofastudio.engine.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.supernet.ImageBatchFile;
import dev.ofastudio.engine.supernet.OfaSupernet;
import dev.ofastudio.engine.supernet.SubnetExtractor;
import dev.ofastudio.engine.supernet.SupernetFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ofa forward}: eval-mode logits of one sub-network of a supernet. */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = "Eval-mode logits of a sub-network of an OFA MobileNetV3 supernet on an image batch.")
final class ForwardCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true,
            description = "Supernet weights: an OFA state dict (.pth) or an OFA Studio checkpoint.")
    Path checkpoint;

    @Option(names = "--config", required = true,
            description = "Sub-network {ks, e, d, r}: a JSON file or inline JSON.")
    String config;

    @Option(names = "--input", required = true,
            description = "Images: raw float32 little-endian NCHW [N,3,r,r], no header; N follows from the size.")
    Path input;

    @Option(names = "--static", description = "Run the extracted static sub-network instead of the supernet.")
    boolean extracted;

    @Option(names = "--json", description = "Print JSON: {\"logits\": [[...], ...]}.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SubnetConfig c = SubnetConfigJson.parseArgument(config);
        float[] logits;
        long batch;
        try (NDManager manager = NDManager.newBaseManager()) {
            OfaSupernet net = SupernetFiles.load(checkpoint, manager);
            net.setActiveSubnet(c);
            NDArray x = ImageBatchFile.read(input, c.r(), manager);
            batch = x.getShape().get(0);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray out = extracted ? SubnetExtractor.extract(net, c, manager).forward(ps, x, false)
                    : net.forward(ps, x, false);
            logits = out.toFloatArray();
        }
        int classes = (int) (logits.length / batch);
        List<List<Float>> rows = new ArrayList<>();
        for (int n = 0; n < batch; n++) {
            List<Float> row = new ArrayList<>(classes);
            for (int k = 0; k < classes; k++) {
                row.add(logits[n * classes + k]);
            }
            rows.add(row);
        }
        var out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, Map.of("logits", rows));
        } else {
            for (List<Float> row : rows) {
                out.println(row.stream().map(v -> String.format("%.6f", v)).reduce((a, b) -> a + " " + b).orElse(""));
            }
            out.flush();
        }
        return 0;
    }
}
