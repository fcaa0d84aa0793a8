package dev.ofastudio.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.engine.study.Sweep;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.service.QueuedTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.app.testing.FolderProjects;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening projects: the default at start-up, the remembered one, folders, and switching back. */
class ProjectViewModelTest {
    @TempDir
    Path tmp;
    private final MemorySettings settings = new MemorySettings();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ImmediateTaskExecutor exec = new ImmediateTaskExecutor();
    private InputsViewModel inputs;
    private ParetoViewModel pareto;

    @BeforeEach
    void setUp() {
        inputs = new InputsViewModel(Fakes.loaders(), dialogs, exec, settings);
        pareto = new ParetoViewModel(inputs, new Sweep(Fakes.randomSearch(10)), exec, dialogs);
        pareto.cloudSizeProperty().set(100);
        pareto.budgetCountProperty().set(1);
        inputs.loadShippedBoards();
    }

    private ProjectViewModel started() {
        ProjectViewModel vm = new ProjectViewModel(inputs, pareto, dialogs, settings);
        // The fakes' predictor knows only ImageNet's resolutions: it cannot sweep Fashion-MNIST.
        vm.sweepOnOpenProperty().set(settings.project().filter(id -> id.equals(BuiltInProjects.IMAGENET)
                || Files.isDirectory(Path.of(id))).isPresent());
        vm.start();
        return vm;
    }

