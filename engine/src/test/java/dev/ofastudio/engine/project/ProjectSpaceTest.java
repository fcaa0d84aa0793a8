package dev.ofastudio.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.profile.FpgaProfiles;
import dev.ofastudio.engine.latency.profile.ProfileGenerator;
import dev.ofastudio.engine.latency.profile.ProfileLatencyModel;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.LatencySources;
import dev.ofastudio.engine.testing.TinyProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project whose space is not ImageNet's: its boards, its own profiles, its supernet, its references. */
class ProjectSpaceTest {
    static final SearchSpace FMNIST = TinyProjects.fashionMnistSpace();

    @TempDir
    Path tmp;

    @Test
    void theBoardsPriceTheProjectsOwnSpaceWithTheStudiosFigures() throws Exception {
        Project p = BuiltInProjects.resolve(TinyProjects.fashionMnist(tmp.resolve("p")).toString());
        List<LatencySource> boards = p.boardSources();
        assertEquals(List.of("zcu102", "kv260"), boards.stream().map(LatencySource::id).toList());
        Random rng = new Random(5);
        for (int r : FMNIST.resolutions()) {
            NetworkDescription net = FMNIST.describe(FMNIST.sample(rng, r));
            for (LatencySource b : boards) {
                double ms = b.model().latencyMs(net);
                assertTrue(ms > 0, b.id() + " r" + r);
                // One computation: the same figure as the studio's and the CLI's shipped board.
                assertEquals(LatencySources.shipped(b.id()).model().latencyMs(net), ms, 0.0);
            }
            assertEquals(boards.get(0).model().latencyMs(net), p.loadDefaultLatency().latencyMs(net), 0.0);
        }
    }

    @Test
    void aProfileTheProjectShipsPricesItsBoardAndTheOthersStayTheModel() throws Exception {
        Path dir = tmp.resolve("p");
        Files.createDirectories(dir);
        FpgaProfiles.write(dir.resolve("zcu102-fmnist.json"),
                ProfileGenerator.generate(BoardSpecs.load("zcu102"), "test", FMNIST));
        TinyProjects.write(dir, FMNIST, j -> j.putArray("profiles").add("zcu102-fmnist.json"));
        Project p = BuiltInProjects.resolve(dir.toString());
        assertEquals(List.of(dir.resolve("zcu102-fmnist.json").toAbsolutePath().normalize()), p.profiles());
        LatencySource zcu = p.board("zcu102");
        assertInstanceOf(ProfileLatencyModel.class, zcu.model());
        assertEquals(LatencySources.shipped("kv260").model().name(), p.board("kv260").model().name());
        Random rng = new Random(6);
        for (int i = 0; i < 20; i++) {
            NetworkDescription net = FMNIST.describe(FMNIST.sample(rng));
            // The profile is the model tabulated at 1 ns per layer.
            assertEquals(LatencySources.shipped("zcu102").model().latencyMs(net), zcu.model().latencyMs(net), 1e-4);
        }
    }

    @Test
    void aProfilesFieldThatNamesNoProfileIsOneLineNamingTheField() throws Exception {
        Path dir = tmp.resolve("p");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bad.json"), "{\"format\": \"ofa-studio-board\"}");
        TinyProjects.write(dir, FMNIST, j -> j.putArray("profiles").add("bad.json"));
        OfaException e = assertThrows(OfaException.class, () -> BuiltInProjects.resolve(dir.toString()).boardSources());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        TinyProjects.write(dir, FMNIST, j -> j.putArray("profiles").add("missing.json"));
        e = assertThrows(OfaException.class, () -> BuiltInProjects.resolve(dir.toString()));
        assertTrue(e.getMessage().contains("field profiles[0]: expected an existing file"), e.getMessage());
    }

    @Test
    void theSupernetFieldIsOptionalAndChecked() throws Exception {
        Path dir = TinyProjects.fashionMnist(tmp.resolve("p"));
        assertTrue(BuiltInProjects.resolve(dir.toString()).supernetFile().isEmpty());
        TinyProjects.write(dir, FMNIST, j -> j.put("supernet", "supernet-fp16.ofa"));
        OfaException e = assertThrows(OfaException.class, () -> BuiltInProjects.resolve(dir.toString()));
        assertTrue(e.getMessage().contains("field supernet: expected an existing file"), e.getMessage());
        Files.writeString(dir.resolve("supernet-fp16.ofa"), "weights");
        assertEquals(dir.resolve("supernet-fp16.ofa").toAbsolutePath().normalize(),
                BuiltInProjects.resolve(dir.toString()).supernet());
        TinyProjects.write(dir, FMNIST, j -> j.put("supernet", "../outside.ofa"));
        e = assertThrows(OfaException.class, () -> BuiltInProjects.resolve(dir.toString()));
        assertTrue(e.getMessage().contains("field supernet: expected a file name inside the project folder"),
                e.getMessage());
    }

    @Test
    void imageNetReferencesApplyToImageNetShapedSpacesUnlessTheProjectSays() throws Exception {
        assertFalse(BuiltInProjects.resolve(TinyProjects.fashionMnist(tmp.resolve("f")).toString())
                .comparesToImageNet());
        assertTrue(BuiltInProjects.load(BuiltInProjects.IMAGENET).comparesToImageNet());
        Path dir = TinyProjects.write(tmp.resolve("i"), SearchSpace.mobileNetV3(1.0), j -> { });
        assertTrue(BuiltInProjects.resolve(dir.toString()).comparesToImageNet());
        TinyProjects.write(dir, SearchSpace.mobileNetV3(1.0), j -> j.put("reference_nets", "none"));
        assertEquals(Project.ReferenceNets.NONE, BuiltInProjects.resolve(dir.toString()).referenceNets());
        TinyProjects.write(dir, FMNIST, j -> j.put("reference_nets", "imagenet"));
        assertTrue(BuiltInProjects.resolve(dir.toString()).comparesToImageNet());
        TinyProjects.write(dir, FMNIST, j -> j.put("reference_nets", "cifar"));
        OfaException e = assertThrows(OfaException.class, () -> BuiltInProjects.resolve(dir.toString()));
        assertTrue(e.getMessage().contains("field reference_nets: expected \"imagenet\" or \"none\", found \"cifar\""),
                e.getMessage());
    }
}
