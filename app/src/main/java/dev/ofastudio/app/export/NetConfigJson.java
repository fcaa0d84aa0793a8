package dev.ofastudio.app.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.space.Activation;

/**
 * OFA's {@code net.config} of an extracted sub-network (digest §1.4, {@code get_active_net_config}):
 * name MobileNetV3, {@code bn}, {@code first_conv}, {@code blocks} (ResidualBlock with an
 * MBConvLayer and an IdentityLayer shortcut or null), {@code final_expand_layer},
 * {@code feature_mix_layer} and {@code classifier}, built from the engine's layer description so
 * every width and stride matches the MACs the studio shows.
 */
public final class NetConfigJson {
    private NetConfigJson() {
    }

    public static ObjectNode of(NetworkDescription net) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("name", "MobileNetV3");
        ObjectNode bn = root.putObject("bn");
        bn.put("momentum", 0.1);
        bn.put("eps", 1e-5);
        var blocks = Json.MAPPER.createArrayNode();
        for (Layer l : net.layers()) {
            switch (l.type()) {
                case FIRST_CONV -> root.set("first_conv", conv(l, true));
                case MB_CONV -> blocks.add(block(l));
                case FINAL_EXPAND -> root.set("final_expand_layer", conv(l, true));
                case FEATURE_MIX -> root.set("feature_mix_layer", conv(l, false));
                case CLASSIFIER -> root.set("classifier", linear(l));
                default -> {
                    // pooling has no config entry: MobileNetV3 applies it implicitly
                }
            }
        }
        root.set("blocks", blocks);
        // Keep OFA's key order: blocks come right after first_conv.
        ObjectNode ordered = Json.MAPPER.createObjectNode();
        for (String k : new String[] {"name", "bn", "first_conv", "blocks", "final_expand_layer", "feature_mix_layer",
            "classifier"}) {
            ordered.set(k, root.get(k));
        }
        return ordered;
    }

    static String act(Activation a) {
        return a == Activation.NONE ? null : a.ofaName();
    }

    private static ObjectNode conv(Layer l, boolean useBn) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("name", "ConvLayer");
        c.put("kernel_size", l.kernel());
        c.put("stride", l.stride());
        c.put("dilation", 1);
        c.put("groups", 1);
        c.put("bias", false);
        c.put("has_shuffle", false);
        c.put("use_se", false);
        c.put("in_channels", l.in().c());
        c.put("out_channels", l.out().c());
        c.put("use_bn", useBn);
        c.put("act_func", act(l.activation()));
        c.put("dropout_rate", 0);
        c.put("ops_order", "weight_bn_act");
        return c;
    }

    private static ObjectNode block(Layer l) {
        ObjectNode b = Json.MAPPER.createObjectNode();
        b.put("name", "ResidualBlock");
        ObjectNode conv = b.putObject("conv");
        conv.put("name", "MBConvLayer");
        conv.put("in_channels", l.in().c());
        conv.put("out_channels", l.out().c());
        conv.put("kernel_size", l.kernel());
        conv.put("stride", l.stride());
        conv.put("expand_ratio", l.expandRatio());
        conv.put("mid_channels", l.midChannels());
        conv.put("act_func", act(l.activation()));
        conv.put("use_se", l.se());
        conv.putNull("groups");
        if (l.identitySkip()) {
            ObjectNode s = b.putObject("shortcut");
            s.put("name", "IdentityLayer");
            s.put("in_channels", l.in().c());
            s.put("out_channels", l.out().c());
            s.put("use_bn", false);
            s.putNull("act_func");
            s.put("dropout_rate", 0);
            s.put("ops_order", "weight_bn_act");
        } else {
            b.putNull("shortcut");
        }
        return b;
    }

    private static ObjectNode linear(Layer l) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("name", "LinearLayer");
        c.put("in_features", l.in().c());
        c.put("out_features", l.out().c());
        c.put("bias", true);
        c.put("use_bn", false);
        c.putNull("act_func");
        c.put("dropout_rate", 0);
        c.put("ops_order", "weight_bn_act");
        return c;
    }

}
