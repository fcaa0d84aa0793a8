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
import dev.ofastudio.engine.space.SearchSpaces;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import dev.ofastudio.engine.space.mbv3.SpaceVariant;
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
            "mobilenet-edgetpu", List.of(0.75, 1.0));
    /** MobileNets at the Model Zoo's resolutions; ResNet and VGG at 224. */
    public static final List<Integer> MOBILENET_RESOLUTIONS = List.of(128, 160, 192, 224);

    private ProfileGenerator() {
    }

    public static FpgaProfile generate(BoardSpec board, String command) throws OfaException {
        return generate(board, command, SpaceVariant.REFERENCE);
    }

    /** The profile of {@code board} for the OFA space {@code variant} (and the reference networks). */
    public static FpgaProfile generate(BoardSpec board, String command, SpaceVariant variant) throws OfaException {
        DpuLatencyModel model = new DpuLatencyModel(board);
        Map<String, Double> table = new TreeMap<>();
        List<Integer> resolutions = Mbv3Space.DEFAULT_RESOLUTIONS;
        for (NetworkDescription net : coveredNetworks(variant)) {
            add(table, model, net);
        }
        List<String> networks = referenceIds();
        ObjectNode details = provenance(command, model, d -> {
            d.put("space", variant.id());
            d.put("space_id_w1.0", variant.space(1.0).id());
        });
        return new FpgaProfile(board, new ProfileSource("analytic", DpuModelConstants.MODEL_VERSION, details),
                model.frameOverheadMs(), resolutions, OFA_WIDTHS, networks, table);
    }

    /**
     * The profile of {@code board} for one project's space: every layer key of {@code space}'s
     * uniform sub-networks (each kernel and expand choice, full depth) at each of its resolutions,
     * with its own input channels and classes. The ImageNet reference networks are tabulated only
     * for a 3-channel, 1000-class space: their layers would never be asked for otherwise.
     */
    public static FpgaProfile generate(BoardSpec board, String command, SearchSpace space) throws OfaException {
        DpuLatencyModel model = new DpuLatencyModel(board);
        boolean imagenet = space.inputChannels() == 3 && space.numClasses() == 1000;
        Map<String, Double> table = new TreeMap<>();
        for (NetworkDescription net : uniformNetworks(space)) {
            add(table, model, net);
        }
        if (imagenet) {
            for (NetworkDescription net : referenceNetworks()) {
                add(table, model, net);
            }
        }
        ObjectNode details = provenance(command, model, d -> {
            d.set("space", SearchSpaces.toJson(space));
            d.put("space_id", space.id());
        });
        return new FpgaProfile(board, new ProfileSource("analytic", DpuModelConstants.MODEL_VERSION, details),
                model.frameOverheadMs(), space.resolutions(), List.of(space.widthMult()),
                imagenet ? referenceIds() : List.of(), table);
    }

    /** The uniform sub-networks (k, e, full depth) of {@code space} at each of its resolutions. */
    private static List<NetworkDescription> uniformNetworks(SearchSpace space) throws OfaException {
        List<NetworkDescription> out = new ArrayList<>();
        for (int r : space.resolutions()) {
            for (int k : space.kernelSizes()) {
                for (int e : space.expandRatios()) {
                    out.add(space.describe(SubnetConfig.uniform(k, e, space.maxDepth(), r)));
                }
            }
        }
        return out;
    }

    private static List<NetworkDescription> referenceNetworks() throws OfaException {
        List<NetworkDescription> out = new ArrayList<>();
        for (String name : ReferenceNetworks.NAMES) {
            for (double w : REFERENCE_WIDTHS.getOrDefault(name, List.of(1.0))) {
                for (int r : referenceResolutions(name)) {
                    out.add(ReferenceNetworks.describe(name, w, r));
                }
            }
        }
        return out;
    }

    /** The source details: the command, what the space is ({@code spaceFields}), the model constants. */
    private static ObjectNode provenance(String command, DpuLatencyModel model,
            java.util.function.Consumer<ObjectNode> spaceFields) {
        ObjectNode details = Json.MAPPER.createObjectNode();
        details.put("generated_by", command);
        spaceFields.accept(details);
        ObjectNode k = details.putObject("constants");
        k.put("compute_efficiency", model.constants().computeEfficiency());
        k.put("memory_efficiency", model.constants().memoryEfficiency());
        k.put("op_overhead_us", model.constants().opOverheadUs());
        k.put("alu_efficiency", model.constants().aluEfficiency());
        k.put("activation_pass", model.constants().activationPass());
        k.put("se_barrier_us", model.constants().seBarrierUs());
        details.put("note", "per-layer DPU time of one core, batch 1; latency_ms of a network = frame_overhead_ms "
                + "+ sum of its layers' entries");
        return details;
    }

    /**
     * Every network whose layers a profile of {@code variant} tabulates: the uniform OFA sub-networks
     * (k, e, depth 4) at both widths and every resolution, then the reference networks.
     */
    public static List<NetworkDescription> coveredNetworks(SpaceVariant variant) throws OfaException {
        List<NetworkDescription> out = new ArrayList<>();
        for (double w : OFA_WIDTHS) {
            Mbv3Space space = variant.space(w);
            for (int r : Mbv3Space.DEFAULT_RESOLUTIONS) {
                for (int k : space.kernelSizes()) {
                    for (int e : space.expandRatios()) {
                        out.add(space.describe(SubnetConfig.uniform(k, e, space.maxDepth(), r)));
                    }
                }
            }
        }
        out.addAll(referenceNetworks());
        return out;
    }

    /** Layer key → layer for every key a profile of {@code variant} holds. */
    public static Map<String, Layer> layersByKey(SpaceVariant variant) throws OfaException {
        Map<String, Layer> out = new java.util.HashMap<>();
        for (NetworkDescription net : coveredNetworks(variant)) {
            for (Layer l : net.layers()) {
                out.putIfAbsent(l.lutKey(), l);
            }
        }
        return out;
    }

    private static List<Integer> referenceResolutions(String name) {
        return REFERENCE_WIDTHS.containsKey(name) ? MOBILENET_RESOLUTIONS
                : List.of(ReferenceNetworks.nativeResolution(name));
    }

    private static List<String> referenceIds() {
        List<String> ids = new ArrayList<>();
        for (String name : ReferenceNetworks.NAMES) {
            for (double w : REFERENCE_WIDTHS.getOrDefault(name, List.of(1.0))) {
                for (int r : referenceResolutions(name)) {
                    ids.add(ReferenceNetworks.id(name, w, r));
                }
            }
        }
        return ids;
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
