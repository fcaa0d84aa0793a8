package dev.ofastudio.engine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PublishedTop1Test {
    @Test
    void defaultWidthAndResolutionNameTheSameNetwork() {
        // torchvision's ResNet-50 card: 76.130 %; MobileNetV1 paper, Table 6: 0.5 MobileNet-224 63.7 %.
        assertEquals(76.13, PublishedTop1.of("resnet50").top1(), 1e-9);
        assertEquals(76.13, PublishedTop1.of("ResNet50_1.0_224").top1(), 1e-9);
        assertEquals(63.7, PublishedTop1.of("mobilenetv1_0.50_224").top1(), 1e-9);
        assertEquals(64.4, PublishedTop1.of("mobilenetv1_1_128").top1(), 1e-9);
    }

    @Test
    void unpublishedVariantsAndConfigsHaveNone() {
        assertNull(PublishedTop1.of("mobilenetv1_0.5_128"));
        assertNull(PublishedTop1.of("efficientnet-edgetpu-s"));
        assertNull(PublishedTop1.of("my-net.json@1.2"));
        assertNull(PublishedTop1.of("resnet50_wide"));
    }

    @Test
    void theStudysReferenceNetsCarryThePublishedFigures() {
        for (ReferenceNet r : ReferenceNet.standard()) {
            assertEquals(switch (r.name()) {
                case "MobileNetV1" -> 70.6;
                case "MobileNetV2" -> 72.0;
                default -> 69.758;
            }, r.top1(), 1e-9, r.name());
        }
    }
}
