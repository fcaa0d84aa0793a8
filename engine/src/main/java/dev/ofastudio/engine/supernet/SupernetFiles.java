package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.pth.PthReader;
import dev.ofastudio.engine.io.pth.StateDict;
import dev.ofastudio.engine.io.pth.Tensor;
import dev.ofastudio.engine.space.Channels;
import dev.ofastudio.engine.space.SearchSpaces;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads supernets from OFA {@code .pth} state dicts or our own checkpoints, and saves our own.
 * Width multiplier and class count are read from the weights; the elastic lists are OFA's
 * (K{3,5,7}, E{3,4,6}, D{2,3,4}) unless our checkpoint header says otherwise.
 */
public final class SupernetFiles {
    /** Width multipliers we can recognise from the first conv's width. */
    private static final double[] WIDTHS = {1.0, 1.2};

    private SupernetFiles() {
    }

    /** Reads {@code file} (OFA .pth or OFA Studio checkpoint) into a new supernet owned by {@code manager}. */
    public static OfaSupernet load(Path file, NDManager manager) throws OfaException {
        if (CheckpointFile.isCheckpoint(file)) {
            CheckpointFile.Content c = CheckpointFile.read(file);
            if (!"supernet".equals(c.header().path("kind").asText())) {
                throw new OfaException(file + ": field kind: expected a supernet checkpoint, found '"
                        + c.header().path("kind").asText() + "'");
            }
            return fromStateDict(c.tensors(), spaceFromHeader(c.header(), file), manager, file.toString());
        }
        StateDict sd = PthReader.read(file);
        return fromStateDict(sd, inferSpace(sd, file.toString()), manager, file.toString());
    }

