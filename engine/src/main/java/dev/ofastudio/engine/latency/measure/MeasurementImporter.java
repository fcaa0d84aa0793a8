package dev.ofastudio.engine.latency.measure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.latency.measure.Measurement.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports real measurements (dpu.md §3). Argument forms: {@code FILE} for a CSV of
 * {@code network,measured_ms[,kind]}, or {@code NETWORK=FILE} for the single-network outputs:
 * <ul>
 * <li>{@code vaitrace --json_summary}: DPU subgraph records under {@code dpu.profiling.<cu>}; the
 *     network's DPU time is the sum of the subgraphs' {@code avg_time} (ms), averaged over CUs;</li>
 * <li>{@code profile_summary.csv} of {@code vaitrace --va}: the "DPU Summary" block, summing
 *     {@code Average Time (ms)} over kernels;</li>
 * <li>{@code vaitrace --txt_summary}: the "DPU Summary:" ASCII table ({@link VaitraceText});</li>
 * <li>Vitis AI Library benchmark stdout: {@code E2E_MEAN=} and {@code DPU_MEAN=} in microseconds.</li>
 * </ul>
 */
public final class MeasurementImporter {
    private static final Pattern BENCH = Pattern.compile("\\b(E2E_MEAN|DPU_MEAN)\\s*=\\s*([^\\s,;]+)");

    private MeasurementImporter() {
    }

    /** Parses one {@code --measurements} argument. */
    public static List<Measurement> importArgument(String arg) throws OfaException {
        int eq = arg.indexOf('=');
        if (eq > 0 && !Files.exists(Path.of(arg))) {
            return importFile(Path.of(arg.substring(eq + 1)), arg.substring(0, eq).strip());
        }
        return importFile(Path.of(arg), null);
    }

