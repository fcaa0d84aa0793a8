package dev.ofastudio.engine.latency.dpu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.JsonFields;
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
 * Reads board specs (format {@code ofa-studio-board}, version 1) from the shipped resources or a
 * user's file, and the DPUCZDX8G size table they refer to.
 */
public final class BoardSpecs {
    public static final String FORMAT = "ofa-studio-board";
    public static final int VERSION = 1;
    /** Boards shipped in the engine jar. */
    public static final List<String> SHIPPED = List.of("zcu102", "zcu104", "kv260");

    private static final String RESOURCES = "/dev/ofastudio/engine/boards/";
    private static final Map<String, DpuArch> ARCHS = loadArchs();

    private BoardSpecs() {
    }

    /** A shipped board by id ({@code zcu102}, {@code zcu104}, {@code kv260}). */
    public static BoardSpec load(String id) throws OfaException {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        if (!SHIPPED.contains(key)) {
            throw new OfaException("unknown board '" + id + "': expected one of " + SHIPPED
                    + " (or give your own with --board-spec FILE)");
        }
        return fromJson(Json.parse(resource(key + ".json"), "board " + key), "board " + key);
    }

    /** A user's board spec file. */
    public static BoardSpec read(Path file) throws OfaException {
        return fromJson(Json.read(file), file.toString());
    }

    /** The DPUCZDX8G sizes B512..B4096. */
    public static Map<String, DpuArch> archs() {
        return ARCHS;
    }

    public static DpuArch arch(String name, String source) throws OfaException {
        DpuArch a = ARCHS.get(name == null ? "" : name.toUpperCase(Locale.ROOT));
        if (a == null) {
            throw new OfaException(source + ": field dpu.arch: expected a DPUCZDX8G size, one of "
                    + ARCHS.keySet() + ", found '" + name + "'");
        }
        return a;
    }

