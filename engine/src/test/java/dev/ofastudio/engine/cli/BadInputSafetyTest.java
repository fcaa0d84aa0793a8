package dev.ofastudio.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.io.BoundedFiles;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.pth.PthReader;
import dev.ofastudio.engine.latency.measure.MeasurementImporter;
import dev.ofastudio.engine.space.SearchSpaces;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import dev.ofastudio.engine.supernet.CheckpointFile;
import dev.ofastudio.engine.supernet.SubnetExport;
import dev.ofastudio.engine.supernet.SupernetFiles;
import dev.ofastudio.engine.testing.Golden;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs of issue 12: output folders the tool did not write, inputs that would fill the
 * heap, damaged checkpoint headers and messages that would span several lines.
 */
class BadInputSafetyTest {
    static final String PTH = Golden.golden("ofa_mbv3_w1.0_c10.pth").toString();
    static final String CONFIG = "{\"ks\":" + repeat(3, 20) + ",\"e\":" + repeat(3, 20) + ",\"d\":" + repeat(2, 5)
            + ",\"r\":32}";

    @TempDir
    Path tmp;

    private static String repeat(int v, int n) {
        String[] a = new String[n];
        Arrays.fill(a, String.valueOf(v));
        return "[" + String.join(",", a) + "]";
    }

