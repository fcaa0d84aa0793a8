package dev.ofastudio.engine.predict;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.pth.PthReader;
import dev.ofastudio.engine.io.pth.StateDict;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The official OFA MobileNetV3-w1.2 accuracy predictor of the OFA tutorial
 * ({@code acc_predictor.pth}): an MLP 128 → 400 → 400 → 400 → 1 with ReLU between layers, over
 * the {@link Mbv3Encoding}. Output is top-1 accuracy on a 0–1 scale. Evaluated by
 * {@link OneHotMlp}; results agree with PyTorch to about 1e-7. Immutable and thread-safe.
 */
public final class OfficialAccuracyPredictor implements AccuracyPredictor {
    static final int IN = Mbv3Encoding.SIZE;
    static final int HIDDEN = 400;
    /** The state-dict keys of the tutorial's nn.Sequential, in order. */
    public static final List<String> KEYS =
            List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias", "6.weight", "6.bias");

    private final OneHotMlp mlp;
    private final String description;

    private OfficialAccuracyPredictor(StateDict sd, String description) throws OfaException {
        sd.requireKeys(KEYS);
        this.mlp = new OneHotMlp(IN, HIDDEN, List.of(
                sd.requireShape("0.weight", HIDDEN, IN).toFloatArray(),
                sd.requireShape("0.bias", HIDDEN).toFloatArray(),
                sd.requireShape("2.weight", HIDDEN, HIDDEN).toFloatArray(),
                sd.requireShape("2.bias", HIDDEN).toFloatArray(),
                sd.requireShape("4.weight", HIDDEN, HIDDEN).toFloatArray(),
                sd.requireShape("4.bias", HIDDEN).toFloatArray(),
                sd.requireShape("6.weight", 1, HIDDEN).toFloatArray()),
                sd.requireShape("6.bias", 1).toFloatArray()[0]);
        this.description = description;
    }

    /** Loads {@code acc_predictor.pth}; wrong keys or shapes fail naming the tensor. */
    public static OfficialAccuracyPredictor load(Path pth) throws OfaException {
        return fromStateDict(PthReader.read(pth));
    }

    public static OfficialAccuracyPredictor fromStateDict(StateDict sd) throws OfaException {
        String name = sd.source() == null ? "in-memory" : sd.source().getFileName().toString();
        return new OfficialAccuracyPredictor(sd, "OFA MobileNetV3-w1.2 accuracy predictor (" + name + ")");
    }

    /** Fails with a one-line message naming the field if the predictor cannot encode {@code c}. */
    @Override
    public void check(SubnetConfig c) throws OfaException {
        Mbv3Encoding.check(c);
    }

    /** @throws IllegalArgumentException if {@code config} is not encodable (see {@link #check}) */
    @Override
    public double predict(SubnetConfig config) {
        return predict(List.of(config))[0];
    }

    /** @throws IllegalArgumentException if a config is not encodable (see {@link #check}) */
    @Override
    public double[] predict(List<SubnetConfig> configs) {
        return mlp.predict(configs, Mbv3Encoding::activeInputs, Mbv3Encoding.MAX_ACTIVE);
    }

    @Override
    public List<Integer> resolutions() {
        return Mbv3Encoding.RESOLUTIONS;
    }

    @Override
    public String describe() {
        return description;
    }
}
