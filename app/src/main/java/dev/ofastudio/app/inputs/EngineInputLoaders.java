package dev.ofastudio.app.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.latency.profile.FpgaProfile;
import dev.ofastudio.engine.latency.profile.FpgaProfiles;
import dev.ofastudio.engine.latency.profile.ProfileLatencyModel;
import dev.ofastudio.engine.arch.reference.ReferenceNetworks;
import dev.ofastudio.engine.latency.LutLatencyModel;
import dev.ofastudio.engine.latency.dpu.BoardSpec;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.predict.OfficialAccuracyPredictor;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The studio's loaders: the engine's own readers for predictors, board profiles and lookup tables. */
public final class EngineInputLoaders implements InputLoaders {
    /**
     * Reference networks for the chart's markers with their published ImageNet top-1 (%):
     * MobileNetV1 and V2 from their papers (Howard et al. 2017, Table 8; Sandler et al. 2018,
     * Table 4), ResNet-18 from torchvision's model card.
     */
    private static final Object[][] REFERENCES = {
        {"mobilenetv1", "MobileNetV1", 70.6},
        {"mobilenetv2", "MobileNetV2", 72.0},
        {"resnet18", "ResNet-18", 69.76},
    };

    @Override
    public AccuracyPredictor loadPredictor(Path file) throws OfaException {
        return OfficialAccuracyPredictor.load(file);
    }

    @Override
    public LatencySource loadLatency(Path fileOrFolder) throws OfaException {
        Path p = fileOrFolder.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new OfaException(p + ": not found (expected a JSON board profile, a CSV table or a folder of "
                    + "OFA <r>_lookup_table.yaml files)");
        }
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isDirectory(p) && name.endsWith(".json")) {
            JsonNode json = Json.read(p);
            String format = json.path("format").asText("");
            if (FpgaProfile.FORMAT.equals(format)) {
                FpgaProfile profile = FpgaProfiles.fromJson(json, p.toString());
                return new LatencySource(p.toString(), profile.board().id().toUpperCase(Locale.ROOT) + " ("
                        + p.getFileName() + ")", LatencySource.Kind.FILE, p,
                        new ProfileLatencyModel(profile, p.getFileName().toString()));
            }
            if (BoardSpecs.FORMAT.equals(format)) {
                BoardSpec spec = BoardSpecs.fromJson(json, p.toString());
                return new LatencySource(p.toString(), spec.id().toUpperCase(Locale.ROOT) + " model ("
                        + p.getFileName() + ")", LatencySource.Kind.FILE, p, new DpuLatencyModel(spec));
            }
            throw OfaException.inFile(p, "format", "\"" + FpgaProfile.FORMAT + "\" (a board profile) or \""
                    + BoardSpecs.FORMAT + "\" (a board spec for the DPU model)", format.isEmpty() ? "nothing"
                    : "\"" + format + "\"");
        }
        LutLatencyModel lut = LutLatencyModel.load(p);
        return new LatencySource(p.toString(), "LUT " + p.getFileName(), LatencySource.Kind.FILE, p, lut);
    }

    @Override
    public List<LatencySource> shippedBoards() throws OfaException {
        List<LatencySource> out = new ArrayList<>();
        for (String id : BoardSpecs.SHIPPED) {
            out.add(new LatencySource(id, id.toUpperCase(Locale.ROOT), LatencySource.Kind.SHIPPED, null, shipped(id)));
        }
        return out;
    }

    /** The board's committed profile when the engine ships one, else the analytic DPU model of the board. */
    private static dev.ofastudio.engine.latency.LatencyModel shipped(String id) throws OfaException {
        try {
            return new ProfileLatencyModel(FpgaProfiles.shipped(id), id);
        } catch (OfaException noProfile) {
            return new DpuLatencyModel(BoardSpecs.load(id));
        }
    }

    @Override
    public List<ReferenceNet> referenceNets() {
        List<ReferenceNet> out = new ArrayList<>();
        for (Object[] r : REFERENCES) {
            try {
                out.add(new ReferenceNet((String) r[1], (Double) r[2],
                        ReferenceNetworks.describe((String) r[0], 1.0, 224)));
            } catch (OfaException e) {
                throw new IllegalStateException("reference network " + r[0] + " cannot be described", e);
            }
        }
        return out;
    }

    @Override
    public List<Project> builtInProjects() throws OfaException {
        return BuiltInProjects.available();
    }

    @Override
    public Project openProject(String idOrFolder) throws OfaException {
        return BuiltInProjects.resolve(idOrFolder);
    }
}