    /** Parses and validates a board spec; {@code source} names it in errors. */
    public static BoardSpec fromJson(JsonNode n, String source) throws OfaException {
        if (n == null || !n.isObject()) {
            throw new OfaException(source + ": expected a JSON board spec object");
        }
        String format = JsonFields.text(n, "format", "", source);
        if (!FORMAT.equals(format)) {
            throw new OfaException(source + ": field format: expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        int version = JsonFields.integer(n, "version", "", source, 0, Integer.MAX_VALUE);
        if (version != VERSION) {
            throw new OfaException(source + ": field version: expected " + VERSION + ", found " + version);
        }
        String id = JsonFields.text(n, "id", "", source);
        String name = JsonFields.text(n, "name", "", source);
        JsonNode dpu = JsonFields.object(n, "dpu", "", source);
        String family = JsonFields.text(dpu, "family", "dpu.", source);
        if (!"DPUCZDX8G".equals(family)) {
            throw new OfaException(source + ": field dpu.family: expected \"DPUCZDX8G\" (the only family the model "
                    + "describes), found \"" + family + "\"");
        }
        DpuArch arch = arch(JsonFields.text(dpu, "arch", "dpu.", source), source);
        int cores = JsonFields.integer(dpu, "cores", "dpu.", source, 1, 4);
        double clock = JsonFields.positive(dpu, "clock_mhz", "dpu.", source);
        if (clock > 1000) {
            throw new OfaException(source + ": field dpu.clock_mhz: expected a clock in MHz (<= 1000), found " + clock);
        }
        int isa = JsonFields.integer(dpu, "isa", "dpu.", source, 0, 1);
        String ram = JsonFields.text(dpu, "ram_usage", "dpu.", source);
        if (!ram.equals("low") && !ram.equals("high")) {
            throw new OfaException(source + ": field dpu.ram_usage: expected \"low\" or \"high\", found \"" + ram + "\"");
        }
        int alu = JsonFields.integer(dpu, "alu_parallelism", "dpu.", source, 1, arch.pp());
        int taps = JsonFields.integer(dpu, "alu_taps_per_cycle", "dpu.", source, 1, 256);
        boolean aug = JsonFields.bool(dpu, "channel_augmentation", "dpu.", source);
        JsonNode mem = JsonFields.object(n, "memory", "", source);
        double ddr = JsonFields.positive(mem, "ddr_gb_per_s", "memory.", source);
        int ports = JsonFields.integer(mem, "data_ports_per_core", "memory.", source, 1, 8);
        int bits = JsonFields.integer(mem, "port_bits", "memory.", source, 8, 1024);
        JsonNode cpu = JsonFields.object(n, "cpu", "", source);
        CpuSpec cpuSpec = new CpuSpec(JsonFields.text(cpu, "name", "cpu.", source),
                JsonFields.nonNegative(cpu, "frame_overhead_ms", "cpu.", source),
                JsonFields.nonNegative(cpu, "fallback_switch_ms", "cpu.", source),
                JsonFields.nonNegative(cpu, "fallback_ns_per_element", "cpu.", source),
                JsonFields.positive(cpu, "fallback_gmac_per_s", "cpu.", source));
        List<String> sources = new ArrayList<>();
        JsonNode src = n.get("sources");
        if (src != null && src.isArray()) {
            for (JsonNode s : src) {
                sources.add(s.asText());
            }
        }
        return new BoardSpec(id, name, family, arch, cores, clock, isa, ram.equals("high"), alu, taps, aug, ddr, ports, bits,
                cpuSpec, sources);
    }

    /** The JSON form {@link #fromJson} reads (profiles embed it). */
    public static ObjectNode toJson(BoardSpec b) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("version", VERSION);
        n.put("id", b.id());
        n.put("name", b.name());
        ObjectNode dpu = n.putObject("dpu");
        dpu.put("family", b.family());
        dpu.put("arch", b.arch().name());
        dpu.put("cores", b.cores());
        dpu.put("clock_mhz", b.clockMhz());
        dpu.put("isa", b.isa());
        dpu.put("ram_usage", b.highRam() ? "high" : "low");
        dpu.put("alu_parallelism", b.aluParallelism());
        dpu.put("alu_taps_per_cycle", b.aluTapsPerCycle());
        dpu.put("channel_augmentation", b.channelAugmentation());
        ObjectNode mem = n.putObject("memory");
        mem.put("ddr_gb_per_s", b.ddrGBps());
        mem.put("data_ports_per_core", b.dataPortsPerCore());
        mem.put("port_bits", b.portBits());
        ObjectNode cpu = n.putObject("cpu");
        cpu.put("name", b.cpu().name());
        cpu.put("frame_overhead_ms", b.cpu().frameOverheadMs());
        cpu.put("fallback_switch_ms", b.cpu().fallbackSwitchMs());
        cpu.put("fallback_ns_per_element", b.cpu().fallbackNsPerElement());
        cpu.put("fallback_gmac_per_s", b.cpu().fallbackGmacPerS());
        var src = n.putArray("sources");
        b.sources().forEach(src::add);
        return n;
    }

    private static Map<String, DpuArch> loadArchs() {
        try {
            JsonNode root = Json.parse(resource("dpuczdx8g.json"), "dpuczdx8g.json");
            Map<String, DpuArch> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.get("archs").fields();
            while (it.hasNext()) {
                var e = it.next();
                JsonNode a = e.getValue();
                out.put(e.getKey(), new DpuArch(e.getKey(), a.get("pixel_parallelism").intValue(),
                        a.get("input_channel_parallelism").intValue(), a.get("output_channel_parallelism").intValue(),
                        a.get("peak_ops_per_cycle").intValue(), a.get("bram36_low").intValue(),
                        a.get("bram36_high").intValue()));
            }
            return java.util.Collections.unmodifiableMap(out);
        } catch (OfaException e) {
            throw new IllegalStateException("the shipped DPU size table is broken", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = BoardSpecs.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + RESOURCES + name, e);
        }
    }
}
