package dev.ofastudio.app.workspace;

import static dev.ofastudio.app.workspace.SameResults.assertSameResults;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.app.Studio;
import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.BuiltIn;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.app.testing.FolderProjects;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.project.Project;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.ReferenceNet;
import dev.ofastudio.engine.study.ResultTable;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceViewModelTest {
    @TempDir
    Path tmp;
    private final FakeDialogService dialogs = new FakeDialogService();
    private Studio studio;

    private Studio newStudio() throws Exception {
        return newStudio(BuiltIn.openingImageNet());
    }

    /** A started studio on the ImageNet project, swept (a small cloud), with ImageNet's reference markers. */
    private Studio newStudio(MemorySettings settings) throws Exception {
        Studio s = new Studio(Fakes.loaders(ReferenceNet.standard()), dialogs, new ImmediateTaskExecutor(), settings,
                Fakes.randomSearch(20), BoardAnalyzer.dpuModels("zcu102"));
        s.pareto().cloudSizeProperty().set(200);
        s.pareto().budgetCountProperty().set(1);
        s.start();
        if (!BuiltInProjects.IMAGENET.equals(s.project().currentProperty().get().id())) {
            s.project().open(BuiltIn.imagenet());
        }
        return s;
    }

    /** A started studio switched to a project folder on {@link FolderProjects#GREY} and swept; nothing to save. */
    private Studio greyStudio(Path dir) throws Exception {
        Studio s = newStudio();
        s.project().openFolder(FolderProjects.write(dir, "Grey", FolderProjects.GREY));
        assertEquals("Grey", s.project().currentProperty().get().name());
        assertFalse(s.workspace().dirtyProperty().get());
        return s;
    }

    private static boolean hasMarkers(Studio s) {
        return !s.pareto().referencesProperty().get().nets().isEmpty();
    }

    @BeforeEach
    void sweep() throws Exception {
        studio = newStudio();
        studio.inputs().loadPredictor(tmp.resolve("acc.pth"), p -> { });
        studio.inputs().loadLatency(tmp.resolve("my.csv"));
        studio.inputs().sources().get(1).enabledProperty().set(false);
        studio.pareto().cloudSizeProperty().set(300);
        studio.pareto().budgetCountProperty().set(2);
        studio.pareto().runSweep();
        studio.pareto().select(studio.pareto().front(0)[1]);
        studio.pareto().budgetMsProperty().set(4.5);
    }

    @Test
    void savedWorkspaceReopensInputsResultsBudgetAndSelection() throws Exception {
        Path f = tmp.resolve("s.ofaws.json");
        dialogs.answer(f);
        studio.workspace().save();
        Studio other = newStudio();
        dialogs.answer(f);
        other.workspace().open();
        assertTrue(dialogs.errors.isEmpty(), () -> dialogs.errors.toString());
        assertEquals(studio.inputs().sources().size(), other.inputs().sources().size());
        assertFalse(other.inputs().sources().get(1).isEnabled());
        assertEquals(studio.inputs().chosenProperty().get().source().id(),
                other.inputs().chosenProperty().get().source().id());
        assertEquals(studio.pareto().tableProperty().get().size(), other.pareto().tableProperty().get().size());
        assertEquals(studio.pareto().selectedProperty().get().config(), other.pareto().selectedProperty().get().config());
        assertEquals(4.5, other.pareto().budgetMsProperty().get());
        assertEquals(300, other.pareto().cloudSizeProperty().get());
        // The diagram follows the reopened selection too.
        assertEquals(studio.diagram().layoutProperty().get(), other.diagram().layoutProperty().get());
    }

    @Test
    void aWorkspaceOnAnotherDataSetReopensItsSpaceAndProjectWithoutImageNetMarkers() throws Exception {
        Path dir = tmp.resolve("grey");
        Studio grey = greyStudio(dir);
        assertFalse(hasMarkers(grey));
        grey.pareto().select(grey.pareto().front(0)[0]);
        Path f = tmp.resolve("grey.ofaws.json");
        grey.workspace().saveTo(f);
        MemorySettings settings = BuiltIn.openingImageNet();
        Studio other = newStudio(settings);
        assertTrue(hasMarkers(other), "ImageNet's markers before");

        other.workspace().openFrom(f);
        assertTrue(dialogs.errors.isEmpty(), () -> dialogs.errors.toString());
        assertEquals(FolderProjects.GREY, other.inputs().spaceProperty().get());
        assertTrue(other.inputs().spaces().contains(FolderProjects.GREY), "the space joins the list");
        assertEquals(FolderProjects.GREY, other.pareto().resultSpaceProperty().get());
        Project project = other.project().currentProperty().get();
        assertEquals(FolderProjects.id(dir), project.id());
        assertTrue(other.project().projects().contains(project), "the switcher lists it");
        assertEquals(project.id(), settings.project().orElseThrow(), "start-up reopens it");
        assertFalse(hasMarkers(other), "no ImageNet markers");
        assertEquals(List.of(), other.pareto().referenceNetsProperty().get(), "nor on the next sweep");
        // The workspace's results, not the project's own opening sweep.
        assertSameResults(grey.pareto().tableProperty().get(), other.pareto().tableProperty().get());
        assertFalse(other.project().settingUpProperty().get());
        assertFalse(other.workspace().dirtyProperty().get());
        assertEquals("Workspace opened", other.workspace().statusProperty().get());

        // The selection is priced on the shipped boards for the restored space, as the sweep priced it;
        // the reference space of the same width would price it otherwise.
        var selected = other.pareto().selectedProperty().get();
        assertEquals(grey.pareto().selectedProperty().get().config(), selected.config());
        ResultTable t = other.pareto().tableProperty().get();
        for (int b = 0; b < t.boards().size(); b++) {
            assertEquals(t.latency(b, selected.row()), selected.figures().get(b).latencyMs(), 1e-9);
        }
        LatencySource board = other.pareto().sweepBoards().get(0);
        assertEquals(LatencySource.Kind.SHIPPED, board.kind());
        assertNotEquals(selected.figures().get(0).latencyMs(),
                board.model().latencyMs(SearchSpace.mobileNetV3(1.0).describe(selected.config())), 1e-9);

        // The project's table counts as its own: switching to another project replaces it.
        String lut = FolderProjects.id(dir.resolve("lut"));
        assertTrue(other.inputs().find(lut).isPresent());
        other.project().open(BuiltIn.imagenet());
        assertTrue(other.inputs().find(lut).isEmpty(), "the Grey project's table went with it");
    }

    @Test
    void anImageNetWorkspaceBringsBackItsProjectAndMarkers() throws Exception {
        Studio imagenet = newStudio();
        Path f = tmp.resolve("imagenet.ofaws.json");
        imagenet.workspace().saveTo(f);
        Studio other = greyStudio(tmp.resolve("grey"));
        other.workspace().openFrom(f);
        assertTrue(dialogs.errors.isEmpty(), () -> dialogs.errors.toString());
        assertEquals(BuiltInProjects.IMAGENET, other.project().currentProperty().get().id());
        assertEquals(SearchSpace.mobileNetV3(1.2), other.inputs().spaceProperty().get());
        assertTrue(hasMarkers(other));
        assertEquals(imagenet.pareto().referencesProperty().get().names(),
                other.pareto().referencesProperty().get().names());
        assertEquals(ReferenceNet.standard(), other.pareto().referenceNetsProperty().get());
        assertSameResults(imagenet.pareto().tableProperty().get(), other.pareto().tableProperty().get());
    }

    @Test
    void aWorkspaceWhoseProjectIsGoneOpensOnItsOwnSpaceAndSaysSo() throws Exception {
        Path dir = tmp.resolve("grey");
        Studio grey = greyStudio(dir);
        Path f = tmp.resolve("grey.ofaws.json");
        grey.workspace().saveTo(f);
        Files.move(dir, tmp.resolve("moved"));
        Studio other = newStudio();
        other.workspace().openFrom(f);
        assertTrue(dialogs.errors.isEmpty(), () -> "not an error: " + dialogs.errors);
        assertEquals(FolderProjects.GREY, other.inputs().spaceProperty().get());
        assertNull(other.project().currentProperty().get(), "no project is open");
        String status = other.workspace().statusProperty().get();
        assertTrue(status.contains(FolderProjects.id(dir)) && status.contains("not found"), status);
        assertFalse(hasMarkers(other), "a grey, ten-class space is not ImageNet");
        assertSameResults(grey.pareto().tableProperty().get(), other.pareto().tableProperty().get());
        // Saved again, the workspace still names its project, to find it once it is back.
        Path again = tmp.resolve("again.ofaws.json");
        other.workspace().saveTo(again);
        assertEquals(FolderProjects.id(dir), WorkspaceFile.read(again).project());
    }

    @Test
    void aFileFromBeforeProjectsOpensAsBefore() throws Exception {
        Path f = tmp.resolve("old.ofaws.json");
        studio.workspace().saveTo(f);
        ObjectNode root = (ObjectNode) Json.read(f);
        root.remove(List.of("space", "project"));
        Files.writeString(f, root.toString());
        Studio other = greyStudio(tmp.resolve("grey"));
        Project grey = other.project().currentProperty().get();
        int spaces = other.inputs().spaces().size();

        other.workspace().openFrom(f);
        assertTrue(dialogs.errors.isEmpty(), () -> dialogs.errors.toString());
        assertEquals(SearchSpace.mobileNetV3(1.2), other.inputs().spaceProperty().get());
        assertEquals(spaces, other.inputs().spaces().size(), "the listed w1.2 space");
        assertEquals(grey, other.project().currentProperty().get(), "the open project stays");
        assertTrue(hasMarkers(other), "ImageNet's markers, as such files always had");
        assertSameResults(studio.pareto().tableProperty().get(), other.pareto().tableProperty().get());
        assertEquals(studio.pareto().selectedProperty().get().config(),
                other.pareto().selectedProperty().get().config());
    }

    @Test
    void aWorkspaceWhoseFilesAreGoneOpensNothing() throws Exception {
        Path f = tmp.resolve("s.ofaws.json");
        dialogs.answer(f);
        studio.workspace().save();
        Files.writeString(f, Files.readString(f).replace("my.csv", "broken.csv"));
        Studio other = newStudio();
        var before = other.pareto().tableProperty().get();
        dialogs.answer(f);
        other.workspace().open();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).problems().size() >= 2, "each problem on its own line");
        assertSame(before, other.pareto().tableProperty().get());
        // Unchanged: the two shipped fakes and the open project's table.
        assertEquals(3, other.inputs().sources().size());
    }
}
