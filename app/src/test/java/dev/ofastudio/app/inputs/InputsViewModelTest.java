package dev.ofastudio.app.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.ReferenceNet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputsViewModelTest {
    private final FakeDialogService dialogs = new FakeDialogService();

    private InputsViewModel vm(InputLoaders loaders) {
        InputsViewModel vm = new InputsViewModel(loaders, dialogs, new ImmediateTaskExecutor(), new MemorySettings());
        vm.loadShippedBoards();
        return vm;
    }

    @Test
    void aBrokenFileListsEveryProblemOnItsOwnLineAndChangesNothing() {
        InputsViewModel vm = vm(Fakes.loaders());
        var before = List.copyOf(vm.sources());
        dialogs.answer(Path.of("/data/broken.json"));
        vm.openLatencyFile();
        assertEquals(1, dialogs.errors.size());
        assertEquals(2, dialogs.errors.get(0).problems().size());
        assertTrue(dialogs.errors.get(0).problems().get(0).contains("layers[3].latency_ms"));
        assertEquals(before, vm.sources());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aYamlFileStandsForItsLookupTableFolder() {
        InputsViewModel vm = vm(Fakes.loaders());
        dialogs.answer(Path.of("/data/note10/160_lookup_table.yaml"));
        vm.openLatencyFile();
        assertEquals(Path.of("/data/note10").toString(), vm.chosenProperty().get().source().id());
    }

    @Test
    void aCancelledLoadIsDiscarded() {
        InputsViewModel[] self = new InputsViewModel[1];
        InputLoaders base = Fakes.loaders();
        InputLoaders cancelling = new InputLoaders() {
            @Override
            public AccuracyPredictor loadPredictor(Path file) throws OfaException {
                return base.loadPredictor(file);
            }

            @Override
            public LatencySource loadLatency(Path p) throws OfaException {
                self[0].cancelLoading(); // the user presses Cancel while the file is read
                return base.loadLatency(p);
            }

            @Override
            public List<LatencySource> shippedBoards() throws OfaException {
                return base.shippedBoards();
            }

            @Override
            public List<ReferenceNet> referenceNets() {
                return List.of();
            }

            @Override
            public List<dev.ofastudio.engine.project.Project> builtInProjects() throws OfaException {
                return base.builtInProjects();
            }

            @Override
            public dev.ofastudio.engine.project.Project openProject(String idOrFolder) throws OfaException {
                return base.openProject(idOrFolder);
            }
        };
        self[0] = vm(cancelling);
        self[0].loadLatency(Path.of("/data/my.csv"));
        assertEquals(2, self[0].sources().size());
        assertTrue(self[0].statusProperty().get().contains("cancelled"));
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void readyNeedsAPredictorAndAnEnabledSource() {
        InputsViewModel vm = vm(Fakes.loaders());
        assertFalse(vm.readyBinding().get());
        vm.loadPredictor(Path.of("/p.pth"), p -> { });
        assertTrue(vm.readyBinding().get());
        vm.sources().forEach(s -> s.enabledProperty().set(false));
        assertFalse(vm.readyBinding().get());
    }
    @Test
    void aCopyOfAShippedProfileSelectsTheShippedBoardInsteadOfAddingATwin(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        InputsViewModel vm = vm(new EngineInputLoaders());
        var zcu104 = vm.sources().stream().filter(i -> i.source().id().equals("zcu104")).findFirst().orElseThrow();
        zcu104.enabledProperty().set(false);
        int before = vm.sources().size();
        Path copy = tmp.resolve("my-zcu104.json");
        dev.ofastudio.engine.latency.profile.FpgaProfiles.write(copy,
                dev.ofastudio.engine.latency.profile.FpgaProfiles.shipped("zcu104"));
        vm.loadLatency(copy);
        assertEquals(before, vm.sources().size(), "no second ZCU104");
        assertTrue(zcu104.isEnabled());
        assertEquals(zcu104, vm.chosenProperty().get());
        assertTrue(vm.statusProperty().get().contains("not added twice"), vm.statusProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
