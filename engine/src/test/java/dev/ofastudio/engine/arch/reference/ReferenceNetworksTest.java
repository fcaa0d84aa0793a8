package dev.ofastudio.engine.arch.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * MACs against the published figures: MobileNetV1 paper (Howard et al. 2017) Tables 6/7, MobileNetV2
 * paper (Sandler et al. 2018) Table 6 and its width/resolution table, torchvision's model cards
 * (ResNet-18 1.81 GFLOPS, ResNet-50 4.09, VGG-16 15.47; torchvision counts MACs as "FLOPS").
 */
class ReferenceNetworksTest {

    @ParameterizedTest(name = "{0} w{1} r{2}: {3} M MACs")
    @CsvSource({
        "mobilenetv1, 1.0, 224, 569, 1",
        "mobilenetv1, 1.0, 160, 290, 2",
        "mobilenetv1, 0.75, 224, 325, 2",
        "mobilenetv1, 0.5, 224, 149, 2",
        "mobilenetv2, 1.0, 224, 300, 2",
        "mobilenetv2, 1.4, 224, 585, 4",
        "resnet18, 1.0, 224, 1810, 20",
        "resnet50, 1.0, 224, 4090, 30",
        "vgg16, 1.0, 224, 15470, 30",
        // torchvision model cards: ResNet-101 7.80, ResNet-152 11.51 GFLOPS (MACs), v1.5 layout.
        "resnet101, 1.0, 224, 7800, 30",
        "resnet152, 1.0, 224, 11510, 30",
        // MobileNetV3 paper (Howard et al. 2019) Table 3: Large 219 M, Small 56 M MAdds.
        "mobilenetv3-large, 1.0, 224, 219, 3",
        "mobilenetv3-small, 1.0, 224, 56, 1",
        // EfficientNet paper (Tan and Le 2019) Table 2: B0 0.39 B FLOPs (multiply-adds).
        "efficientnet-b0, 1.0, 224, 390, 5",
        // tensorflow/models slim mobilenet README: MobilenetEdgeTPU 1.0 990 M, 0.75 624 M MACs.
        "mobilenet-edgetpu, 1.0, 224, 990, 2",
        "mobilenet-edgetpu, 0.75, 224, 624, 2"
    })
    void macsMatchThePublishedFigures(String name, double width, int r, double publishedM, double toleranceM)
            throws OfaException {
        NetworkDescription net = ReferenceNetworks.describe(name, width, r);
        assertEquals(publishedM, net.macs() / 1e6, toleranceM, net.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobilenetv1", "mobilenetv2", "resnet18", "resnet50", "vgg16", "resnet152",
        "mobilenetv3-large", "mobilenetv3-small", "efficientnet-b0", "efficientnet-edgetpu-m", "mobilenet-edgetpu"})
    void endsInAThousandClassClassifierAndChainsShapes(String name) throws OfaException {
        NetworkDescription net = ReferenceNetworks.describe(name, 1.0, 224);
        Layer last = net.layers().get(net.layers().size() - 1);
        assertEquals(1000, last.out().c());
        for (int i = 1; i < net.layers().size(); i++) {
            assertEquals(net.layers().get(i - 1).out(), net.layers().get(i).in(), net.name() + " layer " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobilenetv1", "mobilenetv2", "resnet18", "resnet50", "vgg16", "mobilenetv3-large",
        "efficientnet-b0", "efficientnet-edgetpu-l", "mobilenet-edgetpu"})
    void equalKeysMeanEqualLayers(String name) throws OfaException {
        NetworkDescription net = ReferenceNetworks.describe(name, 1.0, 224);
        Map<String, Layer> seen = new HashMap<>();
        for (Layer l : net.layers()) {
            Layer before = seen.putIfAbsent(l.lutKey(), l);
            if (before != null) {
                assertEquals(before.ops().stream().map(o -> o.kind() + "" + o.in() + o.out() + o.kernel() + o.stride())
                        .toList(), l.ops().stream().map(o -> o.kind() + "" + o.in() + o.out() + o.kernel() + o.stride())
                        .toList(), l.lutKey());
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1} parameters")
    @CsvSource({
        // torchvision's exact parameter counts (model cards): conv + BN, SE convs and classifiers with bias.
        "mobilenetv3-large, 5483032",
        "mobilenetv3-small, 2542856",
        "efficientnet-b0, 5288548"
    })
    void paramsEqualTorchvision(String name, long params) throws OfaException {
        assertEquals(params, ReferenceNetworks.describe(name, 1.0, 224).params());
    }

    @Test
    void efficientNetEdgeTpuFollowsItsBuilder() throws OfaException {
        // tensorflow/tpu efficientnet_edgetpu_builder: S/M/L = width 1.0/1.0/1.2, depth 1.0/1.1/1.4,
        // 224/240/300 px; repeats ceil(depth x [1,2,4,5,4,2]); fused convs in the first three stages.
        // The Vitis AI model names claim 4.72/7.34/19.36 GOPs; this count (the published
        // architecture) is 1.79/3.01/7.94 G MACs, so those names count something else (see README).
        int[] blocks = {18, 24, 27};
        String[] names = {"efficientnet-edgetpu-s", "efficientnet-edgetpu-m", "efficientnet-edgetpu-l"};
        for (int i = 0; i < 3; i++) {
            NetworkDescription net = ReferenceNetworks.describe(names[i], 1.0, ReferenceNetworks.nativeResolution(names[i]));
            assertEquals(blocks[i], net.layers().stream().filter(l -> l.name().startsWith("blocks.")).count(), names[i]);
            assertTrue(net.layers().stream().noneMatch(Layer::se), names[i]);
        }
        assertEquals(300, ReferenceNetworks.nativeResolution("efficientnet-edgetpu-l"));
        NetworkDescription s = ReferenceNetworks.describe("efficientnet-edgetpu-s", 1.0, 224);
        assertEquals(dev.ofastudio.engine.arch.LayerType.FUSED_MB_CONV, s.layer("blocks.0").type());
        assertEquals(96, s.layer("blocks.0").midChannels(), "expands its block-arg input 24 x 4, not the stem's 32");
    }

    @Test
    void resnet50HasSixteenBottlenecksAndResnet18EightBasicBlocks() throws OfaException {
        assertEquals(16, ReferenceNetworks.describe("resnet50", 1.0, 224).layers().stream()
                .filter(l -> l.name().startsWith("layer")).count());
        assertEquals(8, ReferenceNetworks.describe("resnet18", 1.0, 224).layers().stream()
                .filter(l -> l.name().startsWith("layer")).count());
    }

    @Test
    void rejectsUnknownNamesAndWidthsOnFixedWidthNetworks() {
        OfaException unknown = assertThrows(OfaException.class, () -> ReferenceNetworks.describe("alexnet", 1.0, 224));
        assertTrue(unknown.getMessage().contains("mobilenetv2"), unknown.getMessage());
        OfaException width = assertThrows(OfaException.class, () -> ReferenceNetworks.describe("resnet50", 0.5, 224));
        assertTrue(width.getMessage().contains("width"), width.getMessage());
        assertThrows(OfaException.class, () -> ReferenceNetworks.describe("vgg16", 1.0, 8));
    }
}
