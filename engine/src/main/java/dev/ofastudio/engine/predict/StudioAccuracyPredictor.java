package dev.ofastudio.engine.predict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An accuracy predictor the studio trained for one space (from an accuracy dataset of its
 * supernet): OFA's library predictor (digest §3.2), an MLP over the space's {@link SpaceEncoding}
 * with {@code hiddenLayers} ReLU layers of {@code hidden} units, an output layer without bias and
 * the non-trainable {@code base_acc} added. Accuracy on a 0–1 scale. Immutable and thread-safe;
 * {@link PredictorFile} reads and writes it.
 */
public final class StudioAccuracyPredictor implements AccuracyPredictor {
    /** Elastic choices a caller may narrow: the encoding still represents every subset. */
    private static final Set<String> NARROWABLE = Set.of("ks_list", "expand_ratio_list", "depth_list", "resolutions");

    private final SearchSpace space;
    private final SpaceEncoding encoding;
    private final int hidden;
    private final List<float[]> layers;
    private final float baseAcc;
    private final OneHotMlp mlp;
    private final JsonNode info;
    private final String description;

    /**
     * @param layers row-major weights and biases of the hidden layers (w, b, w, b, …) then the
     *     output weight {@code [1][hidden]}
     * @param info what the file records besides the weights (dataset, figures, provenance); may be empty
     */
    public StudioAccuracyPredictor(SearchSpace space, int hidden, List<float[]> layers, float baseAcc, JsonNode info,
            String description) {
        this.space = Objects.requireNonNull(space, "space");
        this.encoding = SpaceEncoding.of(space);
        this.hidden = hidden;
        this.layers = layers.stream().map(float[]::clone).toList();
        this.baseAcc = baseAcc;
        this.mlp = new OneHotMlp(encoding.size(), hidden, this.layers, baseAcc);
        this.info = info;
        this.description = description;
    }

    public SearchSpace space() {
        return space;
    }

    public SpaceEncoding encoding() {
        return encoding;
    }

    public int hidden() {
        return hidden;
    }

    public int hiddenLayers() {
        return mlp.hiddenLayers();
    }

    /** Copies of the weights, in the order of the constructor. */
    public List<float[]> layers() {
        return layers.stream().map(float[]::clone).toList();
    }

    public float baseAcc() {
        return baseAcc;
    }

    /** The file's record besides the weights: dataset, figures, training, provenance. */
    public JsonNode info() {
        return info.deepCopy();
    }

    @Override
    public double predict(SubnetConfig config) {
        return predict(List.of(config))[0];
    }

    /** @throws IllegalArgumentException if a config is not encodable (see {@link #check}) */
    @Override
    public double[] predict(List<SubnetConfig> configs) {
        return mlp.predict(configs, encoding::activeInputs, SpaceEncoding.maxActive());
    }

    @Override
    public void check(SubnetConfig config) throws OfaException {
        encoding.check(config);
    }

    @Override
    public List<Integer> resolutions() {
        return space.resolutions();
    }

    /**
     * True only for the space this predictor was trained on, or that space with fewer elastic
     * choices (kernels, expands, depths, resolutions): same family, block style, width, channels
     * and classes.
     */
    @Override
    public boolean supports(SearchSpace other) {
        if (!other.kind().equals(space.kind()) || !other.id().equals(space.id())) {
            return false;
        }
        Map<String, Object> own = space.parameters();
        Map<String, Object> asked = other.parameters();
        if (!own.keySet().equals(asked.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : own.entrySet()) {
            Object v = asked.get(e.getKey());
            boolean ok = NARROWABLE.contains(e.getKey()) && e.getValue() instanceof List<?> mine && v instanceof List<?> theirs
                    ? mine.containsAll(theirs) : Objects.equals(e.getValue(), v);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<SearchSpace> trainedSpace() {
        return Optional.of(space);
    }

    @Override
    public String describe() {
        return description;
    }
}
