package dev.ofastudio.app.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.LayerType;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.supernet.BlockSpec;
import dev.ofastudio.engine.supernet.NetSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * OFA's {@code net.config} of a sub-network (digest §1.4), written by the engine's own writer
 * (the one {@code ofa extract} uses) from the layer description the studio already has, so the
 * exported file needs no supernet weights and matches {@code ofa extract} field for field.
 */
public final class NetConfigJson {
    private NetConfigJson() {
    }

    public static ObjectNode of(NetworkDescription net) {
        return dev.ofastudio.engine.supernet.NetConfigJson.toJson(spec(net));
    }

    static NetSpec spec(NetworkDescription net) {
        List<BlockSpec> blocks = new ArrayList<>();
        int firstOut = 0;
        int finalOut = 0;
        int mixOut = 0;
        for (Layer l : net.layers()) {
            if (l.type() == LayerType.FIRST_CONV) {
                firstOut = l.out().c();
            } else if (l.type() == LayerType.MB_CONV) {
                int expand = Math.max(1, l.expandRatio());
                int mid = l.midChannels() > 0 ? l.midChannels() : l.in().c();
                blocks.add(new BlockSpec(l.in().c(), l.out().c(), l.kernel(), l.stride(), expand, mid, l.se(),
                        l.activation(), l.identitySkip()));
            } else if (l.type() == LayerType.FINAL_EXPAND) {
                finalOut = l.out().c();
            } else if (l.type() == LayerType.FEATURE_MIX) {
                mixOut = l.out().c();
            }
        }
        return new NetSpec(firstOut, blocks, finalOut, mixOut, net.numClasses());
    }
}
