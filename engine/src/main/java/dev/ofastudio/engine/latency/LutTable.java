package dev.ofastudio.engine.latency;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The latency lookup table of one input resolution: layer key → mean latency in ms.
 *
 * @param resolution the input resolution the table was measured at
 * @param source     the file it was read from (named in every error about it)
 * @param means      layer key (OFA grammar, digest §4.1) → mean latency in ms
 */
public record LutTable(int resolution, Path source, Map<String, Double> means) {

    public LutTable {
        means = Map.copyOf(means);
    }

    public Optional<Double> mean(String key) {
        return Optional.ofNullable(means.get(key));
    }

    public int size() {
        return means.size();
    }
}