    private Path folderProject(String name, Object width) throws Exception {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("lut"));
        Files.writeString(dir.resolve("acc.pth"), "fake loaders do not read it");
        Files.writeString(dir.resolve("project.json"), "{\"format\": \"ofa-studio-project\", \"version\": 1, "
                + "\"name\": \"" + name + "\", \"space\": {\"kind\": \"ofa_mbv3\", \"width_mult\": " + width
                + "}, \"predictor\": \"acc.pth\", \"latency_tables\": [\"lut\"]}");
        return dir;
    }

    private List<String> sourceIds() {
        return inputs.sources().stream().map(s -> s.source().id()).toList();
    }

    /** Started with ImageNet remembered: the fakes' predictor and boards know only its w1.2 space. */
    private ProjectViewModel startedOnImageNet() {
        settings.setProject(BuiltInProjects.IMAGENET);
        return started();
    }

    @Test
    void startOpensTheDefaultFashionMnistProject() throws Exception {
        ProjectViewModel vm = started();
        Project fmnist = BuiltInProjects.load(BuiltInProjects.FASHION_MNIST);
        assertEquals(List.of(fmnist, BuiltInProjects.load(BuiltInProjects.IMAGENET)), vm.projects());
        assertEquals(fmnist, vm.currentProperty().get());
        assertEquals(fmnist.predictor(), inputs.predictorPathProperty().get());
        assertEquals(fmnist.space(), inputs.spaceProperty().get());
        assertEquals(1, inputs.spaceProperty().get().inputChannels());
        assertEquals("fashion-mnist", settings.project().orElseThrow());
        // No lookup tables of its own: the shipped boards price its space, and no ImageNet markers.
        assertEquals(List.of("fast", "slow"), sourceIds());
        assertEquals(List.of(), pareto.referenceNetsProperty().get());
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
    }

    @Test
    void startOpensTheRememberedProjectAndSweepsIt() throws Exception {
        ProjectViewModel vm = startedOnImageNet();
        Project imagenet = BuiltInProjects.load(BuiltInProjects.IMAGENET);
        assertEquals(imagenet, vm.currentProperty().get());
        assertEquals(imagenet.predictor(), inputs.predictorPathProperty().get());
        assertEquals(imagenet.space(), inputs.spaceProperty().get());
        assertEquals("imagenet", settings.project().orElseThrow());
        // The project's Note10 table joins the two shipped fakes, unchecked.
        assertEquals(List.of("fast", "slow", imagenet.latencyTables().get(0).toString()), sourceIds());
        assertEquals(List.of(true, true, false), inputs.sources().stream().map(s -> s.isEnabled()).toList());
        assertTrue(pareto.tableProperty().get().size() >= 100, "the chart fills without a click");
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
    }

    @Test
    void withoutAutoSweepOpeningDrawsNothing() {
        ProjectViewModel vm = new ProjectViewModel(inputs, pareto, dialogs, settings);
        vm.sweepOnOpenProperty().set(false);
        vm.start();
        assertNotNull(inputs.predictorProperty().get());
        assertEquals(0, pareto.tableProperty().get().size());
    }

    @Test
    void theRememberedFolderOpensAtStartUpAndAMissingOneFallsBackToTheDefault() throws Exception {
        Path dir = folderProject("Mine", 1.0);
        settings.setProject(dir.toString());
        ProjectViewModel vm = started();
        assertEquals("Mine", vm.currentProperty().get().name());
        assertEquals(3, vm.projects().size());
        assertEquals(1.0, inputs.spaceProperty().get().widthMult());

        settings.setProject(tmp.resolve("gone").toString());
        setUp();
        vm = started();
        assertEquals(BuiltInProjects.FASHION_MNIST, vm.currentProperty().get().id());
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
    }

    @Test
    void switchingReplacesThePreviousProjectsTablesAndSwitchingBackRestoresThem() throws Exception {
        ProjectViewModel vm = startedOnImageNet();
        List<String> imagenetSources = sourceIds();
        Path dir = folderProject("Mine", 1.0);
        vm.openFolder(dir);
        assertEquals(List.of("fast", "slow", dir.resolve("lut").toAbsolutePath().normalize().toString()), sourceIds());
        assertEquals("Mine", vm.currentProperty().get().name());
        assertEquals(dir.toAbsolutePath().normalize().toString(), settings.project().orElseThrow());
        vm.open(vm.projects().stream().filter(p -> p.id().equals(BuiltInProjects.IMAGENET)).findFirst().orElseThrow());
        assertEquals(imagenetSources, sourceIds());
        assertEquals(1.2, inputs.spaceProperty().get().widthMult());
    }

    @Test
    void aBrokenFolderShowsOneErrorAndChangesNothing() throws Exception {
        ProjectViewModel vm = startedOnImageNet();
        Project before = vm.currentProperty().get();
        List<String> sources = sourceIds();
        Path dir = folderProject("Broken", "\"wide\"");
        dialogs.answer(dir);
        vm.openFolder();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).problems().get(0).contains("field space: width_mult: expected a number"),
                dialogs.errors.get(0).problems().get(0));
        assertEquals(before, vm.currentProperty().get());
        assertEquals(sources, sourceIds());
        assertEquals(2, vm.projects().size());
    }

    @Test
    void switchingWhileTheLastProjectsSweepRunsCancelsItAndSweepsTheNewOne() throws Exception {
        QueuedTaskExecutor queue = new QueuedTaskExecutor();
        inputs = new InputsViewModel(Fakes.loaders(), dialogs, queue, settings);
        pareto = new ParetoViewModel(inputs, new Sweep(Fakes.randomSearch(10)), queue, dialogs);
        pareto.cloudSizeProperty().set(100);
        pareto.budgetCountProperty().set(1);
        inputs.loadShippedBoards();
        settings.setProject(BuiltInProjects.IMAGENET);
        ProjectViewModel vm = new ProjectViewModel(inputs, pareto, dialogs, settings);
        vm.start();
        queue.run(0); // ImageNet opens; its sweep starts and is still running
        assertTrue(pareto.runningProperty().get());
        vm.openFolder(folderProject("Mine", 1.0));
        queue.run(1); // the folder is read...
        queue.run(1); // ...and opened while the ImageNet sweep runs
        assertEquals("Mine", vm.currentProperty().get().name());
        queue.run(0); // the ImageNet sweep ends cancelled; the folder project's sweep starts
        assertEquals(1, queue.size());
        queue.run(0);
        assertEquals(1.0, pareto.resultSpaceProperty().get().widthMult());
        assertTrue(pareto.tableProperty().get().size() >= 100);
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
    }

    @Test
    void theAboutTextCarriesEachProjectsNotice() throws Exception {
        String text = AboutText.of("1.0", BuiltInProjects.available());
        assertTrue(text.startsWith("OFA Studio 1.0"), text);
        assertTrue(text.contains("ImageNet (official OFA predictor): The ImageNet accuracy predictor"), text);
        assertTrue(text.contains("MIT License, Copyright (c) 2021 Han Cai"), text);
    }

    @Test
    void aProjectOnOtherDataHidesTheImageNetReferences() throws Exception {
        Path dir = tmp.resolve("fmnist");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("acc.predictor"), "fake loaders do not read it");
        var space = dev.ofastudio.engine.space.SearchSpace.mobileNetV3(1.0).withResolutions(List.of(160, 176, 192))
                .withNumClasses(10).withInputChannels(1);
        Files.writeString(dir.resolve("project.json"), "{\"format\": \"ofa-studio-project\", \"version\": 1, "
                + "\"name\": \"Grey\", \"space\": " + dev.ofastudio.engine.space.SearchSpaces.toJson(space)
                + ", \"predictor\": \"acc.predictor\", \"boards\": [\"kv260\"]}");
        var standard = dev.ofastudio.engine.study.ReferenceNet.standard();
        pareto.referenceNetsProperty().set(standard);
        pareto.referencesProperty().set(dev.ofastudio.engine.study.ReferenceMarkers.evaluate(standard,
                List.of(dev.ofastudio.engine.study.LatencySources.shipped("kv260"))));
        ProjectViewModel vm = new ProjectViewModel(inputs, pareto, dialogs, settings);
        vm.openFolder(dir);
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
        assertEquals("Grey", vm.currentProperty().get().name());
        assertEquals(space, inputs.spaceProperty().get());
        assertEquals(List.of(), pareto.referenceNetsProperty().get());
        assertTrue(pareto.referencesProperty().get().nets().isEmpty(), "no ImageNet markers after the sweep");
        assertTrue(pareto.tableProperty().get().size() > 0, "the project still sweeps");
    }

    @Test
    void theSwitchGuardDecidesWhetherAndWhenTheProjectSwitchesButNotStartUp() throws Exception {
        settings.setProject(BuiltInProjects.IMAGENET);
        ProjectViewModel vm = new ProjectViewModel(inputs, pareto, dialogs, settings);
        List<Project> guarded = new ArrayList<>();
        List<Runnable> switches = new ArrayList<>();
        vm.guardSwitch((p, go) -> {
            guarded.add(p);
            switches.add(go);
        });
        vm.start();
        assertEquals(BuiltInProjects.IMAGENET, vm.currentProperty().get().id(), "start-up opens without the guard");
        assertTrue(guarded.isEmpty());
        List<String> sources = sourceIds();

        vm.openFolder(FolderProjects.write(tmp.resolve("grey"), "Grey", FolderProjects.GREY));
        assertEquals(List.of("Grey"), guarded.stream().map(Project::name).toList());
        assertEquals(BuiltInProjects.IMAGENET, vm.currentProperty().get().id(), "held by the guard");
        assertEquals(sources, sourceIds());
        switches.get(0).run();
        assertEquals("Grey", vm.currentProperty().get().name());
        assertEquals(FolderProjects.GREY, inputs.spaceProperty().get());
    }

    @Test
    void showAsCurrentMakesAProjectTheOpenOneWithoutLoadingOrSweeping() throws Exception {
        ProjectViewModel vm = started();
        var table = pareto.tableProperty().get();
        var predictor = inputs.predictorProperty().get();
        var space = inputs.spaceProperty().get();
        Path dir = FolderProjects.write(tmp.resolve("grey"), "Grey", FolderProjects.GREY);
        Project grey = inputs.loaders().openProject(dir.toString());
        // A workspace brings the project's table along with its other sources.
        inputs.addSource(inputs.loaders().loadLatency(grey.latencyTables().get(0)), false);

        vm.showAsCurrent(grey);
        assertEquals(grey, vm.currentProperty().get());
        assertTrue(vm.projects().contains(grey));
        assertEquals(FolderProjects.id(dir), settings.project().orElseThrow());
        assertSame(table, pareto.tableProperty().get(), "no sweep");
        assertSame(predictor, inputs.predictorProperty().get(), "nothing loaded");
        assertEquals(space, inputs.spaceProperty().get(), "the space is the workspace's to set");
        assertFalse(vm.settingUpProperty().get());

        // Its table is the project's: switching back to ImageNet replaces it.
        String lut = FolderProjects.id(dir.resolve("lut"));
        assertTrue(sourceIds().contains(lut));
        vm.open(vm.projects().get(0));
        assertFalse(sourceIds().contains(lut));

        vm.showAsCurrent(null);
        assertNull(vm.currentProperty().get(), "no project open");
    }
}
