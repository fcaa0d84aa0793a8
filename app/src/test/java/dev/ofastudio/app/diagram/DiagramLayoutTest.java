package dev.ofastudio.app.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.diagram.DiagramShape.Text;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagramLayoutTest {
    static final SearchSpace SPACE = SearchSpace.mobileNetV3(1.0);
    /** Depths 4,2,3,2,4: six ghost blocks (6, 7, 11, 14, 15 and none in stages 0/4). */
    static final SubnetConfig SHALLOW = new SubnetConfig(
            new int[] {3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5, 7, 3, 5},
            new int[] {3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4, 6, 3, 4},
            new int[] {4, 2, 3, 2, 4}, 160);

    private final DiagramLayout layout = DiagramLayout.of(SPACE, SHALLOW);
    private final NetworkDescription net = SPACE.describe(SHALLOW);

    @Test
    void hasOneBoxPerLayerPlusOnePerGhost() {
        List<DiagramBox> real = layout.boxes().stream().filter(b -> !b.ghost()).toList();
        assertEquals(net.layers().stream().map(Layer::name).toList(), real.stream().map(DiagramBox::id).toList());
        assertEquals(List.of("blocks.7", "blocks.8", "blocks.12", "blocks.15", "blocks.16"),
                layout.boxes().stream().filter(DiagramBox::ghost).map(DiagramBox::id).toList());
    }

    @Test
    void ghostsAreTheInactiveBlocksWithTheirPlaceholders() {
        for (DiagramBox b : layout.boxes()) {
            if (b.block() < 0) {
                assertFalse(b.ghost(), b.id());
                continue;
            }
            assertEquals(!SHALLOW.isActive(b.block()), b.ghost(), b.id());
            assertEquals(SHALLOW.ks(b.block()), b.kernel(), b.id());
            assertEquals(SHALLOW.e(b.block()), b.expand(), b.id());
            assertEquals(b.ghost(), b.layer() == null, b.id());
        }
    }

    @Test
    void blocksRunLeftToRightInBlockOrderWithoutOverlap() {
        List<DiagramBox> boxes = layout.boxes();
        for (int i = 1; i < boxes.size(); i++) {
            DiagramBox prev = boxes.get(i - 1);
            assertTrue(boxes.get(i).x() >= prev.x() + prev.w(), boxes.get(i).id() + " overlaps " + prev.id());
        }
        DiagramBox last = boxes.get(boxes.size() - 1);
        assertTrue(last.x() + last.w() <= layout.width());
        for (DiagramBox b : boxes) {
            assertTrue(b.y() >= 0 && b.y() + b.h() <= layout.height(), b.id());
        }
    }

    @Test
    void boxHeightGrowsWithChannelsAndWidthWithExpand() {
        DiagramBox stage1 = layout.box("blocks.1").orElseThrow(); // 24 ch, e3
        DiagramBox stage5 = layout.box("blocks.19").orElseThrow(); // 160 ch, e3
        assertTrue(stage5.h() > stage1.h());
        assertEquals(stage1.w(), stage5.w(), 1e-9);
        DiagramBox e6 = layout.box("blocks.3").orElseThrow();
        assertTrue(e6.w() > stage1.w());
    }

    @Test
    void showsTheInputResolutionAndTheBlockLabels() {
        List<String> texts = layout.shapes().stream().filter(s -> s instanceof Text).map(s -> ((Text) s).text())
                .toList();
        assertTrue(texts.contains("160×160×3"), texts.toString());
        assertTrue(texts.contains("k7"));
        assertTrue(texts.contains("e6"));
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Stage 2 · 40 ch · s2 · d2")), texts.toString());
        assertTrue(texts.contains("SE"));
    }

    @Test
    void ghostShapesAreDashedAndPaler() {
        DiagramShape.Rect active = rect("block", "blocks.5");
        DiagramShape.Rect ghost = rect("ghost", "blocks.7");
        assertTrue(ghost.dashed());
        assertFalse(active.dashed());
        // same stage, so the same tint, but mixed towards the background
        assertTrue(luminance(ghost.fill()) > luminance(active.fill()));
        Text ghostLabel = (Text) layout.shapes().stream()
                .filter(s -> s instanceof Text t && t.role().equals("label") && t.x() == centreX("blocks.7"))
                .findFirst().orElseThrow();
        assertTrue(luminance(ghostLabel.colour()) > luminance(DiagramLayout.INK));
    }

    @Test
    void theInputLabelGivesTheSpacesInputChannels() {
        assertEquals("160×160×3", inputLabel(layout));
        SearchSpace grey = SearchSpace.mobileNetV3(1.0).withInputChannels(1).withNumClasses(10)
                .withResolutions(List.of(24, 28, 32));
        assertEquals("28×28×1", inputLabel(DiagramLayout.of(grey, SubnetConfig.uniform(3, 3, 2, 28))));
    }

    private static String inputLabel(DiagramLayout l) {
        // The box shows "r²"; the line under it gives r × r × channels.
        return l.shapes().stream().filter(s -> s instanceof Text t && t.role().equals("input-label"))
                .map(s -> ((Text) s).text()).filter(t -> t.contains("×")).findFirst().orElseThrow();
    }

    private DiagramShape.Rect rect(String role, String id) {
        return (DiagramShape.Rect) layout.shapes().stream()
                .filter(s -> s instanceof DiagramShape.Rect r && r.role().equals(role) && r.id().equals(id))
                .findFirst().orElseThrow();
    }

    private double centreX(String id) {
        DiagramBox b = layout.box(id).orElseThrow();
        return b.x() + b.w() / 2;
    }

    private static int luminance(int rgb) {
        return (rgb >> 16 & 0xff) * 2 + (rgb >> 8 & 0xff) * 7 + (rgb & 0xff);
    }

    @Test
    void findsTheBoxUnderAPoint() {
        DiagramBox b = layout.box("blocks.5").orElseThrow();
        assertEquals("blocks.5", layout.boxAt(b.x() + b.w() / 2, b.y() + b.h() / 2).orElseThrow().id());
        assertTrue(layout.boxAt(1, 1).isEmpty());
    }

    @Test
    void maxNetHasNoGhosts() {
        DiagramLayout max = DiagramLayout.of(SPACE, SPACE.maxConfig(224));
        assertNull(max.boxes().stream().filter(DiagramBox::ghost).findAny().orElse(null));
        assertEquals(SPACE.describe(SPACE.maxConfig(224)).layers().size(), max.boxes().size());
    }
}
