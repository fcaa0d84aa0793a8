package dev.ofastudio.engine.latency.measure;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.measure.Measurement.Kind;
import dev.ofastudio.engine.latency.measure.Measurement.TraceFigures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the "DPU Summary:" ASCII table of {@code vaitrace --txt_summary} (UG1414 "Text Summary";
 * dpu.md §3): one row per DPU subgraph, columns such as {@code DPU Id, Bat, DPU SubGraph, WL, SW_RT,
 * HW_RT, Effic, LdWB, LdFM, StFM, AvgBw} (VAI 1.4 spelled them {@code Workload, Run Time (ms), …}).
 * The network's DPU time is the sum of the subgraphs' run times (the hardware counter HW_RT where
 * present), averaged over DPU cores; workload and traffic are summed the same way so they can be
 * set against the model's.
 */
final class VaitraceText {
    private VaitraceText() {
    }

    /** True when the text has a '|'-separated table after "DPU Summary". */
    static boolean looksLikeTextSummary(String text) {
        int at = text.indexOf("DPU Summary");
        return at >= 0 && text.indexOf('|', at) >= 0;
    }

    static List<Measurement> parse(String text, String network, Path file) throws OfaException {
        String[] lines = text.split("\\R");
        int i = 0;
        while (!lines[i].contains("DPU Summary")) {
            i++;
        }
        i++;
        while (i < lines.length && (lines[i].isBlank() || isRule(lines[i]))) {
            i++;
        }
        if (i >= lines.length || !lines[i].contains("|")) {
            throw new OfaException(file + ": DPU Summary: expected a '|' table header after it, found "
                    + (i >= lines.length ? "the end of the file" : "'" + lines[i].strip() + "'"));
        }
        List<String> header = cells(lines[i]);
        int rt = column(header, "hw_rt");
        if (rt < 0) {
            rt = column(header, "sw_rt");
        }
        if (rt < 0) {
            rt = column(header, "run time", "runtime", "rt(ms)", "rt (ms)");
        }
        if (rt < 0) {
            throw new OfaException(file + ": line " + (i + 1) + ": DPU Summary header: expected a run-time column "
                    + "(HW_RT, SW_RT or Run Time (ms)), found " + header);
        }
        int id = column(header, "dpu id", "dpu");
        int wl = column(header, "wl", "workload");
        int ldwb = column(header, "ldwb");
        int ldfm = column(header, "ldfm");
        int stfm = column(header, "stfm");
        Map<String, double[]> perCore = new LinkedHashMap<>();
        int rows = 0;
        for (i = i + 1; i < lines.length; i++) {
            String line = lines[i];
            if (isRule(line)) {
                continue;
            }
            if (line.isBlank() || !line.strip().startsWith("|")) {
                break;
            }
            List<String> row = cells(line);
            double ms = value(row, rt);
            if (!Double.isFinite(ms) || ms <= 0) {
                throw new OfaException(file + ": line " + (i + 1) + ": column '" + header.get(rt) + "': expected a run "
                        + "time in ms > 0, found '" + (rt < row.size() ? row.get(rt) : "") + "'");
            }
            String core = id >= 0 && id < row.size() ? row.get(id) : "dpu";
            double[] sum = perCore.computeIfAbsent(core, k -> new double[5]);
            sum[0] += ms;
            sum[1] += orZero(value(row, wl));
            sum[2] += orZero(value(row, ldwb));
            sum[3] += orZero(value(row, ldfm));
            sum[4] += orZero(value(row, stfm));
            rows++;
        }
        if (rows == 0) {
            throw new OfaException(file + ": DPU Summary: expected at least one subgraph row, found none");
        }
        double[] mean = new double[5];
        for (double[] s : perCore.values()) {
            for (int k = 0; k < 5; k++) {
                mean[k] += s[k] / perCore.size();
            }
        }
        TraceFigures trace = wl >= 0 || ldwb >= 0 ? new TraceFigures(mean[1], mean[2], mean[3], mean[4]) : null;
        return List.of(new Measurement(network, Kind.DPU, mean[0], file + " (vaitrace text summary)", trace));
    }

    private static boolean isRule(String line) {
        String t = line.strip();
        return !t.isEmpty() && t.chars().allMatch(c -> c == '+' || c == '-' || c == '=' || c == '|' || c == ' ');
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        String t = line.strip();
        if (t.startsWith("|")) {
            t = t.substring(1);
        }
        if (t.endsWith("|")) {
            t = t.substring(0, t.length() - 1);
        }
        for (String c : t.split("\\|", -1)) {
            out.add(c.strip());
        }
        return out;
    }

    /** The first column whose lower-case name starts with one of {@code names}. */
    private static int column(List<String> header, String... names) {
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).toLowerCase(Locale.ROOT);
            for (String n : names) {
                if (h.startsWith(n)) {
                    return c;
                }
            }
        }
        return -1;
    }

    private static double value(List<String> row, int col) {
        return col >= 0 && col < row.size() ? MeasurementImporter.parseOrNaN(row.get(col)) : Double.NaN;
    }

    private static double orZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
