package dev.ofastudio.engine.supernet;

import ai.djl.nn.Parameter;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.pth.StateDict;
import dev.ofastudio.engine.io.pth.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a state dict into a network's parameters. Accepts OFA's key spellings (the renames of
 * {@code OFAMobileNetV3.load_state_dict}, digest §1.4, and a {@code module.} prefix); checks the
 * key sets and every shape first, so a bad checkpoint changes nothing and the message lists what
 * is missing, what is extra, or which tensor has which wrong shape.
 */
final class WeightLoader {
    private static final String NBT = ".num_batches_tracked";
    private static final int LIST_LIMIT = 12;

    private WeightLoader() {
    }

    static void load(Map<String, Parameter> params, List<ElasticBatchNorm> bns, StateDict sd, String source)
            throws OfaException {
        Map<String, ElasticBatchNorm> counters = new HashMap<>();
        for (ElasticBatchNorm bn : bns) {
            counters.put(bn.key() + NBT, bn);
        }
        Map<String, Tensor> mapped = new LinkedHashMap<>();
        List<String> extra = new ArrayList<>();
        for (String key : sd.keys()) {
            String ours = resolve(key, params, counters);
            if (ours == null || mapped.containsKey(ours)) {
                extra.add(key);
            } else {
                mapped.put(ours, sd.get(key));
            }
        }
        List<String> missing = params.keySet().stream().filter(k -> !mapped.containsKey(k)).toList();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            StringBuilder m = new StringBuilder(source).append(": state dict does not match the network");
            if (!missing.isEmpty()) {
                m.append("; missing ").append(missing.size()).append(" keys ").append(shortList(missing));
            }
            if (!extra.isEmpty()) {
                m.append("; unexpected ").append(extra.size()).append(" keys ").append(shortList(extra));
            }
            throw new OfaException(m.toString());
        }
        List<String> wrong = new ArrayList<>();
        for (var e : mapped.entrySet()) {
            Tensor t = e.getValue();
            Parameter p = params.get(e.getKey());
            if (p != null) {
                if (!t.dtype().isFloatingPoint()) {
                    wrong.add(t.key() + ": expected a floating-point tensor, found " + t.dtype().torchName());
                } else if (!Arrays.equals(p.getShape().getShape(), t.shape())) {
                    wrong.add(t.key() + ": expected shape " + Arrays.toString(p.getShape().getShape()) + ", found "
                            + Arrays.toString(t.shape()));
                }
            } else if (t.numel() != 1 || t.dtype().isFloatingPoint()) {
                wrong.add(t.key() + ": expected an integer scalar, found " + t);
            }
        }
        if (!wrong.isEmpty()) {
            throw new OfaException(source + ": wrong tensor " + String.join("; ", wrong.subList(0,
                    Math.min(wrong.size(), 5))) + (wrong.size() > 5 ? "; and " + (wrong.size() - 5) + " more" : ""));
        }
        for (var e : mapped.entrySet()) {
            Parameter p = params.get(e.getKey());
            if (p != null) {
                p.getArray().set(e.getValue().toFloatArray());
            } else {
                counters.get(e.getKey()).setNumBatchesTracked(e.getValue().toLongArray()[0]);
            }
        }
    }

    /** Our key for a checkpoint key, trying OFA's static/dynamic spellings; null if none fits. */
    private static String resolve(String key, Map<String, Parameter> params, Map<String, ElasticBatchNorm> counters) {
        String k = key.startsWith("module.") ? key.substring("module.".length()) : key;
        k = k.replace(".mobile_inverted_conv.", ".conv.");
        for (String candidate : spellings(k)) {
            if (params.containsKey(candidate) || counters.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<String> spellings(String k) {
        List<String> out = new ArrayList<>();
        out.add(k);
        out.add(k.replace(".bn.bn.", ".bn."));
        out.add(k.replace(".conv.conv.weight", ".conv.weight"));
        out.add(k.replace(".linear.linear.", ".linear."));
        out.add(k.replace(".linear.", ".linear.linear."));
        out.add(k.replace("bn.", "bn.bn."));
        out.add(k.replace("conv.weight", "conv.conv.weight"));
        return out;
    }

    private static String shortList(List<String> keys) {
        if (keys.size() <= LIST_LIMIT) {
            return keys.toString();
        }
        return keys.subList(0, LIST_LIMIT).toString().replace("]", ", ... and " + (keys.size() - LIST_LIMIT) + " more]");
    }
}
