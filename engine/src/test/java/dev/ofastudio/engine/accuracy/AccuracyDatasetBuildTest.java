package dev.ofastudio.engine.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.data.Dataset;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.testing.TinyDatasets;
import dev.ofastudio.engine.testing.TinyRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ofa dataset build}'s engine on a tiny run: rows, resume after a kill or cancel, refusals. */
class AccuracyDatasetBuildTest {
    static final int N = 6;
    static final int HOLDOUT = 40;

    @TempDir
    static Path shared;
    static Path runDir;
    static Dataset data;
    static SupernetSource source;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeRun() throws Exception {
        Path d = TinyDatasets.fashionMnist(shared.resolve("data"), 160, 20, 5);
        runDir = TinyRuns.run(shared.resolve("run"), d, HOLDOUT);
        source = SupernetSource.open(runDir);
        data = Dataset.open(d, 28);
    }

    static AccuracyDatasetBuilder builder(long seed, int workers) throws OfaException {
        return new AccuracyDatasetBuilder(source, data, new AccuracyDatasetBuilder.Options(N, seed, List.of(24, 28),
                HOLDOUT, 20, workers, 1));
    }

    private static Map<Integer, AccuracyRow> byIndex(List<AccuracyRow> rows) {
        Map<Integer, AccuracyRow> m = new HashMap<>();
        for (AccuracyRow r : rows) {
            assertTrue(m.put(r.index(), r) == null, "index " + r.index() + " twice");
        }
        return m;
    }

    @Test
    void runFolderGivesTheTrainersHoldoutAndTheSupernet() {
        assertEquals(HOLDOUT, source.holdoutImages());
        assertEquals(160, source.trainImages());
        assertEquals(TinyRuns.SPACE, source.space());
        assertEquals(2000, source.calibImages(), "the fashion-mnist preset's");
        assertEquals(64, source.sha256().length());
    }

    @Test
    void planIsSeededDistinctArchitecturesAtEveryResolution() throws Exception {
        List<SubnetConfig> a = SamplePlan.of(TinyRuns.SPACE, List.of(24, 28), 10, 3);
        assertEquals(a, SamplePlan.of(TinyRuns.SPACE, List.of(24, 28), 10, 3));
        assertEquals(a.subList(0, 6), SamplePlan.of(TinyRuns.SPACE, List.of(24, 28), 6, 3), "a longer plan extends a shorter");
        Set<SubnetConfig> archs = new HashSet<>();
        for (int i = 0; i < a.size(); i += 2) {
            assertEquals(24, a.get(i).r());
            assertEquals(a.get(i).withResolution(28), a.get(i + 1));
            assertTrue(archs.add(a.get(i)));
            TinyRuns.SPACE.validate(a.get(i));
        }
        assertTrue(!a.equals(SamplePlan.of(TinyRuns.SPACE, List.of(24, 28), 10, 4)));
    }

    @Test
    void writesNRowsOfThePlanWithMacsFromTheSpace() throws Exception {
        Path out = tmp.resolve("acc.csv");
        AccuracyDatasetBuilder b = builder(0, 1);
        AccuracyDatasetBuilder.Summary s = b.build(out, ProgressListener.NONE, Cancellation.NEVER);
        assertEquals(N, s.rows());
        assertEquals(N, s.evaluated());
        AccuracyDatasetFile.Content c = AccuracyDatasetFile.read(out);
        assertFalse(c.tornLastLine());
        assertEquals(AccuracyDatasetFile.FORMAT, c.header().get("format").asText());
        assertEquals(N, c.header().get("n").asInt());
        Map<Integer, AccuracyRow> rows = byIndex(c.rows());
        assertEquals(N, rows.size());
        for (int i = 0; i < N; i++) {
            AccuracyRow r = rows.get(i);
            assertEquals(b.plan().get(i), r.config());
            assertEquals(TinyRuns.SPACE.describe(r.config()).macs(), r.macs());
            assertEquals(TinyRuns.SPACE.describe(r.config()).params(), r.params());
            assertEquals(HOLDOUT, r.images());
            assertTrue(r.top1() >= 0 && r.top1() <= 1);
            // top-1 is a count of correct holdout images
            assertEquals(Math.round(r.top1() * HOLDOUT), r.top1() * HOLDOUT, 1e-9);
        }
    }

