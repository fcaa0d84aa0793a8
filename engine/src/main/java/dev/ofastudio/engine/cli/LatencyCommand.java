package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.LatencyModel.LayerLatency;
import dev.ofastudio.engine.latency.LutLatencyModel;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.latency.dpu.LayerReport;
import dev.ofastudio.engine.latency.dpu.NetworkAnalyzer;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ofa latency}: the DPU latency of an OFA sub-network or a reference network on a board
 * (analytic model or profile), or of a sub-network from an OFA lookup table ({@code --lut}).
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Latency of a network on an FPGA DPU board (analytic model or profile), or from a lookup table.")
final class LatencyCommand implements Callable<Integer> {
    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Mixin
    BoardOptions target = new BoardOptions();

    @Option(names = "--lut", paramLabel = "DIR_OR_CSV", description = "OFA latency lookup table (YAML folder or CSV).")
    Path lut;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (lut != null) {
            if (target.given()) {
                throw new OfaException("option --lut: a lookup table replaces the board; drop --board/--board-spec/--profile");
            }
            LutLatencyModel table = LutLatencyModel.load(lut);
            return printLut(network.describeFor(table), table);
        }
        NetworkDescription net = network.describe();
        NetworkAnalyzer analyzer = target.analyzer();
        NetworkReport r = analyzer.analyze(net);
        if (json) {
            List<String> keys = new ArrayList<>();
            List<DpuLatencyModel.Traffic> traffic = new ArrayList<>();
            DpuLatencyModel shapes = new DpuLatencyModel(analyzer.board());
            for (Layer l : net.layers()) {
                keys.add(l.lutKey());
                traffic.add(shapes.traffic(l));
            }
            Map<String, Object> m = ReportJson.full(r, net.macs(), keys, traffic);
            m.put("source", target.sourceName());
            JsonOutput.print(out, m);
        } else {
            out.printf("%s on %s (%s)%n", r.network(), r.board(), target.sourceName());
            out.printf("%-22s %10s %12s %12s %8s %8s  %s%n", "layer", "ms", "ops", "bytes", "ops/B", "peak%", "bound");
            for (LayerReport l : r.layers()) {
                out.printf("%-22s %10.4f %,12d %,12d %8.1f %7.1f%%  %s%n", l.name(), l.latencyMs(), l.ops(), l.bytes(),
                        l.opsPerByte(), 100 * l.peakFraction(), l.bound().jsonName());
            }
            out.printf("latency %.3f ms (DPU %.3f + CPU frame overhead %.3f), %.2f GOPs, %.1f ops/byte, %.1f GOPS/s, "
                    + "%.1f%% of one core's peak%n", r.latencyMs(), r.dpuMs(), r.frameOverheadMs(), r.ops() / 1e9,
                    r.opsPerByte(), r.gopsPerS(), 100 * r.peakFraction());
        }
        return 0;
    }

    private int printLut(NetworkDescription net, LutLatencyModel model) throws OfaException {
        var out = spec.commandLine().getOut();
        List<LayerLatency> layers = model.layers(net);
        double sum = 0;
        List<Map<String, Object>> ls = new ArrayList<>();
        for (LayerLatency l : layers) {
            sum += l.latencyMs();
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("name", l.name());
            lm.put("key", l.key());
            lm.put("latency_ms", l.latencyMs());
            ls.add(lm);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("latency_ms", sum);
            m.put("layers", ls);
            JsonOutput.print(out, m);
        } else {
            for (LayerLatency l : layers) {
                out.printf("%-22s %10.4f  %s%n", l.name(), l.latencyMs(), l.key());
            }
            out.printf("latency %.3f ms (%s)%n", sum, model.name());
        }
        return 0;
    }
}
