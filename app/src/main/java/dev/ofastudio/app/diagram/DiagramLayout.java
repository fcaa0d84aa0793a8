package dev.ofastudio.app.diagram;

import dev.ofastudio.app.diagram.DiagramShape.Anchor;
import dev.ofastudio.app.diagram.DiagramShape.Line;
import dev.ofastudio.app.diagram.DiagramShape.Rect;
import dev.ofastudio.app.diagram.DiagramShape.Text;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.LayerType;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.space.Activation;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Geometry and styling of one sub-network's diagram, in diagram units (1 unit = 1 px at scale 1).
 * Computed once per sub-network; the shapes are drawn in list order (back to front).
 *
 * @param title  the heading line
 * @param width  total width
 * @param height total height
 * @param shapes everything to draw
 * @param boxes  the clickable boxes, one per layer of the network plus one per ghost block
 */
public record DiagramLayout(String title, double width, double height, List<DiagramShape> shapes,
        List<DiagramBox> boxes) {

    static final double MARGIN = 16;
    static final double GAP = 6;
    static final double GROUP_PAD = 8;
    static final double GROUP_GAP = 14;
    static final double LABEL_H = 18;
    static final double SE_STRIP = 12;
    static final double ACT_STRIP = 6;

    static final int INK = 0x1f2430;
    static final int MUTED = 0x6b7280;
    static final int GROUP_FILL = 0xf3f4f6;
    static final int GROUP_STROKE = 0xd1d5db;
    static final int RELU = 0x4e79a7;
    static final int H_SWISH = 0xe8772e;
    static final int SE_FILL = 0x59606e;
    /** Light stage tints: stem, stages 1..5, head. */
    static final int[] STAGE_FILL = {0xe5e7eb, 0xdbeafe, 0xd1fae5, 0xfef3c7, 0xfce7f3, 0xede9fe, 0xe5e7eb};
    static final int[] STAGE_STROKE = {0x6b7280, 0x3b82f6, 0x10b981, 0xd97706, 0xdb2777, 0x7c3aed, 0x6b7280};

    public DiagramLayout {
        shapes = List.copyOf(shapes);
        boxes = List.copyOf(boxes);
    }

    /** The box under the point (diagram units), if any. */
    public Optional<DiagramBox> boxAt(double x, double y) {
        for (DiagramBox b : boxes) {
            if (b.contains(x, y)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    public Optional<DiagramBox> box(String id) {
        return boxes.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** Box height grows with the square root of the output channels: 16 ch → 48, 1280 ch → 191. */
    static double boxHeight(int channels) {
        return 30 + 4.5 * Math.sqrt(channels);
    }

    /** Box width grows with the expand ratio, so wide inverted bottlenecks look wide. */
    static double boxWidth(int expand) {
        return 38 + 2.5 * Math.max(expand, 1);
    }

    /** The diagram of {@code config} in {@code space}. */
    public static DiagramLayout of(SearchSpace space, SubnetConfig config) {
        if (!(space instanceof Mbv3Space mbv3)) {
            throw new IllegalArgumentException("the diagram draws OFA MobileNetV3 spaces, not " + space.id());
        }
        return new Builder(mbv3, config).build();
    }

    /** Accumulates shapes left to right; {@link #build()} freezes them. */
    private static final class Builder {
        private final Mbv3Space space;
        private final SubnetConfig config;
        private final NetworkDescription net;
        private final List<DiagramShape> back = new ArrayList<>();
        private final List<DiagramShape> front = new ArrayList<>();
        private final List<DiagramBox> boxes = new ArrayList<>();
        private final double top;
        private final double midY;
        private final double groupTop;
        private final double groupBottom;
        private double x = MARGIN;

        Builder(Mbv3Space space, SubnetConfig config) {
            this.space = space;
            this.config = config;
            this.net = space.describe(config);
            this.top = MARGIN + 22;
            double tallest = boxHeight(Math.max(space.featureMixWidth(), space.numClasses()));
            this.groupTop = top;
            this.midY = groupTop + LABEL_H + GROUP_PAD + tallest / 2;
            this.groupBottom = midY + tallest / 2 + GROUP_PAD;
        }

        DiagramLayout build() {
            inputBox();
            List<Layer> layers = net.layers();
            group("Stem", List.of(layers.get(0), layers.get(1)), 0);
            int next = 2;
            for (int s = 0; s < SubnetConfig.STAGES; s++) {
                next = stage(s, layers, next);
            }
            group("Head", layers.subList(next, layers.size()), 6);
            double width = x - GROUP_GAP + MARGIN;
            // the data path runs behind the boxes, from the input to the classifier
            back.add(0, new Line("spine", MARGIN, midY, width - MARGIN, midY, MUTED, 1.5, false));
            double legendY = groupBottom + 20;
            legend(legendY);
            String title = net.name() + " · input " + config.r() + "×" + config.r() + " · " + config.activeBlockCount()
                    + " blocks run · " + String.format(java.util.Locale.ROOT, "%.0f", net.macs() / 1e6) + " M MACs · "
                    + String.format(java.util.Locale.ROOT, "%.2f", net.params() / 1e6) + " M params";
            front.add(new Text("title", MARGIN, MARGIN + 6, title, 13, true, INK, Anchor.START, 1));
            List<DiagramShape> all = new ArrayList<>(back);
            all.addAll(front);
            return new DiagramLayout(title, width, legendY + 18, all, boxes);
        }

        private void inputBox() {
            double side = 28 + config.r() / 8.0;
            double w = Math.max(side, 64);
            double cx = x + w / 2;
            front.add(new Text("group-label", cx, groupTop + LABEL_H / 2 + 2, "Input", 11, true, INK, Anchor.MIDDLE, 1));
            front.add(new Rect("input", "input", cx - side / 2, midY - side / 2, side, side, 2, 0xffffff, INK, 1.2,
                    false, 1));
            front.add(new Text("input-label", cx, midY, config.r() + "²", 11, true, INK, Anchor.MIDDLE, 1));
            front.add(new Text("input-label", cx, midY + side / 2 + 10, config.r() + "×" + config.r() + "×" + space.inputChannels(), 10,
                    false, MUTED, Anchor.MIDDLE, 1));
            x += w + GROUP_GAP;
        }

        /** Lays out stage {@code s}: its active blocks from {@code layers[next..]}, then its ghosts. */
        private int stage(int s, List<Layer> layers, int next) {
            double start = x;
            x += GROUP_PAD;
            for (int j = 0; j < SubnetConfig.MAX_DEPTH; j++) {
                int b = s * SubnetConfig.MAX_DEPTH + j;
                if (config.isActive(b)) {
                    Layer l = layers.get(next++);
                    elasticBox(b, s, l.name(), l, l.kernel(), l.expandRatio(), l.out().c(), false);
                } else {
                    elasticBox(b, s, "blocks." + (b + 1), null, config.ks(b), config.e(b), space.stageWidth(s), true);
                }
            }
            x -= GAP;
            x += GROUP_PAD;
            String label = "Stage " + (s + 1) + " · " + space.stageWidth(s) + " ch · s" + space.stageStride(s)
                    + " · d" + config.d(s);
            groupFrame(start, label, s + 1);
            return next;
        }

        private void group(String label, List<Layer> layers, int paletteIndex) {
            double start = x;
            x += GROUP_PAD;
            for (Layer l : layers) {
                fixedBox(l, paletteIndex);
            }
            x -= GAP;
            x += GROUP_PAD;
            groupFrame(start, label, paletteIndex);
        }

        private void groupFrame(double start, String label, int paletteIndex) {
            double w = x - start;
            back.add(new Rect("group", "", start, groupTop, w, groupBottom - groupTop, 8, GROUP_FILL, GROUP_STROKE, 1,
                    false, 1));
            front.add(new Text("group-label", start + w / 2, groupTop + LABEL_H / 2 + 2, label, 11, true,
                    STAGE_STROKE[paletteIndex], Anchor.MIDDLE, 1));
            x += GROUP_GAP;
        }

        private void elasticBox(int b, int s, String id, Layer layer, int kernel, int expand, int channels,
                boolean ghost) {
            double w = boxWidth(expand);
            double h = boxHeight(channels);
            double y = midY - h / 2;
            // Ghosts are faded by mixing each colour into the group background rather than by
            // opacity, so SVG renderers that ignore fill-opacity still show them faded.
            double keep = ghost ? 0.4 : 1;
            front.add(new Rect(ghost ? "ghost" : "block", id, x, y, w, h, 4, fade(STAGE_FILL[s + 1], keep),
                    fade(STAGE_STROKE[s + 1], ghost ? 0.7 : 1), ghost ? 1 : 1.2, ghost, 1));
            boolean se = space.stageUsesSe(s);
            if (se) {
                front.add(new Rect("se", id, x + 1, y + 1, w - 2, SE_STRIP, 3, fade(SE_FILL, keep), -1, 0, false, 1));
                front.add(new Text("se-label", x + w / 2, y + 1 + SE_STRIP / 2, "SE", 8.5, true, fade(0xffffff, keep),
                        Anchor.MIDDLE, 1));
            }
            front.add(new Rect("act", id, x + 1, y + h - ACT_STRIP - 1, w - 2, ACT_STRIP, 2,
                    fade(activationColour(space.stageActivation(s)), keep), -1, 0, false, 1));
            double inner = (se ? SE_STRIP : 0) - ACT_STRIP;
            double cy = midY + inner / 2;
            int ink = fade(INK, keep);
            front.add(new Text("label", x + w / 2, cy - 7, "k" + kernel, 11, true, ink, Anchor.MIDDLE, 1));
            front.add(new Text("label", x + w / 2, cy + 7, "e" + expand, 11, false, ink, Anchor.MIDDLE, 1));
            boxes.add(new DiagramBox(id, b, s, layer, ghost, kernel, expand, x, y, w, h));
            x += w + GAP;
        }

        private void fixedBox(Layer l, int paletteIndex) {
            String[] lines = fixedLabels(l);
            double w = l.type() == LayerType.MB_CONV ? boxWidth(l.expandRatio()) : 46;
            double h = boxHeight(l.out().c());
            double y = midY - h / 2;
            front.add(new Rect("block", l.name(), x, y, w, h, 4, STAGE_FILL[paletteIndex], STAGE_STROKE[paletteIndex],
                    1.2, false, 1));
            if (l.activation() != Activation.NONE) {
                front.add(new Rect("act", l.name(), x + 1, y + h - ACT_STRIP - 1, w - 2, ACT_STRIP, 2,
                        activationColour(l.activation()), -1, 0, false, 1));
            }
            double cy = midY - ACT_STRIP / 2;
            front.add(new Text("label", x + w / 2, cy - 7, lines[0], 11, true, INK, Anchor.MIDDLE, 1));
            front.add(new Text("label", x + w / 2, cy + 7, lines[1], 10, false, INK, Anchor.MIDDLE, 1));
            boxes.add(new DiagramBox(l.name(), -1, -1, l, false, l.kernel(), l.expandRatio(), x, y, w, h));
            x += w + GAP;
        }

        private static String[] fixedLabels(Layer l) {
            return switch (l.type()) {
                case FIRST_CONV, CONV -> new String[] {l.kernel() + "×" + l.kernel(), "s" + l.stride()};
                case MB_CONV -> new String[] {"k" + l.kernel(), "e" + l.expandRatio()};
                case FINAL_EXPAND, FEATURE_MIX -> new String[] {"1×1", String.valueOf(l.out().c())};
                case GLOBAL_POOL, POOL -> new String[] {"pool", "avg"};
                case CLASSIFIER, FULLY_CONNECTED -> new String[] {"FC", String.valueOf(l.out().c())};
                case RESIDUAL_BLOCK -> new String[] {"res", String.valueOf(l.out().c())};
                default -> new String[] {l.type().lutName(), String.valueOf(l.out().c())};
            };
        }

        private void legend(double y) {
            double lx = MARGIN;
            lx = legendSwatch(lx, y, RELU, "ReLU");
            lx = legendSwatch(lx, y, H_SWISH, "h-swish");
            lx = legendSwatch(lx, y, SE_FILL, "SE (squeeze-excite)");
            front.add(new Rect("legend", "", lx, y - 6, 22, 12, 2, fade(STAGE_FILL[1], 0.4), fade(STAGE_STROKE[1], 0.7),
                    1, true, 1));
            front.add(new Text("legend", lx + 28, y, "ghost: beyond the stage depth, not run", 10, false, MUTED,
                    Anchor.START, 1));
            lx += 240;
            front.add(new Text("legend", lx, y, "height ∝ √channels · width ∝ expand · k = kernel, e = expand", 10,
                    false, MUTED, Anchor.START, 1));
        }

        private double legendSwatch(double lx, double y, int colour, String label) {
            front.add(new Rect("legend", "", lx, y - 5, 22, 10, 2, colour, -1, 0, false, 1));
            front.add(new Text("legend", lx + 28, y, label, 10, false, MUTED, Anchor.START, 1));
            return lx + 28 + 7 * label.length() + 18;
        }

        /** {@code rgb} mixed into the group background, keeping {@code keep} (0..1) of it. */
        static int fade(int rgb, double keep) {
            int r = mix(rgb >> 16 & 0xff, GROUP_FILL >> 16 & 0xff, keep);
            int g = mix(rgb >> 8 & 0xff, GROUP_FILL >> 8 & 0xff, keep);
            int b = mix(rgb & 0xff, GROUP_FILL & 0xff, keep);
            return r << 16 | g << 8 | b;
        }

        private static int mix(int c, int background, double keep) {
            return (int) Math.round(background + (c - background) * keep);
        }

        private static int activationColour(Activation a) {
            return switch (a) {
                case H_SWISH, H_SIGMOID -> H_SWISH;
                case NONE -> GROUP_STROKE;
                default -> RELU;
            };
        }
    }
}
