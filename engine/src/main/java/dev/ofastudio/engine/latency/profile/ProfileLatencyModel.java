package dev.ofastudio.engine.latency.profile;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.latency.dpu.BoardSpec;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.latency.dpu.LayerReport;
import dev.ofastudio.engine.latency.dpu.NetworkAnalyzer;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A board profile used as a lookup table: network latency = per-frame overhead + the sum of the
 * table's entries for the network's layer keys (digest §4.2). A missing key is an error that lists
 * every missing key, never a silent fallback.
 */
public final class ProfileLatencyModel implements LatencyModel, NetworkAnalyzer {
    private final FpgaProfile profile;
    private final String name;
    private final DpuLatencyModel shapes;

    public ProfileLatencyModel(FpgaProfile profile, String name) {
        this.profile = profile;
        this.name = name;
        // Ops, bytes and the bound come from the layer shapes on the profile's board.
        this.shapes = new DpuLatencyModel(profile.board());
    }

    public FpgaProfile profile() {
        return profile;
    }

    @Override
    public BoardSpec board() {
        return profile.board();
    }

    @Override
    public List<LayerLatency> layers(NetworkDescription net) throws OfaException {
        List<LayerLatency> out = new ArrayList<>(net.layers().size());
        List<String> missing = new ArrayList<>();
        for (Layer l : net.layers()) {
            String key = l.lutKey();
            Double ms = profile.latencyMs().get(key);
            if (ms == null) {
                if (!missing.contains(key)) {
                    missing.add(key);
                }
            } else {
                out.add(new LayerLatency(l.name(), key, ms));
            }
        }
        if (!missing.isEmpty()) {
            throw new OfaException(name + ": profile lacks " + missing.size() + " layer key(s) that " + net.name()
                    + " at resolution " + net.resolution() + " needs (profile covers resolutions "
                    + profile.resolutions() + ", OFA widths " + profile.widths() + "): " + String.join(", ", missing));
        }
        return out;
    }

    /** Layers plus the profile's per-frame CPU overhead. */
    @Override
    public double latencyMs(NetworkDescription net) throws OfaException {
        double sum = profile.frameOverheadMs();
        for (LayerLatency l : layers(net)) {
            sum += l.latencyMs();
        }
        return sum;
    }

    @Override
    public NetworkReport analyze(NetworkDescription net) throws OfaException {
        List<LayerLatency> lat = layers(net);
        List<LayerReport> reports = new ArrayList<>(lat.size());
        double peak = profile.board().peakOpsPerS();
        for (int i = 0; i < lat.size(); i++) {
            LayerReport shape = shapes.analyze(net.layers().get(i));
            double ms = lat.get(i).latencyMs();
            double gops = shape.ops() / (ms * 1e-3) / 1e9;
            reports.add(new LayerReport(shape.name(), ms, shape.ops(), shape.bytes(), shape.opsPerByte(), gops,
                    gops * 1e9 / peak, shape.bound()));
        }
        return DpuLatencyModel.summarize(net.name(), profile.board(), reports, profile.frameOverheadMs());
    }

    @Override
    public List<Integer> resolutions() {
        return profile.resolutions();
    }

    @Override
    public String name() {
        return name;
    }
}
