package dev.ofastudio.engine.latency.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.JsonFields;
import dev.ofastudio.engine.latency.dpu.BoardSpec;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.space.mbv3.SpaceVariant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads, validates and writes profiles (format {@code ofa-studio-fpga-profile}, version 1; see
 * {@code fpga-profiles/README.md}). A profile that fails any check is rejected whole with a one-line
 * message naming the file and the field.
 */
public final class FpgaProfiles {
    private static final String SHIPPED = "/dev/ofastudio/engine/profiles/";

    private FpgaProfiles() {
    }

    public static FpgaProfile read(Path file) throws OfaException {
        return fromJson(Json.read(file), file.toString());
    }

    /** The committed profile of a shipped board, packaged in the engine jar. */
    public static FpgaProfile shipped(String boardId) throws OfaException {
        return shipped(boardId, SpaceVariant.REFERENCE);
    }

    /** The committed profile of a shipped board for one of the two OFA spaces. */
    public static FpgaProfile shipped(String boardId, SpaceVariant variant) throws OfaException {
        String id = variant.profileFile(boardId.toLowerCase(Locale.ROOT)).replace(".json", "");
        try (InputStream in = FpgaProfiles.class.getResourceAsStream(SHIPPED + id + ".json")) {
            if (in == null) {
                throw new OfaException("no shipped profile for board '" + boardId + "': expected one of "
                        + BoardSpecs.SHIPPED);
            }
            return fromJson(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), id + ".json"),
                    "profile " + id + ".json");
        } catch (IOException e) {
            throw new OfaException("cannot read the shipped profile of " + boardId + " (" + e.getMessage() + ")", e);
        }
    }

    public static FpgaProfile fromJson(JsonNode n, String source) throws OfaException {
        if (n == null || !n.isObject()) {
            throw new OfaException(source + ": expected a JSON profile object");
        }
        String format = JsonFields.text(n, "format", "", source);
        if (!FpgaProfile.FORMAT.equals(format)) {
            throw new OfaException(source + ": field format: expected \"" + FpgaProfile.FORMAT + "\", found \""
                    + format + "\"");
        }
        int version = JsonFields.integer(n, "version", "", source, 0, Integer.MAX_VALUE);
        if (version != FpgaProfile.VERSION) {
            throw new OfaException(source + ": field version: expected " + FpgaProfile.VERSION + " (this build reads "
                    + "version " + FpgaProfile.VERSION + " profiles), found " + version);
        }
        BoardSpec board = BoardSpecs.fromJson(JsonFields.object(n, "board", "", source), source + " (board)");
        JsonNode src = JsonFields.object(n, "source", "", source);
        String kind = JsonFields.text(src, "kind", "source.", source);
        if (!ProfileSource.KINDS.contains(kind)) {
            throw new OfaException(source + ": field source.kind: expected one of " + ProfileSource.KINDS
                    + ", found \"" + kind + "\"");
        }
        String modelVersion = JsonFields.text(src, "model_version", "source.", source);
        double overhead = JsonFields.nonNegative(n, "frame_overhead_ms", "", source);
        JsonNode coverage = JsonFields.object(n, "coverage", "", source);
        List<Integer> resolutions = new ArrayList<>();
        for (JsonNode r : array(coverage, "resolutions", source)) {
            if (!r.isIntegralNumber() || r.intValue() < 1) {
                throw new OfaException(source + ": field coverage.resolutions: expected positive integers, found " + r);
            }
            resolutions.add(r.intValue());
        }
        List<Double> widths = new ArrayList<>();
        for (JsonNode w : array(coverage, "ofa_widths", source)) {
            if (!w.isNumber() || !(w.doubleValue() > 0)) {
                throw new OfaException(source + ": field coverage.ofa_widths: expected positive numbers, found " + w);
            }
            widths.add(w.doubleValue());
        }
        List<String> networks = new ArrayList<>();
        for (JsonNode s : array(coverage, "reference_networks", source)) {
            networks.add(s.asText());
        }
        JsonNode table = JsonFields.object(n, "latency_ms", "", source);
        if (table.isEmpty()) {
            throw new OfaException(source + ": field latency_ms: expected at least one layer latency, found none");
        }
        Map<String, Double> lat = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = table.fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode v = e.getValue();
            double d = v.isNumber() ? v.doubleValue() : Double.NaN;
            if (!Double.isFinite(d) || d <= 0) {
                throw new OfaException(source + ": field latency_ms[\"" + e.getKey() + "\"]: expected a finite "
                        + "latency > 0 ms, found " + v);
            }
            lat.put(e.getKey(), d);
        }
        return new FpgaProfile(board, new ProfileSource(kind, modelVersion, src), overhead, resolutions, widths,
                networks, lat);
    }

    private static JsonNode array(JsonNode node, String field, String source) throws OfaException {
        JsonNode a = node.get(field);
        if (a == null || !a.isArray()) {
            throw new OfaException(source + ": field coverage." + field + ": expected a list, found "
                    + (a == null ? "nothing" : a.toString()));
        }
        return a;
    }

    /** The JSON form; latencies are rounded to 1 ns (1e-6 ms) to keep files small and stable. */
    public static ObjectNode toJson(FpgaProfile p) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("format", FpgaProfile.FORMAT);
        n.put("version", FpgaProfile.VERSION);
        n.set("board", BoardSpecs.toJson(p.board()));
        ObjectNode src = p.source().details() != null && p.source().details().isObject()
                ? ((ObjectNode) p.source().details()).deepCopy() : Json.MAPPER.createObjectNode();
        src.put("kind", p.source().kind());
        src.put("model_version", p.source().modelVersion());
        n.set("source", src);
        n.put("frame_overhead_ms", round(p.frameOverheadMs()));
        ObjectNode cov = n.putObject("coverage");
        var r = cov.putArray("resolutions");
        p.resolutions().forEach(r::add);
        var w = cov.putArray("ofa_widths");
        p.widths().forEach(w::add);
        var nets = cov.putArray("reference_networks");
        p.networks().forEach(nets::add);
        ObjectNode t = n.putObject("latency_ms");
        p.latencyMs().forEach((k, v) -> t.put(k, round(v)));
        return n;
    }

    /** Writes atomically: the file is either the old one or the complete new one. */
    public static void write(Path file, FpgaProfile p) throws OfaException {
        try {
            AtomicFiles.writeString(file, Json.MAPPER.writeValueAsString(toJson(p)) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise profile", e);
        }
    }

    /** Rounds to 1e-6 ms, never to zero for a positive latency. */
    static double round(double ms) {
        double r = Math.round(ms * 1e6) / 1e6;
        return ms > 0 && r == 0 ? 1e-6 : r;
    }
}
