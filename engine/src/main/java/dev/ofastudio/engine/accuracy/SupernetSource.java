package dev.ofastudio.engine.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.pth.PthReader;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import dev.ofastudio.engine.supernet.CheckpointFile;
import dev.ofastudio.engine.supernet.SupernetFiles;
import dev.ofastudio.engine.train.RunFolder;
import dev.ofastudio.engine.train.TrainPreset;
import dev.ofastudio.engine.train.TrainPresets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The trained supernet an accuracy dataset is built from, with what its training run recorded:
 * a run folder of {@code ofa train} ({@code supernet.ofa} plus {@code run.json}: data folder,
 * train and holdout sizes, preset), or a bare supernet file (our {@code .ofa} or an OFA
 * {@code .pth}), for which the caller supplies the holdout size.
 *
 * @param holdoutImages the trainer's holdout size; null for a bare file
 * @param trainImages   images of the dataset's train split before the holdout was taken; null if unknown
 * @param dataDir       the run's data folder; null if unknown
 * @param calibImages   the preset's BN-recalibration images; null if unknown
 */
public record SupernetSource(Path file, Mbv3Space space, String sha256, Integer holdoutImages, Integer trainImages,
        Path dataDir, Integer calibImages) {

    /** Opens a run folder or a supernet file. */
    public static SupernetSource open(Path runDirOrFile) throws OfaException {
        if (Files.isDirectory(runDirOrFile)) {
            return fromRun(runDirOrFile);
        }
        if (!Files.isRegularFile(runDirOrFile)) {
            throw new OfaException(runDirOrFile + ": supernet: expected a training run folder or a supernet file "
                    + "(.ofa or .pth), found nothing");
        }
        return new SupernetSource(runDirOrFile, spaceOf(runDirOrFile), sha256(runDirOrFile), null, null, null, null);
    }

    private static SupernetSource fromRun(Path dir) throws OfaException {
        RunFolder run = RunFolder.existing(dir);
        if (!Files.isRegularFile(run.supernet())) {
            throw new OfaException(run.supernet() + ": supernet: expected the finished run's supernet, found none "
                    + "(is the training still running? resume it with 'ofa train --resume --out " + dir + "')");
        }
        JsonNode info = Json.read(run.runInfo());
        String src = run.runInfo().toString();
        int holdout = positiveInt(info, "holdout_images", src);
        int train = positiveInt(info, "train_images", src);
        String data = info.path("data").asText("");
        TrainPreset preset = TrainPresets.byName(info.path("preset").asText(""));
        return new SupernetSource(run.supernet(), spaceOf(run.supernet()), sha256(run.supernet()), holdout,
                train + holdout, data.isEmpty() ? null : Path.of(data), preset == null ? null : preset.calibImages());
    }

    private static int positiveInt(JsonNode n, String field, String src) throws OfaException {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || v.asInt() < 1) {
            throw new OfaException(src + ": field " + field + ": expected a positive image count, found "
                    + (v == null ? "nothing" : v));
        }
        return v.asInt();
    }

    /** The space a supernet file records (our checkpoint) or implies (an OFA state dict). */
    static Mbv3Space spaceOf(Path file) throws OfaException {
        if (CheckpointFile.isCheckpoint(file)) {
            CheckpointFile.Content c = CheckpointFile.read(file);
            if (!"supernet".equals(c.header().path("kind").asText())) {
                throw new OfaException(file + ": field kind: expected a supernet, found '"
                        + c.header().path("kind").asText() + "'");
            }
            return SupernetFiles.space(c.header(), file);
        }
        return SupernetFiles.inferSpace(PthReader.read(file), file.toString());
    }

    /** SHA-256 (hex) of a file's bytes. */
    public static String sha256(Path file) throws OfaException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new OfaException(file + ": cannot read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
