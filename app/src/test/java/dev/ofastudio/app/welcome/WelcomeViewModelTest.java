package dev.ofastudio.app.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.settings.StudioSettings.FirstRunChoice;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeViewModelTest {
    @TempDir
    Path tmp;
    private final MemorySettings settings = new MemorySettings();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ImmediateTaskExecutor exec = new ImmediateTaskExecutor();
    private final InputsViewModel inputs = new InputsViewModel(Fakes.loaders(), dialogs, exec, settings);

    private WelcomeViewModel vm() {
        return new WelcomeViewModel(settings, inputs, dialogs, exec, new PredictorDownloader(), tmp.resolve("acc.pth"));
    }

    @Test
    void showsOnFirstRunOnly() {
        assertTrue(vm().visibleProperty().get());
        settings.setFirstRunChoice(FirstRunChoice.SKIPPED);
        assertFalse(vm().visibleProperty().get());
    }

    @Test
    void downloadsFromTheConfiguredUrlAfterConsentAndRemembersTheChoice() throws Exception {
        Path local = tmp.resolve("official.pth");
        Files.write(local, new byte[] {1, 2, 3, 4});
        settings.setPredictorUrl(local.toUri().toString());
        WelcomeViewModel vm = vm();
        vm.download();
        assertEquals(1, dialogs.questions.size(), "asks for consent first");
        assertTrue(dialogs.questions.get(0).contains(local.toUri().toString()));
        assertTrue(Files.exists(tmp.resolve("acc.pth")));
        assertNotNull(inputs.predictorProperty().get());
        assertEquals(FirstRunChoice.DOWNLOADED_PREDICTOR, settings.firstRunChoice());
        assertEquals(tmp.resolve("acc.pth"), settings.predictorPath().orElseThrow());
        assertFalse(vm.visibleProperty().get());
    }

    @Test
    void withoutConsentNothingIsDownloaded() {
        dialogs.confirmAnswer = false;
        vm().download();
        assertFalse(Files.exists(tmp.resolve("acc.pth")));
        assertNull(inputs.predictorProperty().get());
        assertEquals(FirstRunChoice.NONE, settings.firstRunChoice());
    }

    @Test
    void offlineDownloadShowsAClearMessageAndKeepsThePaneOpen() {
        settings.setPredictorUrl("http://127.0.0.1:1/acc_predictor.pth");
        WelcomeViewModel vm = vm();
        vm.download();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).problems().get(0).contains("offline"));
        assertTrue(vm.visibleProperty().get());
    }

    @Test
    void openingAPredictorIsRemembered() {
        dialogs.answer(tmp.resolve("mine.pth"));
        WelcomeViewModel vm = vm();
        vm.openPredictor();
        assertEquals(FirstRunChoice.OPENED_PREDICTOR, settings.firstRunChoice());
        assertEquals(tmp.resolve("mine.pth").toAbsolutePath(), settings.predictorPath().orElseThrow());
    }
}
