package dev.ofastudio.engine.study;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-designed network a study compares against (the chart's markers, present mode's
 * headline), with its published ImageNet top-1 in %.
 */
public record ReferenceNet(String name, double top1, NetworkDescription network) {
    /**
     * MobileNetV1 and V2 with the top-1 of their papers (Howard et al. 2017, Table 8; Sandler et
     * al. 2018, Table 4), ResNet-18 with torchvision's model card, all at 224.
     */
    private static final Object[][] STANDARD = {
        {"mobilenetv1", "MobileNetV1", 70.6},
        {"mobilenetv2", "MobileNetV2", 72.0},
        {"resnet18", "ResNet-18", 69.76},
    };

    public static List<ReferenceNet> standard() {
        List<ReferenceNet> out = new ArrayList<>();
        for (Object[] r : STANDARD) {
            try {
                out.add(new ReferenceNet((String) r[1], (Double) r[2],
                        ReferenceNetworks.describe((String) r[0], 1.0, 224)));
            } catch (OfaException e) {
                throw new IllegalStateException("reference network " + r[0] + " cannot be described", e);
            }
        }
        return out;
    }
}
