package dev.ofastudio.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.engine.io.pth.PthReader;
import dev.ofastudio.engine.space.SubnetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Open supernet weights…, then Export → Sub-network weights (ONNX / PyTorch)…. */
class WeightsExportViewModelTest {
    /** The engine's test fixture (app tests run in the app module's folder). */
    static final Path SUPERNET = Path.of("..", "engine", "src", "test", "resources", "golden", "ofa_mbv3_w1.0_c10.pth");

    @TempDir
    Path tmp;

    final FakeDialogService dialogs = new FakeDialogService();
    final AtomicReference<SubnetConfig> selected = new AtomicReference<>();
    final WeightsExportViewModel vm = new WeightsExportViewModel(selected::get, dialogs, new ImmediateTaskExecutor(),
            "test");

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void exportWaitsForASupernetAndASelection() {
        vm.exportWeights();
        assertEquals("No supernet", dialogs.errors.get(0).title());
        dialogs.answer(SUPERNET);
        vm.openSupernet();
        assertTrue(vm.supernetLoadedProperty().get(), dialogs.errors.toString());
        vm.exportWeights();
        assertEquals("Nothing to export", dialogs.errors.get(1).title());
    }

    @Test
    void writesOnnxOrPthByTheChosenExtension() throws Exception {
        vm.loadSupernet(SUPERNET);
        selected.set(SubnetConfig.uniform(3, 3, 2, 64));
        Path onnx = tmp.resolve("net.onnx");
        dialogs.answer(onnx);
        vm.exportWeights();
        assertTrue(Files.size(onnx) > 1_000_000, "an ONNX model with the weights");
        assertTrue(vm.statusProperty().get().contains("ONNX"), vm.statusProperty().get());
        Path pth = tmp.resolve("net.pth");
        dialogs.answer(pth);
        vm.exportWeights();
        assertArrayEquals(new long[] {10, 1280}, PthReader.read(pth).require("classifier.linear.weight").shape());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void anUnreadableSupernetIsOneErrorAndNothingLoaded() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.pth"), "not a checkpoint");
        vm.loadSupernet(bad);
        assertFalse(vm.supernetLoadedProperty().get());
        assertEquals("Cannot load the supernet", dialogs.errors.get(0).title());
        assertTrue(dialogs.errors.get(0).problems().get(0).contains("bad.pth"), dialogs.errors.toString());
    }

    @Test
    void declinedReplaceKeepsTheExistingFile() throws Exception {
        vm.loadSupernet(SUPERNET);
        selected.set(SubnetConfig.uniform(3, 3, 2, 64));
        Path existing = Files.writeString(tmp.resolve("mine.onnx"), "keep");
        dialogs.confirmAnswer = false;
        dialogs.answer(existing);
        vm.exportWeights();
        assertEquals("keep", Files.readString(existing));
    }
}
