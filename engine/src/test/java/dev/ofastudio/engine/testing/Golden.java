package dev.ofastudio.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.space.SubnetConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The golden fixtures produced by the public OFA implementation, read from the class path: the
 * test resources {@code golden/} (see its README) and the shipped ImageNet project, whose predictor
 * and Note10 tables are the published files themselves.
 */
public final class Golden {
    private static final String IMAGENET = "/dev/ofastudio/engine/project/imagenet/";

    private Golden() {
    }

    /** A fixture under the test resources {@code golden/}. */
    public static Path golden(String name) {
        return resource("/golden/" + name);
    }

    /** The official OFA accuracy predictor, as the engine ships it. */
    public static Path officialPredictor() {
        return resource(IMAGENET + "acc_predictor.pth");
    }

    /** The folder of the 17 OFA Note10 lookup tables, as the engine ships them. */
    public static Path note10Lut() {
        return resource(IMAGENET + "note10_lut");
    }

    private static Path resource(String name) {
        URL url = Golden.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing from the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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
