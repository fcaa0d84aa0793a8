package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.latency.dpu.NetworkAnalyzer;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ofa compare}: an OFA sub-network and a reference network side by side on one board. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Latency, arithmetic intensity and GOPS/s of an OFA sub-network next to a reference network.")
final class CompareCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "F", description = "OFA sub-network config (file or inline JSON).")
    String config;

    @Option(names = "--width", defaultValue = "1.0", description = "OFA space width: 1.0 or 1.2 (default ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--baseline", required = true, description = "Reference network: mobilenetv1, mobilenetv2, resnet18, resnet50, vgg16.")
    String baseline;

    @Option(names = "--baseline-width", defaultValue = "1.0", description = "Baseline width multiplier (default ${DEFAULT-VALUE}).")
    double baselineWidth;

    @Option(names = "--baseline-resolution", defaultValue = "224", description = "Baseline resolution (default ${DEFAULT-VALUE}).")
    int baselineResolution;

    @Mixin
    BoardOptions target = new BoardOptions();

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (width != 1.0 && width != 1.2) {
            throw new OfaException("option --width: expected 1.0 or 1.2, found " + width);
        }
        SearchSpace space = SearchSpace.mobileNetV3(width);
        SubnetConfig c = SubnetConfigJson.parseArgument(config);
        space.validate(c);
        NetworkDescription cand = space.describe(c);
        NetworkDescription base = ReferenceNetworks.describe(baseline, baselineWidth, baselineResolution);
        NetworkAnalyzer analyzer = target.analyzer();
        NetworkReport rc = analyzer.analyze(cand);
        NetworkReport rb = analyzer.analyze(base);
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("board", analyzer.board().id());
            m.put("source", target.sourceName());
            m.put("candidate", ReportJson.summary(rc, cand.macs()));
            m.put("baseline", ReportJson.summary(rb, base.macs()));
            m.put("speedup", rb.latencyMs() / rc.latencyMs());
            m.put("intensity_ratio", rc.opsPerByte() / rb.opsPerByte());
            m.put("gops_ratio", rc.gopsPerS() / rb.gopsPerS());
            m.put("macs_ratio", (double) cand.macs() / base.macs());
            JsonOutput.print(out, m);
        } else {
            out.printf("%-16s %24s %24s%n", "", rc.network() + "@" + cand.resolution(), rb.network());
            out.printf("%-16s %24.3f %24.3f%n", "latency ms", rc.latencyMs(), rb.latencyMs());
            out.printf("%-16s %24.1f %24.1f%n", "MMACs", cand.macs() / 1e6, base.macs() / 1e6);
            out.printf("%-16s %24.1f %24.1f%n", "ops/byte", rc.opsPerByte(), rb.opsPerByte());
            out.printf("%-16s %24.1f %24.1f%n", "GOPS/s", rc.gopsPerS(), rb.gopsPerS());
            out.printf("%-16s %23.1f%% %23.1f%%%n", "of peak", 100 * rc.peakFraction(), 100 * rb.peakFraction());
            out.printf("speedup %.2fx on %s%n", rb.latencyMs() / rc.latencyMs(), analyzer.board().id());
        }
        return 0;
    }
}
