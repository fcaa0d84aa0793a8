package dev.ofastudio.engine.supernet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.space.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * OFA's {@code net.config} for a static MobileNetV3 ({@code get_active_net_config()}), written with
 * the same content as the reference so {@code MobileNetV3.build_from_config} rebuilds it, and read
 * back in both the current and the legacy spellings ({@code mobile_inverted_conv},
 * {@code MBInvertedConvLayer}, {@code mid_channels: null}).
 */
public final class NetConfigJson {
    private static final String OPS_ORDER = "weight_bn_act";

    private NetConfigJson() {
    }

    public static ObjectNode toJson(NetSpec spec) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("name", "MobileNetV3");
        ObjectNode bn = n.putObject("bn");
        bn.put("momentum", 0.1);
        bn.put("eps", 1e-5);
        bn.putNull("ws_eps");
        n.set("first_conv", convLayer(spec.inputChannels(), spec.firstConvOut(), 3, 2, true));
        var blocks = n.putArray("blocks");
        for (BlockSpec b : spec.blocks()) {
            blocks.add(block(b));
        }
        n.set("final_expand_layer", convLayer(spec.lastBlockOut(), spec.finalExpandOut(), 1, 1, true));
        n.set("feature_mix_layer", convLayer(spec.finalExpandOut(), spec.featureMixOut(), 1, 1, false));
        ObjectNode cls = n.putObject("classifier");
        cls.put("name", "LinearLayer");
        cls.put("in_features", spec.featureMixOut());
        cls.put("out_features", spec.numClasses());
        cls.put("bias", true);
        cls.put("use_bn", false);
        cls.putNull("act_func");
        cls.put("dropout_rate", 0);
        cls.put("ops_order", OPS_ORDER);
        return n;
    }

    private static ObjectNode convLayer(int in, int out, int kernel, int stride, boolean useBn) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("name", "ConvLayer");
        c.put("kernel_size", kernel);
        c.put("stride", stride);
        c.put("dilation", 1);
        c.put("groups", 1);
        c.put("bias", false);
        c.put("has_shuffle", false);
        c.put("use_se", false);
        c.put("in_channels", in);
        c.put("out_channels", out);
        c.put("use_bn", useBn);
        c.put("act_func", Activation.H_SWISH.ofaName());
        c.put("dropout_rate", 0);
        c.put("ops_order", OPS_ORDER);
        return c;
    }

    private static ObjectNode block(BlockSpec b) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("name", "ResidualBlock");
        ObjectNode c = r.putObject("conv");
        c.put("name", "MBConvLayer");
        c.put("in_channels", b.in());
        c.put("out_channels", b.out());
        c.put("kernel_size", b.kernel());
        c.put("stride", b.stride());
        c.put("expand_ratio", b.expandRatio());
        // The fixed first block is a static MBConvLayer in the supernet: its config has no mid
        // width and carries "groups"; sub-layers of elastic blocks state their mid width.
        boolean fixedFirst = !b.hasExpandConv();
        if (fixedFirst) {
            c.putNull("mid_channels");
        } else {
            c.put("mid_channels", b.mid());
        }
        c.put("act_func", b.act().ofaName());
        c.put("use_se", b.se());
        if (fixedFirst) {
            c.putNull("groups");
        }
        if (b.shortcut()) {
            ObjectNode s = r.putObject("shortcut");
            s.put("name", "IdentityLayer");
            s.put("in_channels", b.in());
            s.put("out_channels", b.out());
            s.put("use_bn", false);
            s.putNull("act_func");
            s.put("dropout_rate", 0);
            s.put("ops_order", OPS_ORDER);
        } else {
            r.putNull("shortcut");
        }
        return r;
    }

    /** Parses a MobileNetV3 net.config; {@code source} names it in errors. */
    public static NetSpec fromJson(JsonNode n, String source) throws OfaException {
        if (n == null || !n.isObject()) {
            throw new OfaException(source + ": expected a net.config JSON object");
        }
        String name = n.path("name").asText();
        if (!"MobileNetV3".equals(name)) {
            throw new OfaException(source + ": field name: expected MobileNetV3, found '" + name + "'");
        }
        int firstOut = intField(n.path("first_conv"), "out_channels", source, "first_conv");
        // Older net.configs of ours wrote no in_channels: OFA's nets are RGB.
        int inputChannels = n.path("first_conv").has("in_channels")
                ? intField(n.path("first_conv"), "in_channels", source, "first_conv") : 3;
        JsonNode blocks = n.get("blocks");
        if (blocks == null || !blocks.isArray() || blocks.isEmpty()) {
            throw new OfaException(source + ": field blocks: expected a non-empty list of blocks");
        }
        List<BlockSpec> specs = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            specs.add(parseBlock(blocks.get(i), source, "blocks[" + i + "]"));
        }
        int finalOut = intField(n.path("final_expand_layer"), "out_channels", source, "final_expand_layer");
        int mixOut = intField(n.path("feature_mix_layer"), "out_channels", source, "feature_mix_layer");
        int classes = intField(n.path("classifier"), "out_features", source, "classifier");
        try {
            return new NetSpec(inputChannels, firstOut, specs, finalOut, mixOut, classes);
        } catch (IllegalArgumentException e) {
            throw new OfaException(source + ": inconsistent network: " + e.getMessage());
        }
    }

    private static BlockSpec parseBlock(JsonNode block, String source, String where) throws OfaException {
        JsonNode conv = block.has("conv") ? block.get("conv") : block.get("mobile_inverted_conv");
        if (conv == null || !conv.isObject()) {
            throw new OfaException(source + ": field " + where + ".conv: expected an MBConvLayer object");
        }
        String convName = conv.path("name").asText();
        if (!"MBConvLayer".equals(convName) && !"MBInvertedConvLayer".equals(convName)) {
            throw new OfaException(source + ": field " + where + ".conv.name: expected MBConvLayer, found '"
                    + convName + "'");
        }
        String w = where + ".conv";
        int in = intField(conv, "in_channels", source, w);
        int out = intField(conv, "out_channels", source, w);
        int k = intField(conv, "kernel_size", source, w);
        int stride = intField(conv, "stride", source, w);
        JsonNode e = conv.get("expand_ratio");
        if (e == null || !e.isNumber() || e.asDouble() < 1) {
            throw new OfaException(source + ": field " + w + ".expand_ratio: expected a number >= 1, found " + e);
        }
        JsonNode midNode = conv.get("mid_channels");
        // The static MBConvLayer uses round(in * expand) when mid_channels is null.
        int mid = midNode == null || midNode.isNull() ? (int) Math.round(in * e.asDouble())
                : intField(conv, "mid_channels", source, w);
        Activation act = activation(conv.path("act_func").asText(), source, w);
        boolean se = conv.path("use_se").asBoolean(false);
        JsonNode shortcut = block.get("shortcut");
        boolean skip = shortcut != null && !shortcut.isNull();
        if (e.asDouble() != Math.rint(e.asDouble())) {
            throw new OfaException(source + ": field " + w + ".expand_ratio: expected an integer ratio, found " + e);
        }
        try {
            return new BlockSpec(in, out, k, stride, e.asInt(), mid, se, act, skip);
        } catch (IllegalArgumentException ex) {
            throw new OfaException(source + ": field " + where + ": " + ex.getMessage());
        }
    }

    private static Activation activation(String name, String source, String where) throws OfaException {
        for (Activation a : Activation.values()) {
            if (a.ofaName().equals(name)) {
                return a;
            }
        }
        throw new OfaException(source + ": field " + where + ".act_func: expected relu, relu6 or h_swish, found '"
                + name + "'");
    }

    private static int intField(JsonNode node, String field, String source, String where) throws OfaException {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new OfaException(source + ": field " + where + "." + field + ": expected a positive integer, found "
                    + (v == null ? "nothing" : v.toString()));
        }
        return v.asInt();
    }
}
