package dev.ofastudio.app.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.service.BackgroundTask;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.service.TaskExecutor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagramViewModelTest {
    private final DiagramViewModel vm = new DiagramViewModel();

    private void clickOn(String id) {
        DiagramBox b = vm.layoutProperty().get().box(id).orElseThrow();
        vm.clickAt(b.x() + b.w() / 2, b.y() + b.h() / 2);
    }

    @Test
    void clickingABlockSelectsItAndItsElasticIndex() {
        vm.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);
        clickOn("blocks.10");
        assertEquals("blocks.10", vm.selectedIdProperty().get());
        assertEquals(9, vm.selectedBlockProperty().get());
        assertTrue(vm.detailsProperty().get().startsWith("blocks.10 · stage 3 · expanded_conv · kernel 3"),
                vm.detailsProperty().get());
    }

    @Test
    void clickingAFixedLayerSelectsNoElasticBlock() {
        vm.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);
        clickOn("classifier");
        assertEquals("classifier", vm.selectedIdProperty().get());
        assertEquals(-1, vm.selectedBlockProperty().get());
        assertTrue(vm.detailsProperty().get().contains("1x1x1280 → 1x1x1000"), vm.detailsProperty().get());
    }

    @Test
    void clickingEmptySpaceClearsTheSelection() {
        vm.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);
        clickOn("blocks.1");
        vm.clickAt(1, 1);
        assertNull(vm.selectedIdProperty().get());
        assertEquals(-1, vm.selectedBlockProperty().get());
        assertEquals("", vm.detailsProperty().get());
    }

    @Test
    void ghostDetailsSayTheBlockDoesNotRun() {
        vm.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);
        vm.selectedBlockProperty().set(6);
        assertEquals("blocks.7", vm.selectedIdProperty().get());
        assertTrue(vm.selectedBox().orElseThrow().ghost());
        assertTrue(vm.detailsProperty().get().contains("not run: the stage runs 2 of 4 blocks"),
                vm.detailsProperty().get());
    }

    @Test
    void selectionSurvivesASubnetChange() {
        vm.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);
        vm.selectedBlockProperty().set(6);
        vm.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SPACE.maxConfig(224));
        assertEquals("blocks.7", vm.selectedIdProperty().get());
        assertTrue(vm.detailsProperty().get().contains("kernel 7 · expand 6"), vm.detailsProperty().get());
    }

    @Test
    void clearingTheSubnetClearsTheSelection() {
        vm.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);
        clickOn("blocks.1");
        vm.setSubnet(null, null);
        assertNull(vm.layoutProperty().get());
        assertNull(vm.selectedIdProperty().get());
    }

    @Test
    void exportsTheSvgOfTheCurrentLayout(@TempDir Path dir) throws Exception {
        vm.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);
        Path svg = dir.resolve("net.svg");
        assertTrue(vm.exportSvg(svg));
        assertEquals(DiagramSvg.toSvg(vm.layoutProperty().get()), Files.readString(svg));
        assertEquals("Saved " + svg, vm.exportStatusProperty().get());
    }

    @Test
    void exportFailureIsReportedInOneLine(@TempDir Path dir) throws Exception {
        vm.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);
        // A plain file where a folder should be: the write cannot happen.
        Files.writeString(dir.resolve("notAFolder"), "x");
        Path target = dir.resolve("notAFolder").resolve("x.svg");
        assertFalse(vm.exportSvg(target));
        String status = vm.exportStatusProperty().get();
        assertTrue(status.startsWith(target + ": cannot write"), status);
        assertFalse(status.contains("\n"), status);
    }

    @Test
    void exportWithoutASubnetSaysSo(@TempDir Path dir) {
        assertFalse(vm.exportSvg(dir.resolve("x.svg")));
        assertTrue(vm.exportStatusProperty().get().startsWith("Nothing to export"));
        assertFalse(Files.exists(dir.resolve("x.svg")));
    }

    @Test
    void hoverFollowsElasticBlocksGhostsIncluded() {
        vm.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);
        DiagramBox ghost = vm.layoutProperty().get().box("blocks.8").orElseThrow();
        vm.hoverAt(ghost.x() + 2, ghost.y() + 2);
        assertEquals(7, vm.hoveredBlockProperty().get());
        DiagramBox stem = vm.layoutProperty().get().box("first_conv").orElseThrow();
        vm.hoverAt(stem.x() + 2, stem.y() + 2);
        assertEquals(-1, vm.hoveredBlockProperty().get());
        vm.hoverAt(ghost.x() + 2, ghost.y() + 2);
        vm.hoverAt(Double.NaN, Double.NaN);
        assertEquals(-1, vm.hoveredBlockProperty().get());
    }

    /** Holds tasks until the test runs them, like a pool that has not got to them yet. */
    private static final class DeferredExecutor implements TaskExecutor {
        final List<BackgroundTask<?>> queued = new ArrayList<>();

        @Override
        public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
            queued.add(task);
            return task;
        }

        @Override
        public void runOnUiThread(Runnable r) {
            r.run();
        }

        void runAll() {
            for (BackgroundTask<?> t : queued) {
                new ImmediateTaskExecutor().execute(t);
            }
            queued.clear();
        }
    }

    @Test
    void pngIsDrawnAtOnceAndEncodedAndWrittenOnTheExecutor(@TempDir Path dir) throws Exception {
        DeferredExecutor executor = new DeferredExecutor();
        DiagramViewModel bg = new DiagramViewModel(executor);
        bg.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);
        Path target = dir.resolve("net.png");
        List<DiagramLayout> drawn = new ArrayList<>();
        bg.exportPngInBackground(target, l -> {
            drawn.add(l);
            BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            image.setRGB(3, 4, 0x123456);
            return image;
        });
        assertEquals(List.of(bg.layoutProperty().get()), drawn, "the picture is drawn on the calling thread");
        assertEquals(1, executor.queued.size());
        assertFalse(Files.exists(target), "nothing is written before the task runs");
        assertTrue(bg.exportingProperty().get());
        assertEquals("Saving " + target + "…", bg.exportStatusProperty().get());

        executor.runAll();
        BufferedImage back = ImageIO.read(target.toFile());
        assertEquals(40, back.getWidth());
        assertEquals(0x123456, back.getRGB(3, 4) & 0xffffff);
        assertEquals("Saved " + target, bg.exportStatusProperty().get());
        assertFalse(bg.exportingProperty().get());
    }

    @Test
    void backgroundPngFailureIsReportedInOneLine(@TempDir Path dir) throws Exception {
        DeferredExecutor executor = new DeferredExecutor();
        DiagramViewModel bg = new DiagramViewModel(executor);
        bg.setSubnet(DiagramLayoutTest.SPACE, DiagramLayoutTest.SHALLOW);
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        Path target = blocker.resolve("net.png");
        bg.exportPngInBackground(target, l -> new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
        executor.runAll();
        String status = bg.exportStatusProperty().get();
        assertTrue(status.contains("net.png") && !status.contains("\n"), status);
        assertFalse(status.startsWith("Saved"), status);
        assertFalse(bg.exportingProperty().get());
        assertFalse(Files.exists(target));
    }

    @Test
    void backgroundPngWithoutASubnetSaysSoAndQueuesNothing(@TempDir Path dir) {
        DeferredExecutor executor = new DeferredExecutor();
        DiagramViewModel bg = new DiagramViewModel(executor);
        assertNull(bg.exportPngInBackground(dir.resolve("x.png"), l -> {
            throw new AssertionError("nothing to draw");
        }));
        assertTrue(executor.queued.isEmpty());
        assertTrue(bg.exportStatusProperty().get().startsWith("Nothing to export"));
    }
}
