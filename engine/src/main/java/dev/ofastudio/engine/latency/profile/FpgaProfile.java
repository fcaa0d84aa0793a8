package dev.ofastudio.engine.latency.profile;

import dev.ofastudio.engine.latency.dpu.BoardSpec;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A versioned board latency profile: the board and DPU spec, how it was made, the fixed per-frame
 * CPU overhead, and a per-layer latency table keyed by {@code Layer.lutKey()} — so a profile is a
 * lookup table exactly like the OFA Note10 one (digest §4.1), for the DPU.
 *
 * @param board           board and DPU spec
 * @param source          provenance
 * @param frameOverheadMs single-thread per-frame CPU time added to the layer sum
 * @param resolutions     input resolutions the OFA part of the table covers
 * @param widths          OFA MobileNetV3 width multipliers covered
 * @param networks        reference networks covered (ids such as {@code mobilenetv2_w1.0_r224})
 * @param latencyMs       layer key → DPU time of one layer in ms (finite, &gt; 0)
 */
public record FpgaProfile(BoardSpec board, ProfileSource source, double frameOverheadMs, List<Integer> resolutions,
        List<Double> widths, List<String> networks, Map<String, Double> latencyMs) {
    public static final String FORMAT = "ofa-studio-fpga-profile";
    public static final int VERSION = 1;

    public FpgaProfile {
        resolutions = List.copyOf(resolutions);
        widths = List.copyOf(widths);
        networks = List.copyOf(networks);
        latencyMs = Collections.unmodifiableMap(new TreeMap<>(latencyMs));
    }
}