    /** Imports {@code file}; {@code network} names the network for single-network formats. */
    public static List<Measurement> importFile(Path file, String network) throws OfaException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new OfaException(file + ": measurement file not found");
        } catch (IOException e) {
            throw new OfaException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        String t = text.strip();
        if (t.isEmpty()) {
            throw new OfaException(file + ": expected measurements, found an empty file");
        }
        List<Measurement> out;
        if (t.startsWith("{")) {
            out = vaitraceJson(Json.parse(text, file.toString()), requireNetwork(file, network, "vaitrace JSON"), file);
        } else if (t.contains("DPU Summary") && VaitraceText.looksLikeTextSummary(text)) {
            out = VaitraceText.parse(text, requireNetwork(file, network, "vaitrace text summary"), file);
        } else if (t.contains("DPU Summary")) {
            out = profileSummaryCsv(text, requireNetwork(file, network, "profile_summary.csv"), file);
        } else if (BENCH.matcher(text).find()) {
            out = benchmark(text, requireNetwork(file, network, "benchmark output"), file);
        } else {
            if (network != null) {
                throw new OfaException(file + ": NETWORK=FILE is for vaitrace JSON, profile_summary.csv or benchmark "
                        + "output; a CSV of network,measured_ms names its networks itself");
            }
            out = measuredCsv(text, file);
        }
        if (out.isEmpty()) {
            throw new OfaException(file + ": expected at least one measurement, found none");
        }
        return out;
    }

    static String requireNetwork(Path file, String network, String format) throws OfaException {
        if (network == null || network.isBlank()) {
            throw new OfaException(file + ": a " + format + " file measures one network; give it as NETWORK=" + file
                    + " (e.g. mobilenetv2_1.0_224=" + file.getFileName() + ")");
        }
        return network;
    }

    static List<Measurement> vaitraceJson(JsonNode root, String network, Path file) throws OfaException {
        JsonNode profiling = root.path("dpu").path("profiling");
        Map<String, JsonNode> cus = new LinkedHashMap<>();
        if (profiling.isObject()) {
            profiling.fields().forEachRemaining(e -> cus.put(e.getKey(), e.getValue()));
        } else {
            // Flat keys "dpu.profiling.<cu>" are accepted too.
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getKey().startsWith("dpu.profiling.")) {
                    cus.put(e.getKey().substring("dpu.profiling.".length()), e.getValue());
                }
            }
        }
        if (cus.isEmpty()) {
            throw new OfaException(file + ": field dpu.profiling: expected vaitrace --json_summary DPU records, found "
                    + "nothing");
        }
        double sum = 0;
        for (var cu : cus.entrySet()) {
            if (!cu.getValue().isArray() || cu.getValue().isEmpty()) {
                throw new OfaException(file + ": field dpu.profiling." + cu.getKey() + ": expected a list of subgraph "
                        + "records, found " + cu.getValue());
            }
            double cuMs = 0;
            int i = 0;
            for (JsonNode rec : cu.getValue()) {
                JsonNode avg = rec.get("avg_time");
                double v = avg != null && avg.isNumber() ? avg.doubleValue()
                        : avg != null && avg.isTextual() ? parseOrNaN(avg.asText()) : Double.NaN;
                if (!Double.isFinite(v) || v <= 0) {
                    throw new OfaException(file + ": field dpu.profiling." + cu.getKey() + "[" + i + "].avg_time: "
                            + "expected a time in ms > 0, found " + (avg == null ? "nothing" : avg.toString()));
                }
                cuMs += v;
                i++;
            }
            sum += cuMs;
        }
        return List.of(new Measurement(network, Kind.DPU, sum / cus.size(), file + " (vaitrace json_summary)"));
    }

    static List<Measurement> profileSummaryCsv(String text, String network, Path file) throws OfaException {
        String[] lines = text.split("\\R");
        int i = 0;
        while (i < lines.length && !lines[i].contains("DPU Summary")) {
            i++;
        }
        i++;
        if (i >= lines.length) {
            throw new OfaException(file + ": DPU Summary: expected a header line after it, found the end of the file");
        }
        List<String> header = cells(lines[i]);
        int col = -1;
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).toLowerCase(Locale.ROOT).startsWith("average time")) {
                col = c;
            }
        }
        if (col < 0) {
            throw new OfaException(file + ": line " + (i + 1) + ": expected a DPU Summary header with an "
                    + "'Average Time (ms)' column, found " + header);
        }
        double sum = 0;
        int rows = 0;
        for (i = i + 1; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].contains("Summary")) {
                break;
            }
            List<String> row = cells(lines[i]);
            double v = col < row.size() ? parseOrNaN(row.get(col)) : Double.NaN;
            if (!Double.isFinite(v) || v <= 0) {
                throw new OfaException(file + ": line " + (i + 1) + ": column 'Average Time (ms)': expected a time "
                        + "> 0, found '" + (col < row.size() ? row.get(col) : "") + "'");
            }
            sum += v;
            rows++;
        }
        if (rows == 0) {
            throw new OfaException(file + ": DPU Summary: expected at least one kernel row, found none");
        }
        return List.of(new Measurement(network, Kind.DPU, sum, file + " (profile_summary.csv)"));
    }

    static List<Measurement> benchmark(String text, String network, Path file) throws OfaException {
        List<Measurement> out = new ArrayList<>();
        Matcher m = BENCH.matcher(text);
        while (m.find()) {
            double us = parseOrNaN(m.group(2));
            if (!Double.isFinite(us) || us <= 0) {
                throw new OfaException(file + ": " + m.group(1) + ": expected a time in microseconds > 0, found '"
                        + m.group(2) + "'");
            }
            Kind kind = m.group(1).startsWith("E2E") ? Kind.E2E : Kind.DPU;
            out.removeIf(x -> x.kind() == kind);
            out.add(new Measurement(network, kind, us / 1000.0, file + " (benchmark " + m.group(1) + ")"));
        }
        return out;
    }

    static List<Measurement> measuredCsv(String text, Path file) throws OfaException {
        String[] lines = text.split("\\R");
        List<String> header = cells(lines[0]);
        int net = header.indexOf("network");
        int ms = header.indexOf("measured_ms");
        int kind = header.indexOf("kind");
        if (net < 0 || ms < 0) {
            throw new OfaException(file + ": line 1: expected a CSV header with columns network,measured_ms[,kind] "
                    + "(or a vaitrace JSON, profile_summary.csv or benchmark output), found '" + lines[0].strip() + "'");
        }
        List<Measurement> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) {
                continue;
            }
            List<String> row = cells(lines[i]);
            if (row.size() <= Math.max(net, ms)) {
                throw new OfaException(file + ": line " + (i + 1) + ": expected " + header.size() + " columns, found "
                        + row.size());
            }
            double v = parseOrNaN(row.get(ms));
            if (!Double.isFinite(v) || v <= 0) {
                throw new OfaException(file + ": line " + (i + 1) + ": column measured_ms: expected a latency > 0 ms, "
                        + "found '" + row.get(ms) + "'");
            }
            Kind k = Kind.E2E;
            if (kind >= 0 && kind < row.size() && !row.get(kind).isBlank()) {
                String kt = row.get(kind).toLowerCase(Locale.ROOT);
                if (!kt.equals("e2e") && !kt.equals("dpu")) {
                    throw new OfaException(file + ": line " + (i + 1) + ": column kind: expected e2e or dpu, found '"
                            + row.get(kind) + "'");
                }
                k = kt.equals("dpu") ? Kind.DPU : Kind.E2E;
            }
            out.add(new Measurement(row.get(net), k, v, file + ":" + (i + 1)));
        }
        return out;
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String c : line.split(",", -1)) {
            out.add(c.strip().replaceAll("^\"|\"$", ""));
        }
        return out;
    }

    static double parseOrNaN(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
