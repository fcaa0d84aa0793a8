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
    /** MobileNetV1, V2 and ResNet-18 at 224, with their published top-1 ({@link PublishedTop1}). */
    private static final String[][] STANDARD = {
        {"mobilenetv1", "MobileNetV1"},
        {"mobilenetv2", "MobileNetV2"},
        {"resnet18", "ResNet-18"},
    };

    public static List<ReferenceNet> standard() {
        List<ReferenceNet> out = new ArrayList<>();
        for (String[] r : STANDARD) {
            try {
                out.add(new ReferenceNet(r[1], PublishedTop1.top1(r[0], 1.0, 224).orElseThrow(),
                        ReferenceNetworks.describe(r[0], 1.0, 224)));
            } catch (OfaException e) {
                throw new IllegalStateException("reference network " + r[0] + " cannot be described", e);
            }
        }
        return out;
    }
}
