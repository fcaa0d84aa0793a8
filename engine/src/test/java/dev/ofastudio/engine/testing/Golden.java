package dev.ofastudio.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.space.SubnetConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared golden fixtures (produced by the public OFA implementation) and reads them. */
public final class Golden {
    private Golden() {
    }

    /** {@code ../shared} beside the checkout, or the {@code ofa.shared} system property. */
    public static Path shared() {
        String prop = System.getProperty("ofa.shared");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("golden"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find ../shared/golden from " + dir);
    }

    public static Path golden(String name) {
        return shared().resolve("golden").resolve(name);
    }

    public static JsonNode json(String name) {
        try {
            return Json.MAPPER.readTree(Files.readString(golden(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A config node {@code {"ks":[..],"e":[..],"d":[..],"r":R}} as a {@link SubnetConfig}. */
    public static SubnetConfig config(JsonNode node) {
        int[] ks = new int[SubnetConfig.BLOCKS];
        int[] e = new int[SubnetConfig.BLOCKS];
        int[] d = new int[SubnetConfig.STAGES];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = node.get("ks").get(i).asInt();
            e[i] = node.get("e").get(i).asInt();
        }
        for (int i = 0; i < d.length; i++) {
            d[i] = node.get("d").get(i).asInt();
        }
        JsonNode r = node.get("r");
        return new SubnetConfig(ks, e, d, r.isArray() ? r.get(0).asInt() : r.asInt());
    }
}
