package dev.ofastudio.app.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.app.pareto.SelectedNet;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.cli.EngineVersion;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.study.HardwareFigures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes what the studio exports, atomically and without JavaFX: a sub-network's OFA config
 * (ks/e/d/r), its OFA {@code net.config}, a metadata file, and the Pareto table as CSV. Callers
 * decide about overwriting (see {@link ExportViewModel}); every write here replaces in one step.
 */
public final class SubnetExporter {
    /** The three files of one exported sub-network, derived from a base path {@code dir/name}. */
    public record SubnetFiles(Path config, Path netConfig, Path metadata) {
        public static SubnetFiles of(Path dir, String name) {
            return new SubnetFiles(dir.resolve(name + ".config.json"), dir.resolve(name + ".net.config.json"),
                    dir.resolve(name + ".meta.json"));
        }

        public List<Path> all() {
            return List.of(config, netConfig, metadata);
        }
    }

    public void writeSubnet(SubnetFiles files, SelectedNet net, String predictor) throws OfaException {
        Json.write(files.config(), SubnetConfigJson.toJson(net.config()));
        Json.write(files.netConfig(), NetConfigJson.of(net.space().describe(net.config())));
        Json.write(files.metadata(), metadata(net, predictor));
    }

    static ObjectNode metadata(SelectedNet net, String predictor) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("format", "ofa-studio-subnet");
        m.put("version", 1);
        m.put("space", net.space().id());
        m.set("config", SubnetConfigJson.toJson(net.config()));
        m.put("predicted_top1", net.accuracy());
        ObjectNode lat = m.putObject("latency_ms");
        ObjectNode gops = m.putObject("gops_per_s");
        ObjectNode opb = m.putObject("ops_per_byte");
        ObjectNode hw = m.putObject("hardware");
        for (int b = 0; b < net.boards().size(); b++) {
            HardwareFigures f = net.figures().get(b);
            String board = net.boards().get(b);
            number(lat, board, f.latencyMs());
            number(gops, board, f.gopsPerS());
            number(opb, board, f.opsPerByte());
            ObjectNode h = hw.putObject(board);
            number(h, "latency_ms", f.latencyMs());
            number(h, "dpu_ms", f.dpuMs());
            number(h, "frame_overhead_ms", f.frameOverheadMs());
            number(h, "ops_per_byte", f.opsPerByte());
            number(h, "gops_per_s", f.gopsPerS());
            number(h, "peak_fraction", f.peakFraction());
        }
        m.put("macs", net.macs());
        m.put("params", net.params());
        m.put("predictor", predictor);
        m.put("engine_version", EngineVersion.get());
        m.put("exported_at", Instant.now().toString());
        return m;
    }

    /**
     * The Pareto fronts as CSV: one row per front point of every board, with the latency on
     * every board so rows compare across boards.
     */
    public void writeParetoCsv(Path file, ResultTable t, int[][] fronts) throws OfaException {
        StringBuilder sb = new StringBuilder("board,rank,top1,");
        for (String b : t.boards()) {
            sb.append("latency_ms_").append(csvName(b)).append(',');
        }
        sb.append("macs,params,r,ks,e,d\n");
        for (int b = 0; b < fronts.length; b++) {
            for (int k = 0; k < fronts[b].length; k++) {
                int i = fronts[b][k];
                SubnetConfig c = t.config(i);
                sb.append(csvName(t.boards().get(b))).append(',').append(k + 1).append(',')
                        .append(fmt(t.accuracy(i))).append(',');
                for (int bb = 0; bb < t.boards().size(); bb++) {
                    sb.append(fmt(t.latency(bb, i))).append(',');
                }
                sb.append(t.macs(i)).append(',').append(t.params(i)).append(',').append(c.r()).append(',').append(join(c.ks())).append(',')
                        .append(join(c.e())).append(',').append(join(c.d())).append('\n');
            }
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** NaN (a figure the source cannot give) is written as null. */
    private static void number(ObjectNode n, String field, double v) {
        if (Double.isNaN(v)) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    private static String csvName(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]+", "_");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** Lists inside one CSV field, space-separated so no quoting is needed. */
    private static String join(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : " ").append(a[i]);
        }
        return sb.toString();
    }

}
