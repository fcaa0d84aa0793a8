package dev.ofastudio.engine.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.io.BoundedFiles;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.WriterLock;
import dev.ofastudio.engine.space.SubnetConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The accuracy dataset on disk: a CSV whose first line is {@code # } plus the build's header as
 * one line of JSON ({@link #FORMAT}, version, supernet hash, space, seed, n, …), then the column
 * names {@link #COLUMNS}, then one row per evaluated sub-network in the order rows finished:
 * <pre>
 *   index,r,ks,e,d,top1,macs,params,loss,images,seconds
 *   17,32,3 5 7 …,6 4 3 …,2 4 3 3 2,0.8734,21034496,2911210,0.3551,5000,4.21
 * </pre>
 * {@code ks} and {@code e} list all 20 blocks (skipped ones hold the smallest choice), {@code d}
 * the five stage depths, space-separated; {@code top1} is on a 0–1 scale. Rows are appended and
 * flushed one by one, each with a single write, so a killed build can leave at most one torn last
 * line; {@link #read} reports it and {@link Appender#resume} cuts it off.
 */
public final class AccuracyDatasetFile {
    public static final String FORMAT = "ofa-studio-accuracy-dataset";
    public static final int VERSION = 1;
    public static final List<String> COLUMNS =
            List.of("index", "r", "ks", "e", "d", "top1", "macs", "params", "loss", "images", "seconds");
    static final String HEADER_PREFIX = "# ";

    /** What a file holds: its header, its complete rows, and the length of its valid part in bytes. */
    public record Content(Path file, ObjectNode header, List<AccuracyRow> rows, long validBytes, boolean tornLastLine,
            String sha256) {
    }

    private AccuracyDatasetFile() {
    }

    /** The first line of a file with {@code header}. */
    static String headerLines(ObjectNode header) {
        return HEADER_PREFIX + header.toString() + "\n" + String.join(",", COLUMNS) + "\n";
    }

    /** Reads {@code file}; a last line without its newline (a killed build) is left out and flagged. */
    public static Content read(Path file) throws OfaException {
        if (!Files.isRegularFile(file)) {
            throw new OfaException(file + ": accuracy dataset: expected a CSV file made by 'ofa dataset build', found "
                    + (Files.exists(file) ? "a folder" : "nothing"));
        }
        byte[] bytes = BoundedFiles.readBytes(file, BoundedFiles.TEXT_LIMIT, "an accuracy dataset");
        String text = new String(bytes, StandardCharsets.UTF_8);
        int first = text.indexOf('\n');
        if (!text.startsWith(HEADER_PREFIX) || first < 0) {
            throw new OfaException(file + ": line 1: expected '# {\"format\": \"" + FORMAT
                    + "\", ...}' (a file made by 'ofa dataset build'), found " + quote(firstLine(text)));
        }
        ObjectNode header = parseHeader(text.substring(HEADER_PREFIX.length(), first), file);
        int second = text.indexOf('\n', first + 1);
        String columns = second < 0 ? text.substring(first + 1) : text.substring(first + 1, second);
        if (second < 0 || !columns.equals(String.join(",", COLUMNS))) {
            throw new OfaException(file + ": line 2: expected the columns " + String.join(",", COLUMNS) + ", found "
                    + quote(columns));
        }
        List<AccuracyRow> rows = new ArrayList<>();
        int pos = second + 1;
        int line = 3;
        boolean torn = false;
        long valid = byteLength(text, pos);
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                torn = true;
                break;
            }
            rows.add(parseRow(text.substring(pos, end), file, line));
            pos = end + 1;
            line++;
            valid = byteLength(text, pos);
        }
        return new Content(file, header, rows, valid, torn, sha256(bytes, (int) valid));
    }

    private static long byteLength(String text, int chars) {
        return text.substring(0, chars).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String s = nl < 0 ? text : text.substring(0, nl);
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String quote(String s) {
        return s.isEmpty() ? "nothing" : "'" + s + "'";
    }

    private static ObjectNode parseHeader(String json, Path file) throws OfaException {
        JsonNode h;
        try {
            h = Json.parse(json, file + " line 1");
        } catch (OfaException e) {
            throw new OfaException(file + ": line 1: expected the build's header as JSON, found malformed JSON");
        }
        if (!(h instanceof ObjectNode o) || !FORMAT.equals(h.path("format").asText())) {
            throw new OfaException(file + ": line 1: field format: expected \"" + FORMAT + "\", found "
                    + (h.has("format") ? h.get("format") : "nothing"));
        }
        if (h.path("version").asInt(-1) != VERSION) {
            throw new OfaException(file + ": line 1: field version: expected " + VERSION + ", found "
                    + (h.has("version") ? h.get("version") : "nothing"));
        }
        return o;
    }

    static String format(AccuracyRow r) {
        SubnetConfig c = r.config();
        return String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s,%d,%d,%s,%d,%.3f", r.index(), c.r(), join(c.ks()),
                join(c.e()), join(c.d()), Double.toString(r.top1()), r.macs(), r.params(), Double.toString(r.loss()),
                r.images(), r.seconds());
    }

    private static String join(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : " ").append(v[i]);
        }
        return sb.toString();
    }

    static AccuracyRow parseRow(String text, Path file, int line) throws OfaException {
        String[] f = text.split(",", -1);
        String where = file + ": line " + line + ": ";
        if (f.length != COLUMNS.size()) {
            throw new OfaException(where + "expected " + COLUMNS.size() + " comma-separated fields ("
                    + String.join(",", COLUMNS) + "), found " + f.length);
        }
        try {
            int index = Integer.parseInt(f[0]);
            int r = Integer.parseInt(f[1]);
            int[] ks = ints(f[2], SubnetConfig.BLOCKS, where + "field ks");
            int[] e = ints(f[3], SubnetConfig.BLOCKS, where + "field e");
            int[] d = ints(f[4], SubnetConfig.STAGES, where + "field d");
            double top1 = Double.parseDouble(f[5]);
            if (index < 0 || r < 1 || !(top1 >= 0 && top1 <= 1)) {
                throw new OfaException(where + "expected index >= 0, r >= 1 and top1 in [0, 1], found "
                        + index + ", " + r + ", " + f[5]);
            }
            return new AccuracyRow(index, new SubnetConfig(ks, e, d, r), top1, Long.parseLong(f[6]),
                    Long.parseLong(f[7]), Double.parseDouble(f[8]), Integer.parseInt(f[9]), Double.parseDouble(f[10]));
        } catch (NumberFormatException ex) {
            throw new OfaException(where + "expected numbers in " + String.join(",", COLUMNS) + ", found '"
                    + (text.length() > 120 ? text.substring(0, 120) + "…" : text) + "'");
        }
    }

    private static int[] ints(String field, int count, String where) throws OfaException {
        String[] parts = field.strip().split(" ");
        if (parts.length != count) {
            throw new OfaException(where + ": expected " + count + " space-separated integers, found " + parts.length);
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = Integer.parseInt(parts[i]);
        }
        return out;
    }

    /** SHA-256 (hex) of the first {@code length} bytes: the dataset's identity in predictor files. */
    static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, 0, length);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Appends rows to a dataset file, one flushed write per row. Thread-safe. */
    public static final class Appender implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;

        private Appender(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        /** A new file (which must not exist) holding {@code header} and no rows. */
        public static Appender create(Path file, ObjectNode header) throws OfaException {
            if (Files.exists(file)) {
                throw new OfaException(file + ": already exists (nothing was changed)");
            }
            AtomicFiles.writeString(file, headerLines(header));
            return open(file, -1);
        }

        /**
         * Continues {@code existing}: cuts off a torn last line, then appends. The caller has
         * checked that the header matches its build.
         */
        public static Appender resume(Content existing) throws OfaException {
            return open(existing.file(), existing.validBytes());
        }

        private static Appender open(Path file, long truncateTo) throws OfaException {
            try {
                // One writer per file: a second build (another studio, the CLI) on the same CSV
                // would interleave rows and cut the other's last line as torn.
                FileChannel ch = WriterLock.open(file, file + ": another build is writing this file (nothing was "
                        + "changed); let it finish or stop it first");
                if (truncateTo >= 0 && ch.size() > truncateTo) {
                    ch.truncate(truncateTo);
                }
                ch.position(ch.size());
                return new Appender(file, ch);
            } catch (IOException e) {
                throw new OfaException(file + ": cannot open for appending: " + e.getMessage());
            }
        }

        public synchronized void append(AccuracyRow row) throws OfaException {
            ByteBuffer b = ByteBuffer.wrap((format(row) + "\n").getBytes(StandardCharsets.UTF_8));
            try {
                while (b.hasRemaining()) {
                    channel.write(b);
                }
                channel.force(false);
            } catch (IOException e) {
                throw new OfaException(file + ": cannot append a row: " + e.getMessage());
            }
        }

        @Override
        public synchronized void close() throws OfaException {
            try {
                channel.close();
            } catch (IOException e) {
                throw new OfaException(file + ": cannot close: " + e.getMessage());
            }
        }
    }

    /** Reads the rows of a finished or partial file, in plan order, for training. */
    public static List<AccuracyRow> sortedRows(Content c) {
        List<AccuracyRow> rows = new ArrayList<>(c.rows());
        rows.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return rows;
    }
}