    @Test
    void resumesAfterATornLastLineWithoutDuplicatesAndWithTheSameAccuracies() throws Exception {
        Path out = tmp.resolve("acc.csv");
        builder(0, 1).build(out, ProgressListener.NONE, Cancellation.NEVER);
        Map<Integer, AccuracyRow> full = byIndex(AccuracyDatasetFile.read(out).rows());
        // What a kill leaves: three complete rows and half of the fourth.
        List<String> lines = Files.readAllLines(out);
        String torn = lines.get(5).substring(0, lines.get(5).length() / 2);
        Files.writeString(out, String.join("\n", lines.subList(0, 5)) + "\n" + torn, StandardCharsets.UTF_8);
        AccuracyDatasetFile.Content cut = AccuracyDatasetFile.read(out);
        assertTrue(cut.tornLastLine());
        assertEquals(3, cut.rows().size());

        AccuracyDatasetBuilder.Summary s = builder(0, 1).build(out, ProgressListener.NONE, Cancellation.NEVER);
        assertTrue(s.tornLineDropped());
        assertEquals(3, s.skipped());
        assertEquals(3, s.evaluated());
        AccuracyDatasetFile.Content after = AccuracyDatasetFile.read(out);
        assertFalse(after.tornLastLine());
        Map<Integer, AccuracyRow> resumed = byIndex(after.rows());
        assertEquals(N, resumed.size());
        for (int i = 0; i < N; i++) {
            assertEquals(full.get(i).top1(), resumed.get(i).top1(), "recalibration is seeded: row " + i);
        }
        assertEquals(N + 2, Files.readAllLines(out).size());
    }

    @Test
    void cancelStopsAfterTheRowInFlightAndTwoWorkersFinishTheSameRows() throws Exception {
        Path out = tmp.resolve("acc.csv");
        Cancellation cancel = new Cancellation();
        assertThrows(Cancellation.CancelledException.class, () -> builder(0, 1).build(out,
                (done, total, msg) -> {
                    if (done >= 1) {
                        cancel.cancel();
                    }
                }, cancel));
        int kept = AccuracyDatasetFile.read(out).rows().size();
        assertTrue(kept >= 1 && kept < N, kept + " rows");
        AccuracyDatasetBuilder.Summary s = builder(0, 2).build(out, ProgressListener.NONE, Cancellation.NEVER);
        assertEquals(kept, s.skipped());
        assertEquals(N, byIndex(AccuracyDatasetFile.read(out).rows()).size());
    }

    @Test
    void refusesAFileOfAnotherBuildAndChangesNothing() throws Exception {
        Path out = tmp.resolve("acc.csv");
        builder(0, 1).build(out, ProgressListener.NONE, Cancellation.NEVER);
        byte[] before = Files.readAllBytes(out);
        OfaException e = assertThrows(OfaException.class,
                () -> builder(1, 1).build(out, ProgressListener.NONE, Cancellation.NEVER));
        assertTrue(e.getMessage().contains("field seed") && e.getMessage().contains(out.toString()), e.getMessage());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(out));

