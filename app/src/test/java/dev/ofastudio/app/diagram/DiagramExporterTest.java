package dev.ofastudio.app.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@ExtendWith(ApplicationExtension.class)
class DiagramExporterTest {
    private final DiagramLayout layout = DiagramLayout.of(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);

    @Start
    void start(Stage stage) {
        // PNG export needs the toolkit running; no window is shown.
    }

    @Test
    void pngDecodesAtTheScaledSizeWithTheBoxColours(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("diagram.png");
        WaitForAsyncUtils.asyncFx(() -> {
            DiagramExporter.writePng(layout, png, 2);
            return null;
        }).get(30, TimeUnit.SECONDS);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals((int) Math.ceil(layout.width() * 2), image.getWidth());
        assertEquals((int) Math.ceil(layout.height() * 2), image.getHeight());
        assertEquals(0xffffff, image.getRGB(1, 1) & 0xffffff, "white background");
        DiagramBox stage1 = layout.box("blocks.1").orElseThrow();
        int rgb = image.getRGB((int) (2 * (stage1.x() + 5)), (int) (2 * (stage1.y() + stage1.h() / 2)));
        assertClose(DiagramLayout.STAGE_FILL[1], rgb);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void pngExportOffTheFxThreadIsRefused(@TempDir Path dir) {
        assertThrows(IllegalStateException.class, () -> DiagramExporter.writePng(layout, dir.resolve("x.png"), 1));
    }

    @Test
    void svgParsesWithOneBoxPerRunningLayerAndOnePerGhost(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("diagram.svg");
        DiagramExporter.writeSvg(layout, svg);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals(String.valueOf((long) layout.width()), root.getAttribute("width").split("\\.")[0]);
        NodeList rects = doc.getElementsByTagName("rect");
        int blocks = 0;
        int ghosts = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            String cls = ((Element) rects.item(i)).getAttribute("class");
            blocks += cls.equals("block") ? 1 : 0;
            ghosts += cls.equals("ghost") ? 1 : 0;
        }
        int layers = DiagramLayoutTest.SPACE.describe(DiagramLayoutTest.SHALLOW).layers().size();
        assertEquals(layers, blocks);
        assertEquals(20 - (4 + 2 + 3 + 2 + 4), ghosts);
        String text = Files.readString(svg);
        assertTrue(text.contains("160×160×3"));
        assertTrue(text.contains("data-id=\"blocks.7\""));
    }

    @Test
    void svgExportToAnUnwritablePathNamesThePath(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        Path target = blocker.resolve("diagram.svg");
        OfaException e = assertThrows(OfaException.class, () -> DiagramExporter.writeSvg(layout, target));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
    }

    private static void assertClose(int expectedRgb, int actualArgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int a = expectedRgb >> shift & 0xff;
            int b = actualArgb >> shift & 0xff;
            assertTrue(Math.abs(a - b) <= 6, String.format("expected #%06x, got #%06x", expectedRgb,
                    actualArgb & 0xffffff));
        }
    }
}
