package dev.ofastudio.engine.latency.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.measure.Measurement;
import dev.ofastudio.engine.latency.measure.Measurement.Kind;
import dev.ofastudio.engine.latency.measure.MeasurementImporter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Importers of real measurement formats, on small synthetic fixtures in test resources. */
class ProfileImportTest {
    static Path fixture(String name) {
        try {
            return Path.of(ProfileImportTest.class.getResource("/dev/ofastudio/engine/latency/measure/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sumsVaitraceJsonSubgraphAverages() throws OfaException {
        List<Measurement> m = MeasurementImporter.importArgument("mobilenetv2_1.0_224=" + fixture("vaitrace_summary.json"));
        assertEquals(1, m.size());
        assertEquals(Kind.DPU, m.get(0).kind());
        assertEquals(2.5, m.get(0).measuredMs(), 1e-12);
        assertEquals("mobilenetv2_1.0_224", m.get(0).network());
    }

    @Test
    void sumsTheVaitraceTextSummaryOverSubgraphsAndAveragesTheCores() throws OfaException {
        List<Measurement> m = MeasurementImporter.importArgument("resnet50=" + fixture("vaitrace_summary.txt"));
        assertEquals(1, m.size());
        assertEquals(Kind.DPU, m.get(0).kind());
        // HW_RT (the hardware counter) summed per core: 12.0 and 12.4 ms, averaged.
        assertEquals(12.2, m.get(0).measuredMs(), 1e-12);
        Measurement.TraceFigures t = m.get(0).trace();
        assertEquals(7.7, t.workloadGop(), 1e-12);
        assertEquals(25.0, t.weightsMb(), 1e-12);
        assertEquals(10.0, t.featureLoadMb(), 1e-12);
        assertEquals(3.0, t.featureStoreMb(), 1e-12);
        assertTrue(m.get(0).source().contains("text summary"));
    }

    @Test
    void textSummaryWithoutARunTimeColumnNamesTheFileAndTheColumn(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path f = dir.resolve("t.txt");
        java.nio.file.Files.writeString(f, "DPU Summary:\n| DPU Id | Bat | DPU SubGraph | WL |\n| a | 1 | s | 2.0 |\n");
        OfaException e = assertThrows(OfaException.class, () -> MeasurementImporter.importArgument("resnet50=" + f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("HW_RT"), e.getMessage());
        java.nio.file.Files.writeString(f, "DPU Summary:\n| DPU Id | HW_RT |\n| a | fast |\n");
        OfaException bad = assertThrows(OfaException.class, () -> MeasurementImporter.importArgument("resnet50=" + f));
        assertTrue(bad.getMessage().contains("line 3") && bad.getMessage().contains("HW_RT"), bad.getMessage());
    }

    @Test
    void sumsProfileSummaryDpuKernels() throws OfaException {
        List<Measurement> m = MeasurementImporter.importArgument("resnet50=" + fixture("profile_summary.csv"));
        assertEquals(List.of(new Measurement("resnet50", Kind.DPU, 2.6, m.get(0).source())), m);
    }

    @Test
    void readsBenchmarkMeansInMicroseconds() throws OfaException {
        List<Measurement> m = MeasurementImporter.importArgument("mobilenetv2=" + fixture("benchmark.log"));
        assertEquals(2, m.size());
        assertEquals(3.3738, m.stream().filter(x -> x.kind() == Kind.E2E).findFirst().orElseThrow().measuredMs(), 1e-12);
        assertEquals(2.7012, m.stream().filter(x -> x.kind() == Kind.DPU).findFirst().orElseThrow().measuredMs(), 1e-12);
    }

    @Test
    void readsACsvOfNetworksAndMeasuredMilliseconds() throws OfaException {
        List<Measurement> m = MeasurementImporter.importArgument(fixture("measured.csv").toString());
        assertEquals(3, m.size());
        assertEquals("resnet50", m.get(1).network());
        assertEquals(13.9, m.get(1).measuredMs());
        assertEquals(Kind.E2E, m.get(1).kind());
        assertEquals(Kind.DPU, m.get(2).kind());
    }

    @ParameterizedTest
    @CsvSource({
        "vaitrace_bad.json, avg_time",
        "profile_summary_bad.csv, Average Time",
        "measured_bad.csv, measured_ms"
    })
    void rejectsMalformedFilesNamingTheField(String file, String field) {
        String arg = file.startsWith("measured") ? fixture(file).toString() : "resnet50=" + fixture(file);
        OfaException e = assertThrows(OfaException.class, () -> MeasurementImporter.importArgument(arg));
        assertTrue(e.getMessage().contains(file) && e.getMessage().contains(field), e.getMessage());
    }

    @Test
    void rejectsBrokenJsonAndSingleNetworkFilesWithoutANetworkName(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("trace.json");
        Files.writeString(broken, "{\"dpu\": {\"profiling\": [");
        OfaException e = assertThrows(OfaException.class, () -> MeasurementImporter.importArgument("resnet50=" + broken));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        OfaException unnamed = assertThrows(OfaException.class,
                () -> MeasurementImporter.importArgument(fixture("benchmark.log").toString()));
        assertTrue(unnamed.getMessage().contains("NETWORK="), unnamed.getMessage());
        Path headerless = dir.resolve("m.csv");
        Files.writeString(headerless, "net;ms\nresnet50;12\n");
        OfaException csv = assertThrows(OfaException.class, () -> MeasurementImporter.importArgument(headerless.toString()));
        assertTrue(csv.getMessage().contains("network,measured_ms"), csv.getMessage());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "  \n");
        assertThrows(OfaException.class, () -> MeasurementImporter.importArgument(empty.toString()));
        assertThrows(OfaException.class, () -> MeasurementImporter.importArgument(dir.resolve("absent.csv").toString()));
    }
}
