package dev.ofastudio.engine.latency.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.latency.dpu.BoardSpec;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.latency.dpu.DpuModelConstants;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an analytic profile of a board: every layer key of the OFA MobileNetV3 space at widths 1.0
 * and 1.2 and every resolution of the space, plus the reference networks. The OFA keys come from
 * the uniform sub-networks (k, e, depth 4) for every k and e: together they contain every block
 * signature (first and later block of each stage) with every kernel and expand choice.
 */
public final class ProfileGenerator {
    public static final List<Double> OFA_WIDTHS = List.of(1.0, 1.2);
    /** Reference networks in the table: MobileNets at their published widths, the rest at width 1. */
    public static final Map<String, List<Double>> REFERENCE_WIDTHS = Map.of(
            "mobilenetv1", List.of(0.25, 0.5, 0.75, 1.0),
            "mobilenetv2", List.of(0.35, 0.5, 0.75, 1.0, 1.4),
            "resnet18", List.of(1.0), "resnet50", List.of(1.0), "vgg16", List.of(1.0));
    /** MobileNets at the Model Zoo's resolutions; ResNet and VGG at 224. */
    public static final List<Integer> MOBILENET_RESOLUTIONS = List.of(128, 160, 192, 224);

    private ProfileGenerator() {
    }

    public static FpgaProfile generate(BoardSpec board, String command) throws OfaException {
        DpuLatencyModel model = new DpuLatencyModel(board);
        Map<String, Double> table = new TreeMap<>();
        List<Integer> resolutions = SearchSpace.DEFAULT_RESOLUTIONS;
        for (double w : OFA_WIDTHS) {
            SearchSpace space = SearchSpace.mobileNetV3(w);
            for (int r : resolutions) {
                for (int k : space.kernelSizes()) {
                    for (int e : space.expandRatios()) {
                        add(table, model, space.describe(SubnetConfig.uniform(k, e, space.maxDepth(), r)));
                    }
                }
            }
        }
        List<String> networks = new ArrayList<>();
        for (String name : ReferenceNetworks.NAMES) {
            List<Integer> rs = ReferenceNetworks.WIDTH_NETS.contains(name) ? MOBILENET_RESOLUTIONS : List.of(224);
            for (double w : REFERENCE_WIDTHS.get(name)) {
                for (int r : rs) {
                    add(table, model, ReferenceNetworks.describe(name, w, r));
                    networks.add(ReferenceNetworks.id(name, w, r));
                }
            }
        }
        ObjectNode details = Json.MAPPER.createObjectNode();
        details.put("generated_by", command);
        ObjectNode k = details.putObject("constants");
        k.put("compute_efficiency", model.constants().computeEfficiency());
        k.put("memory_efficiency", model.constants().memoryEfficiency());
        k.put("op_overhead_us", model.constants().opOverheadUs());
        details.put("note", "per-layer DPU time of one core, batch 1; latency_ms of a network = frame_overhead_ms "
                + "+ sum of its layers' entries");
        return new FpgaProfile(board, new ProfileSource("analytic", DpuModelConstants.MODEL_VERSION, details),
                model.frameOverheadMs(), resolutions, OFA_WIDTHS, networks, table);
    }

    private static void add(Map<String, Double> table, DpuLatencyModel model, NetworkDescription net) {
        for (Layer l : net.layers()) {
            String key = l.lutKey();
            double ms = model.analyze(l).latencyMs();
            Double old = table.putIfAbsent(key, ms);
            if (old != null && Math.abs(old - ms) > 1e-9 * Math.max(1, ms)) {
                throw new IllegalStateException("layer key " + key + " priced twice differently: " + old + " vs " + ms);
            }
        }
    }
}
