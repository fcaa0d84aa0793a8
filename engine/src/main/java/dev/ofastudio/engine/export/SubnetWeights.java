package dev.ofastudio.engine.export;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.io.pth.PthWriter;
import dev.ofastudio.engine.io.pth.Tensor;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.supernet.NetConfigJson;
import dev.ofastudio.engine.supernet.StaticMobileNetV3;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the weights of an extracted sub-network for other tools: ONNX for quantizers such as
 * Vitis AI's, or an OFA {@code .pth} ({@code {"state_dict": ..., "net_config": ...}}, as OFA's
 * specialized-network files) that OFA's {@code MobileNetV3.build_from_config(net_config)} plus
 * {@code load_state_dict(state_dict)} rebuild. Files are written atomically.
 */
public final class SubnetWeights {
    /** The formats and their usual file extensions. */
    public enum Format {
        ONNX("onnx"), PTH("pth");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** {@code onnx} or {@code pth}, any case. */
        public static Format parse(String s) throws OfaException {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(s.strip())) {
                    return f;
                }
            }
            throw new OfaException("format: expected onnx or pth, found '" + s + "'");
        }

        /** The format a file name's extension names, or null. */
        public static Format ofFile(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (n.endsWith("." + f.extension)) {
                    return f;
                }
            }
            return null;
        }
    }

    private SubnetWeights() {
    }

    public static void write(StaticMobileNetV3 net, SubnetConfig config, Format format, Path out, String version)
            throws OfaException {
        Map<String, Tensor> weights = net.stateTensors();
        var netConfig = NetConfigJson.toJson(net.spec());
        switch (format) {
            case ONNX -> {
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("net.config", netConfig.toString());
                meta.put("config", SubnetConfigJson.toJson(config).toString());
                long channels = SubnetOnnx.inputChannels(weights);
                meta.put("input", "NCHW float32 [batch, " + channels + ", " + config.r() + ", " + config.r() + "], "
                        + (channels == 3 ? "RGB normalised with ImageNet mean/std as in OFA's training"
                                : "normalised as in the supernet's training"));
                byte[] model = SubnetOnnx.graph(net.spec(), weights, config.r())
                        .toModel(SubnetOnnx.OPSET, "OFA Studio", version, meta);
                AtomicFiles.writeBytes(out, model);
            }
            case PTH -> {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("state_dict", weights);
                root.put("net_config", netConfig);
                root.put("config", SubnetConfigJson.toJson(config));
                PthWriter.write(out, root);
            }
        }
    }
}