        Path foreign = Files.writeString(tmp.resolve("mine.csv"), "a,b\n1,2\n");
        OfaException f = assertThrows(OfaException.class,
                () -> builder(0, 1).build(foreign, ProgressListener.NONE, Cancellation.NEVER));
        assertTrue(f.getMessage().contains("line 1"), f.getMessage());
        assertEquals("a,b\n1,2\n", Files.readString(foreign));
    }

    @Test
    void aDamagedRowInsideTheFileIsAnErrorNamingItsLine() throws Exception {
        Path out = tmp.resolve("acc.csv");
        builder(0, 1).build(out, ProgressListener.NONE, Cancellation.NEVER);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(out));
        lines.set(3, lines.get(3).replace(',', ';'));
        Files.writeString(out, String.join("\n", lines) + "\n");
        OfaException e = assertThrows(OfaException.class, () -> AccuracyDatasetFile.read(out));
        assertTrue(e.getMessage().startsWith(out + ": line 4: expected 11 comma-separated fields"), e.getMessage());
    }

    @Test
    void theRowListenerHearsEachWrittenRowOnceWithTheFilesCount() throws Exception {
        Path out = tmp.resolve("acc.csv");
        List<AccuracyRow> heard = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Set<Integer> counts = java.util.Collections.synchronizedSet(new HashSet<>());
        builder(0, 2).build(out, ProgressListener.NONE, (row, done, total, eta) -> {
            heard.add(row);
            counts.add(done);
            assertEquals(N, total);
            assertTrue(eta >= 0, "eta " + eta);
        }, Cancellation.NEVER);
        assertEquals(byIndex(AccuracyDatasetFile.read(out).rows()), byIndex(heard), "the rows in the file, each once");
        assertEquals(Set.of(1, 2, 3, 4, 5, 6), counts);
    }

    @Test
    void aSpecOnARunFolderTakesTheRunsDataHoldoutAndCalibration() throws Exception {
        DatasetBuildSpec spec = new DatasetBuildSpec(runDir, null, N, 0, List.of(24, 28), null, null, 1, 1);
        DatasetBuildSpec.Prepared p = spec.prepare();
        assertEquals(HOLDOUT, p.holdoutImages());
        assertEquals(2000, p.calibImages(), "the fashion-mnist preset's");
        assertEquals(data.root().toAbsolutePath(), p.data().toAbsolutePath(), "run.json's data folder");
        assertEquals(builder(0, 1).plan(), p.builder().plan());
        assertTrue(p.describe().contains(N + " sub-networks at r [24, 28] on " + HOLDOUT + " holdout images"),
                p.describe());
        OfaException e = assertThrows(OfaException.class, () -> new DatasetBuildSpec(runDir, null, N, 0, List.of(),
                HOLDOUT + 1, null, 1, 1).prepare());
        assertTrue(e.getMessage().startsWith("option --holdout: expected the run's holdout_images " + HOLDOUT),
                e.getMessage());
    }

    @Test
    void aStoppedBuildIsContinuedFromItsFileAlone() throws Exception {
        Path out = tmp.resolve("acc.csv");
        Cancellation cancel = new Cancellation();
        DatasetBuildSpec first = new DatasetBuildSpec(runDir, null, N, 3, List.of(28), null, 20, 1, 1);
        assertThrows(Cancellation.CancelledException.class, () -> first.prepare().builder().build(out,
                ProgressListener.NONE, (row, done, total, eta) -> cancel.cancel(), cancel));
        AccuracyDatasetFile.Content stopped = AccuracyDatasetFile.read(out);
        assertEquals(1, stopped.rows().size());

        DatasetBuildSpec again = DatasetBuildSpec.continuing(stopped);
        assertEquals(source.file().toAbsolutePath(), again.supernet());
        assertEquals(data.root().toAbsolutePath(), again.data());
        assertEquals(List.of(N, 3L, List.of(28), HOLDOUT, 20), List.of(again.n(), again.seed(), again.resolutions(),
                again.holdout(), again.calibImages()));
        AccuracyDatasetBuilder.Summary s = again.withWorkers(1, 1).prepare().builder().build(out,
                ProgressListener.NONE, Cancellation.NEVER);
        assertEquals(1, s.skipped(), "the header matched: the row was kept");
        assertEquals(N, byIndex(AccuracyDatasetFile.read(out).rows()).size());
    }

    @Test
    void aHeaderWithoutAFieldCannotBeContinuedAndSaysWhichField() throws Exception {
        Path out = tmp.resolve("acc.csv");
        builder(0, 1).build(out, ProgressListener.NONE, Cancellation.NEVER);
        AccuracyDatasetFile.Content c = AccuracyDatasetFile.read(out);
        c.header().remove("calib_images");
        OfaException e = assertThrows(OfaException.class, () -> DatasetBuildSpec.continuing(c));
        assertEquals(out + ": line 1: field calib_images: expected a positive whole number, found nothing",
                e.getMessage());
    }
}
