package dev.ofastudio.app.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a run's {@code metrics.jsonl} incrementally, like {@code tail -f}: each {@link #poll()}
 * returns the complete lines written since the previous one. A line still being written (no
 * newline yet) waits for the next poll; a line a kill cut short, or one that is not ours, is skipped.
 * Not thread-safe: one reader thread polls.
 */
public final class MetricsTail {
    /** Bytes read per chunk, so a long run's file never needs one large buffer. */
    private static final int CHUNK = 1 << 20;

    private final Path file;
    private long offset;

    public MetricsTail(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The lines added since the last poll; empty when the file does not exist (yet). */
    public MetricPoints poll() throws OfaException {
        List<MetricPoints.Step> steps = new ArrayList<>();
        List<MetricPoints.Eval> evals = new ArrayList<>();
        boolean reset = false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < offset) {
                offset = 0;
                reset = true;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, size - offset)));
            byte[] carry = new byte[0];
            while (offset + carry.length < size) {
                buf.clear();
                int n = ch.read(buf, offset + carry.length);
                if (n <= 0) {
                    break;
                }
                byte[] chunk = new byte[carry.length + n];
                System.arraycopy(carry, 0, chunk, 0, carry.length);
                System.arraycopy(buf.array(), 0, chunk, carry.length, n);
                int start = 0;
                for (int i = 0; i < chunk.length; i++) {
                    if (chunk[i] == '\n') {
                        parse(new String(chunk, start, i - start, StandardCharsets.UTF_8), steps, evals);
                        start = i + 1;
                    }
                }
                offset += start;
                carry = Arrays.copyOfRange(chunk, start, chunk.length);
                if (carry.length > 16 * CHUNK) {
                    throw new OfaException(file + ": expected one JSON object per line, found a line over "
                            + 16 * CHUNK + " bytes");
                }
            }
        } catch (NoSuchFileException e) {
            // Not written yet, or removed: a new file starts the curves over.
            boolean had = offset > 0;
            offset = 0;
            return new MetricPoints(had, steps, evals);
        } catch (IOException e) {
            throw new OfaException(file + ": cannot read: " + e.getMessage());
        }
        return new MetricPoints(reset, steps, evals);
    }

    private void parse(String line, List<MetricPoints.Step> steps, List<MetricPoints.Eval> evals) {
        if (line.isBlank()) {
            return;
        }
        JsonNode n;
        try {
            n = Json.parse(line, file.toString());
        } catch (OfaException cut) {
            // The line a kill cut short: the run rewrites that step later.
            return;
        }
        String type = n.path("type").asText();
        if (type.equals("step") && n.has("global_step") && n.path("loss").isNumber()) {
            steps.add(new MetricPoints.Step(n.path("phase").asText(), n.path("phase_index").asInt(),
                    n.path("step").asLong(), n.path("phase_steps").asLong(), n.path("global_step").asLong(),
                    n.path("loss").asDouble(), n.path("eta_seconds").asDouble(Double.NaN)));
        } else if (type.equals("eval") && n.path("top1").isNumber()) {
            evals.add(new MetricPoints.Eval(n.path("phase").asText(), n.path("subnet").asText(),
                    n.path("top1").asDouble()));
        }
    }
}
