package dev.ofastudio.engine.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.JsonFields;
import dev.ofastudio.engine.io.pth.StateDict;
import dev.ofastudio.engine.io.pth.Tensor;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SearchSpaces;
import dev.ofastudio.engine.supernet.CheckpointFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The studio's own accuracy-predictor file: a {@link CheckpointFile} (magic, version, JSON header,
 * float32 tensors, CRC-32; written atomically) whose header reads
 * <pre>{@code
 * {"kind": "accuracy-predictor", "format": "ofa-studio-accuracy-predictor", "version": 1,
 *  "space": {...SearchSpaces form...},
 *  "encoding": {"kind": "ofa_mbv3_library", "size": 125, "resolutions": [...], "ks_list": [...],
 *               "expand_ratio_list": [...]},
 *  "architecture": {"inputs": 125, "hidden": 400, "hidden_layers": 3, "activation": "relu",
 *                   "output_bias": false, "base_acc": 0.87},
 *  "dataset": {...}, "training": {...}, "figures": {...}, "provenance": {...}}
 * }</pre>
 * and whose tensors are {@code hidden.<i>.weight [hidden, in]}, {@code hidden.<i>.bias [hidden]},
 * {@code output.weight [1, hidden]} and {@code base_acc [1]}.
 */
public final class PredictorFile {
    public static final String KIND = "accuracy-predictor";
    public static final String FORMAT = "ofa-studio-accuracy-predictor";
    public static final int VERSION = 1;
    public static final String ENCODING = "ofa_mbv3_library";
    /** Most hidden layers and units a file may declare (OFA: 3 × 400), so a damaged header cannot ask for gigabytes. */
    static final int MAX_LAYERS = 8;
    static final int MAX_HIDDEN = 4096;

    private PredictorFile() {
    }

    /** True if {@code file} is one of ours (checkpoint magic and kind {@value #KIND}). */
    public static boolean isPredictorFile(Path file) {
        if (!CheckpointFile.isCheckpoint(file)) {
            return false;
        }
        try {
            return KIND.equals(CheckpointFile.read(file).header().path("kind").asText());
        } catch (OfaException e) {
            return false;
        }
    }

