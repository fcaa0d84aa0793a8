package dev.ofastudio.engine.cli;

import ai.djl.ndarray.NDManager;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.export.SubnetWeights;
import dev.ofastudio.engine.export.SubnetWeights.Format;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.project.Project;
import dev.ofastudio.engine.project.ProjectFile;
import dev.ofastudio.engine.supernet.OfaSupernet;
import dev.ofastudio.engine.supernet.StaticMobileNetV3;
import dev.ofastudio.engine.supernet.SubnetExtractor;
import dev.ofastudio.engine.supernet.SupernetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ofa export}: the weights of one sub-network as ONNX or as an OFA .pth. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the weights of a sub-network of a supernet: ONNX (opset 13, NCHW float32 input "
                + "'input', output 'logits', net.config in the metadata) or an OFA .pth "
                + "({state_dict, net_config} for MobileNetV3.build_from_config + load_state_dict).")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--checkpoint",
            description = "Supernet weights: an OFA state dict (.pth), an OFA Studio checkpoint or an fp16 file.")
    Path checkpoint;

    @Option(names = "--project", paramLabel = SearchOptions.PROJECT_LABEL,
            description = "A built-in project or a project folder whose project.json names a supernet: "
                    + "exports from it (instead of --checkpoint).")
    String project;

    @Option(names = "--config", required = true, description = "Sub-network {ks, e, d, r}: a JSON file or inline JSON.")
    String config;

    @Option(names = "--format", required = true, description = "onnx or pth.")
    String format;

    @Option(names = "--out", required = true, description = "File to write (atomically; an existing file is replaced).")
    Path out;

    @Option(names = "--json", description = "Print JSON: {\"out\", \"format\", \"bytes\", \"params\"}.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Format f = Format.parse(format);
        SubnetConfig c = SubnetConfigJson.parseArgument(config);
        if (Files.isDirectory(out)) {
            throw new OfaException(out + ": is a directory, expected the " + f.extension() + " file to write");
        }
        Path weights = weights();
        long params;
        try (NDManager manager = NDManager.newBaseManager()) {
            OfaSupernet net = SupernetFiles.load(weights, manager);
            net.setActiveSubnet(c);
            StaticMobileNetV3 sub = SubnetExtractor.extract(net, c, manager);
            SubnetWeights.write(sub, c, f, out, EngineVersion.get());
            params = sub.trainableParameterCount();
        }
        var w = spec.commandLine().getOut();
        long bytes = Files.size(out);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toString());
            m.put("format", f.extension());
            m.put("bytes", bytes);
            m.put("params", params);
            JsonOutput.print(w, m);
        } else {
            w.printf("wrote %s (%s, %,d bytes, %,d parameters)%n", out, f.extension(), bytes, params);
            w.flush();
        }
        return 0;
    }

    /** The supernet file: --checkpoint, or the --project's supernet; exactly one of the two. */
    private Path weights() throws OfaException {
        if ((checkpoint == null) == (project == null)) {
            throw new OfaException("options --checkpoint and --project: expected one of them (the supernet weights), "
                    + "found " + (checkpoint == null ? "neither" : "both"));
        }
        if (checkpoint != null) {
            return checkpoint;
        }
        Project p = BuiltInProjects.resolve(project);
        return p.supernetFile().orElseThrow(() -> new OfaException("project " + p.id() + ": " + ProjectFile.NAME
                + " names no supernet (field supernet); use --checkpoint FILE"));
    }
}
