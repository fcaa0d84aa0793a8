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
        "vgg16, 1.0, 224, 15470, 30"
    })
    void macsMatchThePublishedFigures(String name, double width, int r, double publishedM, double toleranceM)
            throws OfaException {
        NetworkDescription net = ReferenceNetworks.describe(name, width, r);
        assertEquals(publishedM, net.macs() / 1e6, toleranceM, net.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobilenetv1", "mobilenetv2", "resnet18", "resnet50", "vgg16"})
    void endsInAThousandClassClassifierAndChainsShapes(String name) throws OfaException {
        NetworkDescription net = ReferenceNetworks.describe(name, 1.0, 224);
        Layer last = net.layers().get(net.layers().size() - 1);
        assertEquals(1000, last.out().c());
        for (int i = 1; i < net.layers().size(); i++) {
            assertEquals(net.layers().get(i - 1).out(), net.layers().get(i).in(), net.name() + " layer " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobilenetv1", "mobilenetv2", "resnet18", "resnet50", "vgg16"})
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