    /** Writes {@code p} with its {@link StudioAccuracyPredictor#info()} fields, atomically. */
    public static void write(StudioAccuracyPredictor p, Path file) throws OfaException {
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("kind", KIND);
        h.put("format", FORMAT);
        h.put("version", VERSION);
        h.set("space", SearchSpaces.toJson(p.space()));
        ObjectNode enc = h.putObject("encoding");
        enc.put("kind", ENCODING);
        enc.put("size", p.encoding().size());
        p.encoding().resolutions().forEach(enc.putArray("resolutions")::add);
        p.encoding().kernels().forEach(enc.putArray("ks_list")::add);
        p.encoding().expands().forEach(enc.putArray("expand_ratio_list")::add);
        ObjectNode arch = h.putObject("architecture");
        arch.put("inputs", p.encoding().size());
        arch.put("hidden", p.hidden());
        arch.put("hidden_layers", p.hiddenLayers());
        arch.put("activation", "relu");
        arch.put("output_bias", false);
        arch.put("base_acc", p.baseAcc());
        if (p.info() instanceof ObjectNode info) {
            info.fieldNames().forEachRemaining(f -> {
                if (!h.has(f)) {
                    h.set(f, info.get(f));
                }
            });
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        List<float[]> layers = p.layers();
        int in = p.encoding().size();
        for (int i = 0; i < p.hiddenLayers(); i++) {
            String w = "hidden." + i + ".weight";
            String b = "hidden." + i + ".bias";
            tensors.put(w, CheckpointFile.floats(w, new long[] {p.hidden(), i == 0 ? in : p.hidden()}, layers.get(2 * i)));
            tensors.put(b, CheckpointFile.floats(b, new long[] {p.hidden()}, layers.get(2 * i + 1)));
        }
        tensors.put("output.weight", CheckpointFile.floats("output.weight", new long[] {1, p.hidden()},
                layers.get(layers.size() - 1)));
        tensors.put("base_acc", CheckpointFile.floats("base_acc", new long[] {1}, new float[] {p.baseAcc()}));
        CheckpointFile.write(file, h, tensors);
    }

    /** Reads one of our predictor files; every problem fails with one line naming the file and field. */
    public static StudioAccuracyPredictor read(Path file) throws OfaException {
        CheckpointFile.Content c = CheckpointFile.read(file);
        JsonNode h = c.header();
        String src = file.toString();
        String kind = h.path("kind").asText("");
        if (!KIND.equals(kind)) {
            throw OfaException.inFile(file, "field kind", "\"" + KIND + "\"", kind.isEmpty() ? "nothing" : "\"" + kind + "\"");
        }
        String format = h.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw OfaException.inFile(file, "field format", "\"" + FORMAT + "\"", format.isEmpty() ? "nothing"
                    : "\"" + format + "\"");
        }
        JsonFields.integer(h, "version", "", src, VERSION, VERSION);
        SearchSpace space = SearchSpaces.fromJson(JsonFields.object(h, "space", "", src), src);
        SpaceEncoding expected = SpaceEncoding.of(space);
        JsonNode enc = JsonFields.object(h, "encoding", "", src);
        String encKind = JsonFields.text(enc, "kind", "encoding.", src);
        if (!ENCODING.equals(encKind)) {
            throw OfaException.inFile(file, "field encoding.kind", "\"" + ENCODING + "\"", "\"" + encKind + "\"");
        }
        int size = JsonFields.integer(enc, "size", "encoding.", src, 1, 1 << 20);
        if (size != expected.size() || !ints(enc.get("resolutions")).equals(expected.resolutions())
                || !ints(enc.get("ks_list")).equals(expected.kernels())
                || !ints(enc.get("expand_ratio_list")).equals(expected.expands())) {
            throw OfaException.inFile(file, "field encoding", "the space's encoding (size " + expected.size()
                    + ", resolutions " + expected.resolutions() + ", ks " + expected.kernels() + ", e "
                    + expected.expands() + ")", enc);
        }
        JsonNode arch = JsonFields.object(h, "architecture", "", src);
        int hidden = JsonFields.integer(arch, "hidden", "architecture.", src, 1, MAX_HIDDEN);
        int layersCount = JsonFields.integer(arch, "hidden_layers", "architecture.", src, 1, MAX_LAYERS);
        StateDict sd = c.tensors();
        List<float[]> layers = new ArrayList<>();
        for (int i = 0; i < layersCount; i++) {
            layers.add(sd.requireShape("hidden." + i + ".weight", hidden, i == 0 ? size : hidden).toFloatArray());
            layers.add(sd.requireShape("hidden." + i + ".bias", hidden).toFloatArray());
        }
        layers.add(sd.requireShape("output.weight", 1, hidden).toFloatArray());
        float baseAcc = sd.requireShape("base_acc", 1).toFloatArray()[0];
        for (Tensor t : sd.tensors()) {
            for (float v : t.toFloatArray()) {
                if (!Float.isFinite(v)) {
                    throw OfaException.inFile(file, "tensor " + t.key(), "finite weights", v);
                }
            }
        }
        ObjectNode info = Json.MAPPER.createObjectNode();
        for (String f : List.of("dataset", "training", "figures", "provenance")) {
            if (h.has(f)) {
                info.set(f, h.get(f));
            }
        }
        return new StudioAccuracyPredictor(space, hidden, layers, baseAcc, info,
                "OFA Studio accuracy predictor for " + space.id() + " (" + file.getFileName() + ")");
    }

    private static List<Integer> ints(JsonNode a) {
        List<Integer> out = new ArrayList<>();
        if (a != null && a.isArray()) {
            a.forEach(v -> out.add(v.canConvertToInt() ? v.asInt() : Integer.MIN_VALUE));
        }
        return out;
    }
}