    /** A supernet for {@code space} with the weights of {@code sd}. */
    public static OfaSupernet fromStateDict(StateDict sd, Mbv3Space space, NDManager manager, String source)
            throws OfaException {
        requireFits(sd, space, source);
        OfaSupernet net = new OfaSupernet(space);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, space.inputChannels(), 224, 224));
        try {
            WeightLoader.load(net.stateDict(), net.allBatchNorms(), sd, source);
        } catch (OfaException e) {
            net.clear();
            throw e;
        }
        return net;
    }

    /**
     * The space sizes the network that {@link OfaSupernet#initialize} allocates: check its stem and
     * head against the tensors first, so a header claiming 1e8 classes fails here, not in libtorch.
     */
    private static void requireFits(StateDict sd, Mbv3Space space, String source) throws OfaException {
        Tensor first = sd.get("first_conv.conv.weight");
        long[] firstShape = {space.firstConvWidth(), space.inputChannels(), 3, 3};
        if (first == null || !first.hasShape(firstShape)) {
            throw new OfaException(source + ": tensor first_conv.conv.weight: the space needs shape "
                    + java.util.Arrays.toString(firstShape) + ", found " + (first == null ? "no such tensor"
                    : java.util.Arrays.toString(first.shape())));
        }
        Tensor cls = sd.get("classifier.linear.weight");
        if (cls == null) {
            cls = sd.get("classifier.linear.linear.weight");
        }
        long[] clsShape = {space.numClasses(), space.featureMixWidth()};
        if (cls == null || !cls.hasShape(clsShape)) {
            throw new OfaException(source + ": " + space.numClasses() + " classes need a classifier weight of shape "
                    + java.util.Arrays.toString(clsShape) + ", found " + (cls == null ? "no classifier tensor"
                    : java.util.Arrays.toString(cls.shape())));
        }
    }

    /** The OFA MobileNetV3 space whose widths and class count fit {@code sd}. */
    public static Mbv3Space inferSpace(StateDict sd, String source) throws OfaException {
        Tensor first = sd.get("first_conv.conv.weight");
        Tensor cls = sd.get("classifier.linear.weight");
        if (cls == null) {
            cls = sd.get("classifier.linear.linear.weight");
        }
        if (first == null || cls == null || first.rank() != 4 || cls.rank() != 2) {
            throw new OfaException(source + ": not an OFA MobileNetV3 state dict (expected tensors "
                    + "first_conv.conv.weight [C,3,3,3] and classifier.linear.weight [classes, features])");
        }
        List<String> known = new ArrayList<>();
        for (double w : WIDTHS) {
            int c0 = Channels.makeDivisible(16 * w);
            known.add(c0 + " (w" + w + ")");
            if (first.dim(0) == c0) {
                return Mbv3Space.mobileNetV3(w).withNumClasses((int) cls.dim(0));
            }
        }
        throw new OfaException(source + ": tensor first_conv.conv.weight: expected " + String.join(" or ", known)
                + " output channels, found " + first.dim(0));
    }

    private static Mbv3Space spaceFromHeader(JsonNode h, Path file) throws OfaException {
        try {
            JsonNode sp = h.get("space");
            if (sp == null) {
                // Older checkpoints: flat fields beside the file's own "kind".
                ObjectNode flat = h.deepCopy();
                flat.remove("kind");
                sp = flat;
            }
            if (!(SearchSpaces.fromJson(sp, file.toString()) instanceof Mbv3Space m)) {
                throw new OfaException(file + ": checkpoint header: space is not an OFA MobileNetV3 space");
            }
            return m;
        } catch (RuntimeException e) {
            throw new OfaException(file + ": checkpoint header: expected width_mult, num_classes, ks_list, "
                    + "expand_ratio_list and depth_list, found " + h);
        }
    }

    private static List<Integer> ints(JsonNode a) {
        List<Integer> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asInt()));
        return out;
    }

    /** Saves the supernet's weights, BN buffers and space atomically in our own format. */
    public static void save(OfaSupernet net, Path file) throws OfaException {
        save(net, file, Json.MAPPER.createObjectNode(), Map.of());
    }

    /**
     * Saves the supernet like {@link #save(OfaSupernet, Path)} with more header fields and more
     * tensors beside the weights (a trainer's state and optimizer buffers), in one atomic write.
     */
    public static void save(OfaSupernet net, Path file, ObjectNode extraHeader, Map<String, Tensor> extraTensors)
            throws OfaException {
        Mbv3Space s = net.space();
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("kind", "supernet");
        h.put("architecture", "OFAMobileNetV3");
        // Flat fields for older readers; "space" holds every parameter (kind, id, style).
        h.put("width_mult", s.widthMult());
        h.put("num_classes", s.numClasses());
        s.kernelSizes().forEach(h.putArray("ks_list")::add);
        s.expandRatios().forEach(h.putArray("expand_ratio_list")::add);
        s.depths().forEach(h.putArray("depth_list")::add);
        h.set("space", SearchSpaces.toJson(s));
        h.setAll(extraHeader);
        Map<String, Tensor> all = new LinkedHashMap<>(tensors(net.stateDict(), net.allBatchNorms()));
        all.putAll(extraTensors);
        CheckpointFile.write(file, h, all);
    }

    /**
     * Writes the supernet's state dict in OFA's key spelling as a PyTorch {@code .pth} (zip
     * format) that {@code torch.load} and OFA's {@code load_state_dict} read.
     */
    public static void savePth(OfaSupernet net, Path file) throws OfaException {
        dev.ofastudio.engine.io.pth.PthWriter.writeStateDict(file, tensors(net.stateDict(), net.allBatchNorms()));
    }

    /**
     * Rewrites supernet checkpoint {@code in} with its float32 weights as float16 (half the size:
     * what a project ships for weight export). Everything else, the header included, is copied;
     * the header gains {@code "precision": "float16"}. Loading widens the weights back to float32.
     */
    public static void saveHalf(Path in, Path out) throws OfaException {
        CheckpointFile.Content c = CheckpointFile.read(in);
        if (!"supernet".equals(c.header().path("kind").asText())) {
            throw new OfaException(in + ": field kind: expected a supernet checkpoint, found '"
                    + c.header().path("kind").asText() + "'");
        }
        Map<String, Tensor> half = new LinkedHashMap<>();
        for (Tensor t : c.tensors().tensors()) {
            half.put(t.key(), t.dtype() == dev.ofastudio.engine.io.pth.DType.FLOAT32
                    ? CheckpointFile.halves(t.key(), t.shape(), t.toFloatArray()) : t);
        }
        ObjectNode h = c.header().deepCopy();
        h.put("precision", "float16");
        CheckpointFile.write(out, h, half);
    }

    /** The space a checkpoint header records. */
    public static Mbv3Space space(JsonNode header, Path file) throws OfaException {
        return spaceFromHeader(header, file);
    }

    /** Copies the weights and BN buffers of {@code sd} (every key must match) into {@code net}. */
    public static void loadWeights(OfaSupernet net, StateDict sd, String source) throws OfaException {
        WeightLoader.load(net.stateDict(), net.allBatchNorms(), sd, source);
    }

    /** The parameters and BN counters as checkpoint tensors, in state-dict order. */
    static Map<String, Tensor> tensors(Map<String, Parameter> params, List<ElasticBatchNorm> bns) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        params.forEach((k, p) -> out.put(k, CheckpointFile.floats(k, p.getShape().getShape(),
                p.getArray().toFloatArray())));
        for (ElasticBatchNorm bn : bns) {
            String k = bn.key() + ".num_batches_tracked";
            out.put(k, CheckpointFile.longScalar(k, bn.numBatchesTracked()));
        }
        return out;
    }
}
