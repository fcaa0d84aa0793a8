package dev.ofastudio.engine.space.mbv3;

import java.util.List;
import java.util.Locale;

/**
 * The two OFA MobileNetV3 spaces the studio ships DPU profiles for: the reference space, and a
 * DPU-friendly variant without squeeze-excite, with ReLU everywhere, kernels {3, 5} and stage widths
 * in multiples of 16 (the DPU's channel parallelism), so no block pays for an SE pass, a hard
 * activation or a half-empty channel tile.
 */
public enum SpaceVariant {
    REFERENCE("ofa", ""),
    DPU_FRIENDLY("dpu-friendly", "-dpu-friendly");

    private final String id;
    private final String fileSuffix;

    SpaceVariant(String id, String fileSuffix) {
        this.id = id;
        this.fileSuffix = fileSuffix;
    }

    /** Name used on the command line and in reports. */
    public String id() {
        return id;
    }

    /** Shipped profile file of board {@code boardId}: {@code zcu102.json}, {@code zcu102-dpu-friendly.json}. */
    public String profileFile(String boardId) {
        return boardId + fileSuffix + ".json";
    }

    /** The space at width multiplier {@code width}. */
    public Mbv3Space space(double width) {
        Mbv3Space s = Mbv3Space.mobileNetV3(width);
        return this == REFERENCE ? s
                : s.withBlockStyle(false, ActivationTable.RELU, 16).withChoices(List.of(3, 5), s.expandRatios(),
                        s.depths());
    }

    /** The variant named {@code id}, or null. */
    public static SpaceVariant byId(String id) {
        String k = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (SpaceVariant v : values()) {
            if (v.id.equals(k)) {
                return v;
            }
        }
        return null;
    }
}
