package dev.ofastudio.engine.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.space.SubnetConfig;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a search history atomically: JSON (a list of {@code {generation, accuracy, latency_ms,
 * macs, config}}) for a {@code .json} path, otherwise CSV with the columns
 * {@code generation,accuracy,latency_ms,macs,r,d,ks,e} (lists space-separated).
 */
public final class SearchHistoryFiles {
    static final String CSV_HEADER = "generation,accuracy,latency_ms,macs,r,d,ks,e";

    private SearchHistoryFiles() {
    }

    public static void write(Path file, List<Candidate> history) throws OfaException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            writeJson(file, history);
        } else {
            writeCsv(file, history);
        }
    }

    static void writeJson(Path file, List<Candidate> history) throws OfaException {
        ArrayNode root = Json.MAPPER.createArrayNode();
        for (Candidate c : history) {
            ObjectNode n = root.addObject();
            n.put("generation", c.generation());
            n.put("accuracy", c.accuracy());
            if (Double.isNaN(c.latencyMs())) {
                n.putNull("latency_ms");
            } else {
                n.put("latency_ms", c.latencyMs());
            }
            n.put("macs", c.macs());
            n.set("config", SubnetConfigJson.toJson(c.config()));
        }
        Json.write(file, root);
    }

    static void writeCsv(Path file, List<Candidate> history) throws OfaException {
        AtomicFiles.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(CSV_HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(160);
            for (Candidate c : history) {
                line.setLength(0);
                SubnetConfig cfg = c.config();
                line.append(c.generation()).append(',').append(c.accuracy()).append(',')
                        .append(Double.isNaN(c.latencyMs()) ? "" : Double.toString(c.latencyMs())).append(',')
                        .append(c.macs()).append(',').append(cfg.r()).append(',');
                join(line, cfg.d()).append(',');
                join(line, cfg.ks()).append(',');
                join(line, cfg.e()).append('\n');
                w.append(line);
            }
            w.flush();
        });
    }

    private static StringBuilder join(StringBuilder sb, int[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(values[i]);
        }
        return sb;
    }
}