    /** Exit 2, nothing on stdout, exactly one line on stderr containing every part. */
    private static void failsWithOneLine(CliRun r, String... parts) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().endsWith("\n"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "'" + p + "' in: " + r.err());
        }
    }

    // --- extract --out never deletes what it did not write ---

    @Test
    void extractRefusesAFolderWithForeignFilesAndLeavesThemAlone() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("work"));
        Path mine = Files.writeString(dir.resolve("thesis.tex"), "precious");
        CliRun r = CliRun.of("extract", "--checkpoint", PTH, "--config", CONFIG, "--out", dir.toString());
        failsWithOneLine(r, dir.toString(), "thesis.tex", "--force");
        assertEquals("precious", Files.readString(mine));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(mine), s.toList());
        }
    }

    @Test
    void extractWithForceAddsOurFilesAndKeepsTheOthers() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("work"));
        Path mine = Files.writeString(dir.resolve("notes.txt"), "keep me");
        CliRun r = CliRun.of("extract", "--checkpoint", PTH, "--config", CONFIG, "--out", dir.toString(), "--force");
        assertEquals(0, r.code(), r.err());
        assertEquals("keep me", Files.readString(mine));
        for (String f : List.of(SubnetExport.NET_CONFIG, SubnetExport.CONFIG, SubnetExport.WEIGHTS,
                SubnetExport.MARKER)) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
    }

    @Test
    void reExtractingIntoAnEarlierExtractReplacesOnlyOurFiles() throws Exception {
        Path dir = tmp.resolve("sub");
        assertEquals(0, CliRun.of("extract", "--checkpoint", PTH, "--config", CONFIG, "--out", dir.toString()).code());
        Path added = Files.writeString(dir.resolve("README.md"), "user's own");
        byte[] before = Files.readAllBytes(dir.resolve(SubnetExport.CONFIG));
        String other = CONFIG.replace("\"r\":32", "\"r\":48");
        CliRun r = CliRun.of("extract", "--checkpoint", PTH, "--config", other, "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("user's own", Files.readString(added));
        assertFalse(Arrays.equals(before, Files.readAllBytes(dir.resolve(SubnetExport.CONFIG))));
        assertEquals(48, Json.read(dir.resolve(SubnetExport.CONFIG)).get("r").asInt());
    }

    @Test
    void anEmptyFolderIsUsedAsIs() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        assertEquals(0, CliRun.of("extract", "--checkpoint", PTH, "--config", CONFIG, "--out", dir.toString()).code());
        assertTrue(Files.exists(dir.resolve(SubnetExport.MARKER)));
    }

    @Test
    void singleFileOutputsRefuseToReplaceADirectory() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("profile.json"));
        OfaException e = assertThrows(OfaException.class, () -> AtomicFiles.writeString(dir, "{}"));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(dir));
    }

    // --- bounded memory ---

    @Test
    void aZipEntryInflatingPastItsDeclaredSizeIsRefused() throws Exception {
        // data.pkl declares 1 KiB in the central directory but inflates to 16 MiB of zeros.
        Path bomb = tmp.resolve("bomb.pth");
        deflatedZip(bomb, "archive/data.pkl", new byte[16 << 20]);
        patchCentralSize(bomb, 1024);
        OfaException e = assertThrows(OfaException.class, () -> PthReader.read(bomb));
        assertTrue(e.getMessage().contains("inflates past its declared size of 1024 bytes"), e.getMessage());
    }

    @Test
    void aZipEntryDeclaringMoreThanTheLimitIsRefusedBeforeReading() throws Exception {
        Path big = tmp.resolve("big.pth");
        deflatedZip(big, "archive/data.pkl", new byte[4096]);
        patchCentralSize(big, 1_900_000_000L);
        OfaException e = assertThrows(OfaException.class, () -> PthReader.read(big));
        assertTrue(e.getMessage().contains("declares 1900000000 bytes")
                && e.getMessage().contains(BoundedFiles.mib(BoundedFiles.BINARY_LIMIT)), e.getMessage());
    }

    @Test
    void aHugeConfigFileIsRefusedBeforeReading() throws Exception {
        Path huge = sparse("huge.json", 3L << 30);
        CliRun r = CliRun.of("macs", "--config", huge.toString(), "--json");
        failsWithOneLine(r, huge.toString(), "64 MiB limit");
    }

    @Test
    void devZeroAsConfigStopsAtTheLimit() {
        CliRun r = CliRun.of("extract", "--checkpoint", PTH, "--config", "/dev/zero", "--out",
                tmp.resolve("x").toString());
        failsWithOneLine(r, "/dev/zero", "64 MiB limit");
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void devZeroAsCheckpointIsNotACheckpoint() {
        CliRun r = CliRun.of("extract", "--checkpoint", "/dev/zero", "--config", CONFIG, "--out",
                tmp.resolve("x").toString());
        failsWithOneLine(r, "/dev/zero", "not a PyTorch checkpoint");
    }

    @Test
    void aHugeMeasurementFileIsRefusedBeforeReading() throws Exception {
        Path huge = sparse("bench.csv", 3L << 30);
        OfaException e = assertThrows(OfaException.class, () -> MeasurementImporter.importFile(huge, null));
        assertTrue(e.getMessage().contains("64 MiB limit for a measurement file"), e.getMessage());
    }

    @Test
    void aResolutionRangeToIntMaxFailsFastForEveryCommandThatTakesIt() {
        failsWithOneLine(CliRun.of("macs", "--config", CONFIG, "--resolutions", "128-2147483647:4"),
                "--resolutions", "1..4096", "128-2147483647:4");
        failsWithOneLine(CliRun.of(SearchCommandTest.search("--lut", SearchCommandTest.LUT,
                        "--max-latency-ms", "25", "--resolutions", "128-2147483647:4")),
                "--resolutions", "1..4096");
        failsWithOneLine(CliRun.of("macs", "--config", CONFIG, "--resolutions", "1-4096:1"),
                "at most 1024 resolutions");
    }

    // --- our checkpoint format: header checked before allocating ---

    private Path checkpointBytes(String name, byte[] body) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("OFASCKPT".getBytes(StandardCharsets.US_ASCII));
        b.write(CheckpointFile.VERSION);
        b.write(body);
        CRC32 crc = new CRC32();
        crc.update(b.toByteArray());
        new DataOutputStream(b).writeLong(crc.getValue());
        return Files.write(tmp.resolve(name), b.toByteArray());
    }

    @Test
    void aNegativeHeaderLengthIsMalformedNotACrash() throws Exception {
        Path f = checkpointBytes("neg.ofa", ByteBuffer.allocate(8).putInt(-5).putInt(0).array());
        OfaException e = assertThrows(OfaException.class, () -> CheckpointFile.read(f));
        assertTrue(e.getMessage().contains("header length -5"), e.getMessage());
    }

    @Test
    void aNegativeRankIsMalformedNotACrash() throws Exception {
        byte[] header = "{}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(header.length).put(header).putInt(1).putShort((short) 1).put((byte) 'w').put((byte) 0).put((byte) -3);
        Path f = checkpointBytes("rank.ofa", Arrays.copyOf(b.array(), b.position()));
        OfaException e = assertThrows(OfaException.class, () -> CheckpointFile.read(f));
        assertTrue(e.getMessage().contains("tensor 'w': rank -3"), e.getMessage());
    }

    @Test
    void aTensorLargerThanTheFileIsMalformed() throws Exception {
        byte[] header = "{}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(header.length).put(header).putInt(1).putShort((short) 1).put((byte) 'w').put((byte) 0).put((byte) 2)
                .putLong(100_000_000L).putLong(1280L);
        Path f = checkpointBytes("huge.ofa", Arrays.copyOf(b.array(), b.position()));
        OfaException e = assertThrows(OfaException.class, () -> CheckpointFile.read(f));
        assertTrue(e.getMessage().contains("needs 512000000000 bytes"), e.getMessage());
    }

    @Test
    void aHeaderClaimingAHundredMillionClassesFailsBeforeBuildingTheNetwork() throws Exception {
        Mbv3Space real = Mbv3Space.mobileNetV3(1.0).withNumClasses(10);
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("kind", "supernet");
        h.set("space", SearchSpaces.toJson(real.withNumClasses(100_000_000)));
        Path f = tmp.resolve("liar.ofa");
        Map<String, dev.ofastudio.engine.io.pth.Tensor> tensors = new LinkedHashMap<>();
        tensors.put("first_conv.conv.weight", CheckpointFile.floats("first_conv.conv.weight",
                new long[] {16, 3, 3, 3}, new float[16 * 27]));
        tensors.put("classifier.linear.linear.weight", CheckpointFile.floats("classifier.linear.linear.weight",
                new long[] {10, 1280}, new float[12800]));
        CheckpointFile.write(f, h, tensors);
        try (NDManager m = NDManager.newBaseManager()) {
            OfaException e = assertThrows(OfaException.class, () -> SupernetFiles.load(f, m));
            assertTrue(e.getMessage().contains("100000000 classes") && e.getMessage().contains("[10, 1280]"),
                    e.getMessage());
        }
    }

    // --- one line per error ---

    @Test
    void anUnknownOptionIsOneLineWithoutTheTryHelpLine() {
        CliRun r = CliRun.of("macs", "--config", CONFIG, "--frobnicate");
        failsWithOneLine(r, "ofa: ", "--frobnicate", "ofa macs --help");
    }

    @Test
    void newlinesInValuesAreEscaped() {
        CliRun r = CliRun.of("macs", "--config", CONFIG, "--width", "1.0\nrm -rf /");
        failsWithOneLine(r, "1.0\\nrm -rf /");
        CliRun missing = CliRun.of("macs", "--config", "no\nsuch.json");
        failsWithOneLine(missing, "no\\nsuch.json");
    }

    @Test
    void oneLineEscapesControlCharactersAndBoundsLength() {
        assertEquals("a\\nb\\tc\\u0007", OfaCli.oneLine("a\nb\tc\u0007"));
        assertTrue(OfaCli.oneLine("x".repeat(20_000)).length() <= OfaCli.MAX_MESSAGE + 1);
    }

    // --- helpers ---

    private Path sparse(String name, long size) throws IOException {
        Path p = tmp.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    private static void deflatedZip(Path file, String name, byte[] content) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        }
    }

    /** Rewrites the uncompressed size of the (only) central directory entry. */
    private static void patchCentralSize(Path file, long size) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = all.length - 22; i >= 0; i--) {
            if (b.getInt(i) == 0x02014b50) {
                b.putInt(i + 24, (int) size);
                Files.write(file, all);
                return;
            }
        }
        throw new IllegalStateException("no central directory in " + file);
    }
}
